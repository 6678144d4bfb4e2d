import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SKILL_URI } from '../../src/core/catalogue/uri.js';
import { setLogLevel } from '../../src/util/log.js';
import { type HttpService, loadHttpConfig, startHttpServer } from '../../src/transports/http.js';
import { shippedEngine } from '../helpers/engine.js';
import { INIT, POST_HEADERS, raw } from '../helpers/http.js';
import { SKILLS_EXTENSION, sha256Digest, skillsOf } from '../helpers/skills.js';

type Era = 'legacy' | 'modern';
type Content = { type: string; text?: string };

/** A raw HTTP exchange through node:http, which (unlike fetch) lets a test set any Host header. */
async function connect(url: string, era: Era) {
  const client = new Client(
    { name: 'bek-http-test', version: '1.0.0' },
    era === 'modern' ? { versionNegotiation: { mode: { pin: '2026-07-28' } } } : {},
  );
  await client.connect(new StreamableHTTPClientTransport(new URL(url)));
  return client;
}

let service: HttpService;
let base: string;
beforeAll(async () => {
  setLogLevel('silent');
  service = await startHttpServer(shippedEngine(), loadHttpConfig({ port: '0' }, {}));
  base = service.url.replace(/\/mcp$/, '');
});
afterAll(() => service.close());

describe.each(['legacy', 'modern'] as const)('Streamable HTTP with a real SDK client (%s era)', (era) => {
  let client: Client;
  beforeAll(async () => {
    client = await connect(service.url, era);
  });
  afterAll(() => client.close());

  it('negotiates the era it was asked for', () => {
    expect(client.getProtocolEra()).toBe(era);
    expect(client.getServerVersion()?.name).toBe('backend-patterns');
  });

  it('lists the tools and calls search_patterns, select_pattern and get_pattern', async () => {
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name)).toEqual(
      expect.arrayContaining(['search_patterns', 'select_pattern', 'get_pattern', 'get_reference']),
    );

    const search = await client.callTool({
      name: 'search_patterns',
      arguments: { query: 'client retries create duplicate orders' },
    });
    const hits = (search.structuredContent as { results: { id: string }[] }).results;
    expect(search.isError).toBeFalsy();
    expect(hits.map((h) => h.id)).toContain('api-idempotency-keys');

    const select = await client.callTool({
      name: 'select_pattern',
      arguments: { requirements: 'public REST API for payments with retries from mobile clients' },
    });
    const selection = select.structuredContent as { recommendations: unknown[]; supporting: unknown[] };
    expect(select.isError).toBeFalsy();
    expect(selection.recommendations.length + selection.supporting.length).toBeGreaterThan(0);

    const doc = await client.callTool({
      name: 'get_pattern',
      arguments: { id: 'api-idempotency-keys', sections: ['Checklist'] },
    });
    expect(doc.isError).toBeFalsy();
    expect((doc.structuredContent as { id: string }).id).toBe('api-idempotency-keys');
    expect((doc.content as Content[])[0]?.text).toMatch(/- \[ \]/);
  });

  it('answers an unknown id with an error result the model can act on', async () => {
    const result = await client.callTool({ name: 'get_pattern', arguments: { id: 'no-such-pattern' } });
    expect(result.isError).toBe(true);
    expect((result.content as Content[])[0]?.text).toMatch(/search_patterns/);
  });

  it('reads resources and gets the prompt with completions', async () => {
    const { resources } = await client.listResources();
    expect(resources.map((r) => r.uri)).toContain(SKILL_URI);
    const skill = await client.readResource({ uri: SKILL_URI });
    expect((skill.contents[0] as { text: string }).text).toMatch(/Absolute Constraints/);
    const pattern = await client.readResource({ uri: 'bek://patterns/api-idempotency-keys' });
    expect((pattern.contents[0] as { text: string }).text).toMatch(/^# /m);

    const prompt = await client.getPrompt({ name: 'backend-patterns', arguments: { task: 'REST API for orders' } });
    expect((prompt.messages[0]?.content as Content | undefined)?.text).toMatch(
      /## The task at hand\n\nREST API for orders/,
    );
    const completion = await client.complete({
      ref: { type: 'ref/resource', uri: 'bek://patterns/{id}' },
      argument: { name: 'id', value: 'api-idem' },
    });
    expect(completion.completion.values).toContain('api-idempotency-keys');
  });

  it('serves the skills extension on its per-request servers: a listed skill:// file matches its digest', async () => {
    expect(client.getServerCapabilities()?.extensions?.[SKILLS_EXTENSION]).toEqual({ directoryRead: true });
    const skills = skillsOf(client);
    const [skill] = (await skills.list()).skills;
    const file = Array.isArray(skill?.resources)
      ? skill.resources.find((f) => f.uri.endsWith('/rel-outbox.md'))
      : undefined;
    if (!file) throw new Error('rel-outbox.md is not listed');
    const bytes = await skills.readBytes(file.uri);
    expect([sha256Digest(bytes), bytes.length]).toEqual([file.digest, file.size]);
    if (era === 'modern') expect((await client.discover()).supportedVersions).toContain('2025-11-25');
  });
});

describe('HTTP guards and endpoints', () => {
  it('refuses a foreign Host with 403 (DNS-rebinding protection) and accepts localhost', async () => {
    const foreign = await raw(service.url, {
      method: 'POST',
      headers: { ...POST_HEADERS, Host: `evil.example:${service.port}` },
      body: INIT,
    });
    expect(foreign.status).toBe(403);
    expect(JSON.parse(foreign.body)).toMatchObject({
      jsonrpc: '2.0',
      error: { message: 'Invalid Host: evil.example' },
    });
    const local = await raw(service.url, {
      method: 'POST',
      headers: { ...POST_HEADERS, Host: `localhost:${service.port}` },
      body: INIT,
    });
    expect(local.status).toBe(200);
  });

  it('refuses a foreign Origin with 403 and accepts a localhost origin', async () => {
    const foreign = await fetch(service.url, {
      method: 'POST',
      headers: { ...POST_HEADERS, Origin: 'https://evil.example' },
      body: INIT,
    });
    expect(foreign.status).toBe(403);
    expect(await foreign.json()).toMatchObject({ error: { message: 'Invalid Origin: evil.example' } });
    const local = await fetch(service.url, {
      method: 'POST',
      headers: { ...POST_HEADERS, Origin: 'http://localhost:5173' },
      body: INIT,
    });
    expect(local.status).toBe(200);
    await local.body?.cancel();
  });

  it('refuses a body over the limit with 413 before parsing it, declared or streamed', async () => {
    const big = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'ping', params: { pad: 'x'.repeat(1024 * 1024) } });
    const declared = await fetch(service.url, { method: 'POST', headers: POST_HEADERS, body: big });
    expect(declared.status).toBe(413);
    expect(await declared.json()).toMatchObject({
      jsonrpc: '2.0',
      error: { message: 'Request body larger than 1048576 bytes' },
    });
    const chunks = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(big));
        controller.close();
      },
    });
    const streamed = await fetch(service.url, {
      method: 'POST',
      headers: POST_HEADERS,
      body: chunks,
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
  });

  it('serves /healthz with the catalogue size and version', async () => {
    const res = await fetch(`${base}/healthz`);
    const engine = shippedEngine();
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      status: 'ok',
      patterns: engine.catalogue.patterns.length,
      guides: engine.catalogue.guides.length,
      version: engine.catalogue.version,
      package: expect.stringMatching(/^\d+\.\d+\.\d+/),
    });
  });

  it('serves RED metrics in Prometheus text format that count exactly the calls made', async () => {
    // A server of its own, so the counts do not depend on which other tests ran before.
    const own = await startHttpServer(shippedEngine(), loadHttpConfig({ port: '0' }, {}));
    try {
      const client = await connect(own.url, 'legacy');
      await client.callTool({ name: 'search_patterns', arguments: { query: 'rate limiting' } });
      await client.callTool({ name: 'search_patterns', arguments: { query: 'outbox' } });
      await client.callTool({ name: 'get_pattern', arguments: { id: 'no-such-pattern' } });
      // Refused by the SDK's input validation before the tool body runs: still an error for that tool.
      expect((await client.callTool({ name: 'search_patterns', arguments: { query: '' } })).isError).toBe(true);
      await expect(client.callTool({ name: 'made_up_tool', arguments: {} })).rejects.toThrow(/not found/);
      await client.close();
      const modern = await connect(own.url, 'modern');
      await modern.close();
      await raw(own.url, {
        method: 'POST',
        headers: { ...POST_HEADERS, Host: `evil.example:${own.port}` },
        body: INIT,
      });
      const big = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'ping', params: { pad: 'x'.repeat(1024 * 1024) } });
      await fetch(own.url, { method: 'POST', headers: POST_HEADERS, body: big });
      const res = await fetch(own.url.replace(/\/mcp$/, '/metrics'));
      const text = await res.text();
      expect(res.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
      expect(text).toMatch(/^# TYPE bek_mcp_request_duration_seconds histogram$/m);
      const value = (pattern: RegExp) => Number(pattern.exec(text)?.[1] ?? Number.NaN);
      expect(value(/^bek_mcp_requests_total\{tool="search_patterns"\} (\d+)$/m)).toBe(3);
      expect(value(/^bek_mcp_request_duration_seconds_count\{tool="search_patterns"\} (\d+)$/m)).toBe(3);
      expect(value(/^bek_mcp_errors_total\{tool="search_patterns",reason="rejected"\} (\d+)$/m)).toBe(1);
      // A made-up tool name never becomes a series of its own.
      expect(value(/^bek_mcp_errors_total\{tool="unknown",reason="jsonrpc_error"\} (\d+)$/m)).toBe(1);
      expect(text).not.toContain('made_up_tool');
      expect(value(/^bek_mcp_errors_total\{tool="get_pattern",reason="error_result"\} (\d+)$/m)).toBe(1);
      expect(value(/^bek_mcp_requests_total\{tool="initialize"\} (\d+)$/m)).toBeGreaterThanOrEqual(1);
      expect(value(/^bek_mcp_requests_total\{tool="server\/discover"\} (\d+)$/m)).toBeGreaterThanOrEqual(1);
      expect(value(/^bek_http_requests_total\{route="mcp",status="403"\} (\d+)$/m)).toBe(1);
      expect(value(/^bek_http_requests_total\{route="mcp",status="413"\} (\d+)$/m)).toBe(1);
    } finally {
      await own.close();
    }
  });

  it('echoes a sane X-Request-Id and replaces an unsafe one', async () => {
    const given = await fetch(`${base}/healthz`, { headers: { 'X-Request-Id': 'trace-42.abc_DEF' } });
    expect(given.headers.get('x-request-id')).toBe('trace-42.abc_DEF');
    const unsafe = await fetch(`${base}/healthz`, { headers: { 'X-Request-Id': 'bad id\twith spaces' } });
    expect(unsafe.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const long = await fetch(`${base}/healthz`, { headers: { 'X-Request-Id': 'a'.repeat(129) } });
    expect(long.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers unknown paths with 404', async () => {
    const res = await fetch(`${base}/admin`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
  });
});
