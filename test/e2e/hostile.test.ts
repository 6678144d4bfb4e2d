import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST_HEADERS, raw } from '../helpers/http.js';

// Hostile inputs against the built binary, over HTTP and stdio: each gets a bounded, clear answer,
// and the server goes on serving afterwards. Loopback only, every request bounded.

const ROOT = join(import.meta.dirname, '../..');
const CLI = join(ROOT, 'dist/cli.js');
const cleanEnv = () => Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('BEK_')));
const call = (id: number, method: string, params: object) => JSON.stringify({ jsonrpc: '2.0', id, method, params });
const tool = (id: number, name: string, args: object) => call(id, 'tools/call', { name, arguments: args });

describe('the built `bek serve --http` under hostile requests', () => {
  let child: ChildProcess;
  let url = '';
  let base = '';
  const post = (body: string, headers: Record<string, string> = {}) =>
    raw(url, { method: 'POST', headers: { ...POST_HEADERS, ...headers }, body });
  /** A JSON-RPC answer from a JSON or an SSE body. */
  const rpc = (body: string) =>
    JSON.parse(body.startsWith('{') ? body : (/^data: (.+)$/m.exec(body)?.[1] ?? 'null')) as {
      result?: { isError?: boolean; content?: { text: string }[] };
      error?: { code: number; message: string };
    };
  const stillServes = async () => {
    const r = rpc((await post(tool(99, 'search_patterns', { query: 'rate limiting' }))).body);
    expect(r.result?.isError).toBeFalsy();
  };

  beforeAll(async () => {
    child = spawn(process.execPath, [CLI, 'serve', '--http', '--port', '0'], {
      env: { ...cleanEnv(), BEK_RATE_LIMIT_PER_MINUTE: '100000' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const lines = createInterface({ input: child.stderr as NodeJS.ReadableStream });
    url = await new Promise<string>((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`server exited early with ${code}`)));
      lines.on('line', (line) => {
        const entry = JSON.parse(line) as { msg?: string; url?: string };
        if (entry.msg === 'listening') resolve(String(entry.url));
      });
    });
    base = url.replace(/\/mcp$/, '');
  });
  afterAll(() => {
    if (child.exitCode === null) child.kill('SIGKILL');
  });

  it('refuses a JSON-RPC batch with -32600 and runs none of its calls', async () => {
    const batch = `[${Array.from({ length: 100 }, (_, i) => tool(i, 'get_pattern', { id: 'rel-outbox' })).join(',')}]`;
    const res = await post(batch);
    expect(res.status).toBe(400);
    expect(rpc(res.body).error).toMatchObject({
      code: -32600,
      message: expect.stringMatching(/batches are not supported/),
    });
    expect(res.body.length).toBeLessThan(400);
    await stillServes();
  });

  it('answers a 900 KB tool name with a short -32602, never echoing it', async () => {
    const res = await post(tool(1, 'x'.repeat(900_000), {}));
    expect(rpc(res.body).error?.code).toBe(-32602);
    expect(res.body.length).toBeLessThan(400);
    await stillServes();
  });

  it('answers a 50,000-character resource id at once with -32602, /healthz meanwhile', async () => {
    const started = performance.now();
    const read = post(call(1, 'resources/read', { uri: `bek://patterns/${'a'.repeat(50_000)}` }));
    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(200);
    const res = await read;
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(rpc(res.body).error).toMatchObject({ code: -32602, message: expect.stringMatching(/longer than 100/) });
    expect(res.body.length).toBeLessThan(600);
  });

  it('answers an unknown id and a malformed percent-encoding with -32602 that says what to send', async () => {
    const unknown = rpc((await post(call(1, 'resources/read', { uri: 'bek://patterns/no-such-thing' }))).body);
    expect(unknown.error).toMatchObject({ code: -32602, message: expect.stringMatching(/Unknown pattern id/) });
    const malformed = rpc((await post(call(2, 'resources/read', { uri: 'bek://patterns/%E0%A4%A' }))).body);
    expect(malformed.error).toMatchObject({ code: -32602, message: expect.stringMatching(/bek:\/\/patterns\/<id>/) });
  });

  it('bounds the work of one long word in select_pattern, search_patterns and the prompt', async () => {
    const word = 'q'.repeat(3990);
    for (const body of [
      tool(1, 'select_pattern', { requirements: word }),
      tool(2, 'search_patterns', { query: 'z'.repeat(500) }),
      call(3, 'prompts/get', { name: 'backend-patterns', arguments: { task: word } }),
    ]) {
      const started = performance.now();
      const res = await post(body);
      expect(res.status).toBe(200);
      expect(performance.now() - started).toBeLessThan(1_000);
    }
  });

  it('refuses a Host with userinfo with 403 and no 500', async () => {
    const res = await post(call(1, 'ping', {}), { Host: 'evil.com@127.0.0.1' });
    expect(res.status).toBe(403);
    await stillServes();
  });

  it('keeps made-up method names out of the metrics', async () => {
    for (let i = 0; i < 40; i++) await post(call(i, `made/up/${i}`, {}));
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).not.toMatch(/made\/up/);
    expect(metrics).toMatch(/tool="other"/);
    await stillServes();
  });

  it('gives invalid arguments a short message naming the field, not raw schema JSON', async () => {
    const r = rpc((await post(tool(1, 'search_patterns', { query: '', limit: 999 }))).body);
    const text = r.result?.content?.[0]?.text ?? r.error?.message ?? '';
    expect(text).toMatch(/query: the query is empty/);
    expect(text).toMatch(/limit: expected a whole number from 1 to 50/);
    expect(text).not.toMatch(/"code":|\[\{/);
  });

  it('serves a real client after all of the above', async () => {
    const client = new Client({ name: 'bek-hostile-test', version: '1.0.0' });
    await client.connect(new StreamableHTTPClientTransport(new URL(url)));
    expect((await client.listTools()).tools.length).toBeGreaterThan(0);
    await client.close();
  });
});

describe('the built `bek serve` over stdio under hostile messages', () => {
  it('answers an unknown resource with -32602 and goes on', async () => {
    const client = new Client({ name: 'bek-hostile-test', version: '1.0.0' });
    await client.connect(new StdioClientTransport({ command: process.execPath, args: [CLI, 'serve'], stderr: 'pipe' }));
    await expect(client.readResource({ uri: `bek://patterns/${'b'.repeat(5000)}` })).rejects.toMatchObject({
      code: -32602,
    });
    expect((await client.callTool({ name: 'search_patterns', arguments: { query: 'outbox' } })).isError).toBeFalsy();
    await client.close();
  });

  it('answers a line over the 10 MiB limit with a JSON-RPC error, logs why and exits 1', () => {
    const init = call(1, 'initialize', {
      protocolVersion: '2025-11-25',
      capabilities: {},
      clientInfo: { name: 't', version: '1' },
    });
    const big = call(2, 'ping', { pad: 'x'.repeat(11 * 1024 * 1024) });
    const r = spawnSync(process.execPath, [CLI, 'serve'], {
      input: `${init}\n${big}\n`,
      timeout: 20_000,
      env: cleanEnv(),
    });
    expect(r.status).toBe(1);
    const last = JSON.parse(r.stdout.toString().trim().split('\n').at(-1) ?? '{}') as { id: unknown; error?: object };
    expect(last).toMatchObject({ id: null, error: { code: -32600 } });
    expect(r.stderr.toString()).toMatch(/over the stdio size limit/);
  });
});

describe('a hostile catalogue folder', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bek-hostile-'));
  const patterns = join(dir, 'references/patterns');
  const marker = join(dir, 'pwned');
  beforeAll(() => {
    cpSync(join(ROOT, 'skill'), join(dir, 'skill'), { recursive: true });
    cpSync(join(ROOT, 'references'), join(dir, 'references'), { recursive: true });
    const js = `{ id: require('fs').writeFileSync(${JSON.stringify(marker)}, 'x') }`;
    writeFileSync(join(patterns, 'eval-js.md'), `---js\n${js}\n---\n# x\n`);
    writeFileSync(join(patterns, 'eval-spaced.md'), `--- JavaScript \n${js}\n---\n# x\n`);
    spawnSync('mkfifo', [join(patterns, 'fifo.md')]);
    symlinkSync('/dev/zero', join(patterns, 'zero.md'));
    symlinkSync('loop.md', join(patterns, 'loop.md'));
    symlinkSync('nowhere.md', join(patterns, 'dangling.md'));
    symlinkSync('/etc/hostname', join(patterns, 'outside.md'));
    mkdirSync(join(patterns, 'folder.md'));
    writeFileSync(join(patterns, 'huge.md'), `---\nid: huge\n---\n${'a'.repeat(2 * 1024 * 1024)}`);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('bek validate names every bad file, runs no code and exits 1', () => {
    const r = spawnSync(process.execPath, [CLI, 'validate', dir], { timeout: 20_000, env: cleanEnv() });
    expect(r.status).toBe(1);
    const err = r.stderr.toString();
    for (const [file, why] of [
      ['eval-js.md', /must be YAML/],
      ['eval-spaced.md', /must be YAML/],
      ['fifo.md', /a FIFO/],
      ['zero.md', /outside the catalogue folder/],
      ['loop.md', /symlink loop/],
      ['dangling.md', /dangling symlink/],
      ['outside.md', /outside the catalogue folder/],
      ['folder.md', /a directory/],
      ['huge.md', /over the limit of 1048576 bytes/],
    ] as const) {
      expect(err).toMatch(
        new RegExp(`references/patterns/${file}: \\(file\\)|references/patterns/${file}: \\(front matter\\)`),
      );
      expect(err.split('\n').find((l) => l.includes(`/${file}:`))).toMatch(why);
    }
    expect(err).not.toMatch(/internal error|at .*\.js:\d+/);
    expect(existsSync(marker)).toBe(false);
  });

  it('bek serve refuses to start on it, with the same problems', () => {
    const r = spawnSync(process.execPath, [CLI, 'serve'], {
      timeout: 20_000,
      input: '',
      env: { ...cleanEnv(), BEK_CATALOGUE_DIR: dir, BEK_CACHE_DIR: 'off' },
    });
    expect(r.status).toBe(1);
    expect(r.stderr.toString()).toMatch(/fifo\.md: \(file\): a FIFO/);
    expect(r.stdout.toString()).toBe('');
    expect(existsSync(marker)).toBe(false);
  });
});
