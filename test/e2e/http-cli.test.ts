import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');

describe('the built `bek serve --http`', () => {
  let child: ChildProcess;
  let url: string;
  let stdout = '';
  const logs: Record<string, unknown>[] = [];

  beforeAll(async () => {
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('BEK_')));
    child = spawn(process.execPath, ['dist/cli.js', 'serve', '--http', '--port', '0'], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (c: Buffer) => (stdout += c.toString()));
    const lines = createInterface({ input: child.stderr as NodeJS.ReadableStream });
    url = await new Promise<string>((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`server exited early with ${code}: ${JSON.stringify(logs)}`)));
      lines.on('line', (line) => {
        const entry = JSON.parse(line) as Record<string, unknown>;
        logs.push(entry);
        if (entry.msg === 'listening') resolve(String(entry.url));
      });
    });
  });
  afterAll(() => {
    if (child.exitCode === null) child.kill('SIGKILL');
  });

  it('logs its real URL on an ephemeral loopback port', () => {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/mcp$/);
    expect(url).not.toMatch(/:0\/mcp$/);
  });

  it('answers /healthz and a tool call', async () => {
    const health = await fetch(url.replace(/\/mcp$/, '/healthz'));
    expect(health.status).toBe(200);
    expect(((await health.json()) as { patterns: number }).patterns).toBeGreaterThan(0);
    const client = new Client({ name: 'bek-cli-test', version: '1.0.0' });
    await client.connect(new StreamableHTTPClientTransport(new URL(url)));
    const result = await client.callTool({ name: 'search_patterns', arguments: { query: 'timeouts' } });
    expect(result.isError).toBeFalsy();
    await client.close();
  });

  it('drains and exits 0 on SIGTERM, with nothing on stdout', async () => {
    child.kill('SIGTERM');
    const [code, signal] = (await once(child, 'exit')) as [number | null, NodeJS.Signals | null];
    expect({ code, signal }).toEqual({ code: 0, signal: null });
    expect(stdout).toBe('');
    expect(logs.map((l) => l.msg)).toEqual(
      expect.arrayContaining(['listening', 'request', 'shutting down', 'stopped']),
    );
  });
});
