import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/util/paths.js';
import { sha256Digest, skillsOf } from '../helpers/skills.js';
import { connectBuilt } from '../helpers/mcp.js';

const CLI = join(PACKAGE_ROOT, 'dist/cli.js');

describe('bek serve over real stdio (built binary)', () => {
  it.each(['legacy', 'modern'] as const)(
    'lists and calls every tool, reads every resource and gets the prompt (%s era)',
    async (era) => {
      const client = await connectBuilt(era);
      try {
        expect(client.getProtocolEra()).toBe(era);
        const { tools } = await client.listTools();
        expect(tools.map((t) => t.name)).toEqual([
          'search_patterns',
          'select_pattern',
          'get_pattern',
          'review_checklist',
          'get_reference',
        ]);
        const search = await client.callTool({
          name: 'search_patterns',
          arguments: { query: 'charged twice when the client retries' },
        });
        expect((search.structuredContent as { results: { id: string }[] }).results[0]?.id).toBe('api-idempotency-keys');
        const select = await client.callTool({
          name: 'select_pattern',
          arguments: { requirements: 'public API that takes payments' },
        });
        expect((select.structuredContent as { supporting: { id: string }[] }).supporting.map((s) => s.id)).toEqual(
          expect.arrayContaining(['sec-rate-limiting', 'api-idempotency-keys']),
        );
        const get = await client.callTool({
          name: 'get_pattern',
          arguments: { id: 'db-n-plus-one', sections: ['Example'] },
        });
        expect((get.structuredContent as { sections: { text: string }[] }).sections[0]?.text).toContain('```ts');
        const ref = await client.callTool({ name: 'get_reference', arguments: { name: 'security-patterns' } });
        expect(ref.isError).toBeFalsy();
        const { resources } = await client.listResources();
        expect(resources.length).toBeGreaterThanOrEqual(36 + 7);
        for (const r of resources)
          expect((await client.readResource({ uri: r.uri })).contents[0]).toHaveProperty('text');
        const prompt = await client.getPrompt({ name: 'backend-patterns', arguments: { task: 'CRUD API for a blog' } });
        expect(JSON.stringify(prompt.messages)).toContain('MANDATORY: Validate all input at API boundaries');
        // The skills extension from the bundle: the files found beside dist/, each matching its digest.
        const skills = skillsOf(client);
        const [skill] = (await skills.list()).skills;
        if (!Array.isArray(skill?.resources)) throw new Error('no skill with a file list');
        expect(skill.resources.length).toBeGreaterThan(80);
        for (const file of skill.resources) {
          const bytes = await skills.readBytes(file.uri);
          expect([sha256Digest(bytes), bytes.length], file.uri).toEqual([file.digest, file.size]);
        }
      } finally {
        await client.close();
      }
    },
    30_000,
  );

  it('writes nothing but JSON-RPC to stdout', async () => {
    const child = spawn(process.execPath, [CLI, 'serve'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    const init = {
      jsonrpc: '2.0',
      id: 1,
      method: 'initialize',
      params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 't', version: '1' } },
    };
    child.stdin.write(`${JSON.stringify(init)}\n`);
    child.stdin.write(`${JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' })}\n`);
    child.stdin.write(
      `${JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'search_patterns', arguments: { query: 'outbox' } } })}\n`,
    );
    await new Promise<void>((resolve) => {
      const check = () => (stdout.split('\n').filter(Boolean).length >= 2 ? resolve() : setTimeout(check, 20));
      check();
    });
    child.stdin.end();
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    const lines = stdout.split('\n').filter(Boolean);
    for (const line of lines) expect(JSON.parse(line)).toHaveProperty('jsonrpc', '2.0');
    expect(lines.map((l) => (JSON.parse(l) as { id: number }).id)).toEqual([1, 2]);
    expect(code).toBe(0);
  }, 20_000);

  it('refuses to start on a broken catalogue, listing the problems on stderr', async () => {
    const child = spawn(process.execPath, [CLI, 'serve'], {
      env: { ...process.env, BEK_CATALOGUE_DIR: join(import.meta.dirname, '../fixtures/broken') },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/fix-alpha\.md: related\.0: unknown pattern id "fix-missing"/);
    expect(stderr).not.toMatch(/\n\s+at /);
  }, 20_000);
});
