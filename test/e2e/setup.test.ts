import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/util/paths.js';

const CLI = join(PACKAGE_ROOT, 'dist/cli.js');

describe('bek setup (built binary)', () => {
  it('--local writes an entry whose command starts a server a real MCP client can use', async () => {
    const home = mkdtempSync(join(tmpdir(), 'bek-setup-e2e-'));
    try {
      // Only HOME and PATH: the entry must not depend on anything else of this shell.
      const env = { HOME: home, PATH: process.env.PATH ?? '' };
      const out = execFileSync(process.execPath, [CLI, 'setup', 'claude-desktop', '--local', '--json'], {
        env,
        encoding: 'utf8',
      });
      const file = join(home, '.config/Claude/claude_desktop_config.json');
      expect(JSON.parse(out)).toMatchObject({ file, action: 'created' });
      const entry = JSON.parse(readFileSync(file, 'utf8')).mcpServers['backend-patterns'];
      expect(entry).toEqual({ command: 'node', args: [CLI, 'serve'] });

      const client = new Client({ name: 'bek-setup-test', version: '1.0.0' });
      await client.connect(new StdioClientTransport({ command: entry.command, args: entry.args, env, stderr: 'pipe' }));
      try {
        expect(client.getServerVersion()?.name).toBe('backend-patterns');
        const { tools } = await client.listTools();
        expect(tools.map((t) => t.name)).toContain('search_patterns');
      } finally {
        await client.close();
      }
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });
});
