import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ServedBek, serveBuilt } from '../helpers/serve.js';

describe('the built `bek serve --http`', () => {
  let served: ServedBek;
  let child: ChildProcess;
  let url: string;
  let logs: Record<string, unknown>[];

  beforeAll(async () => {
    served = await serveBuilt();
    ({ child, url, logs } = served);
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
    expect(served.stdout()).toBe('');
    expect(logs.map((l) => l.msg)).toEqual(
      expect.arrayContaining(['listening', 'request', 'shutting down', 'stopped']),
    );
  });
});
