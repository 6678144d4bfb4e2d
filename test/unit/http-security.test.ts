import { request as httpRequest } from 'node:http';
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { run } from '../../src/cli/run.js';
import { BekError } from '../../src/util/errors.js';
import { setLogLevel } from '../../src/util/log.js';
import { type HttpService, loadHttpConfig, startHttpServer } from '../../src/transports/http.js';
import { createRateLimiter } from '../../src/transports/http/rate-limit.js';
import { shippedEngine } from '../helpers/engine.js';
import { INIT, POST_HEADERS } from '../helpers/http.js';

const TOKEN = 'team-secret-0123456789abcdef';

const start = (env: NodeJS.ProcessEnv) => startHttpServer(shippedEngine(), loadHttpConfig({ port: '0' }, env));
const post = (url: string, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', headers: { ...POST_HEADERS, ...headers }, body: INIT });

beforeAll(() => setLogLevel('silent'));

describe('bearer token', () => {
  let service: HttpService;
  let logged = '';
  beforeAll(async () => {
    service = await start({ BEK_AUTH_TOKEN: TOKEN });
    setLogLevel('debug');
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      logged += String(chunk);
      return true;
    });
  });
  afterAll(async () => {
    vi.restoreAllMocks();
    setLogLevel('silent');
    await service.close();
  });

  it('answers 401 with a Bearer challenge without a token and with a wrong one', async () => {
    const missing = await post(service.url);
    expect(missing.status).toBe(401);
    expect(missing.headers.get('www-authenticate')).toBe('Bearer realm="bek"');
    expect(await missing.json()).toMatchObject({ jsonrpc: '2.0', error: { message: expect.stringMatching(/Bearer/) } });
    const wrong = await post(service.url, { Authorization: `Bearer ${TOKEN.slice(0, -1)}x` });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('www-authenticate')).toBe('Bearer realm="bek", error="invalid_token"');
    const prefix = await post(service.url, { Authorization: `Bearer ${TOKEN}extra` });
    expect(prefix.status).toBe(401);
  });

  it('serves an SDK client that sends the right token', async () => {
    const client = new Client({ name: 't', version: '1' });
    await client.connect(
      new StreamableHTTPClientTransport(new URL(service.url), {
        requestInit: { headers: { Authorization: `Bearer ${TOKEN}` } },
      }),
    );
    const result = await client.callTool({ name: 'search_patterns', arguments: { query: 'rate limiting' } });
    expect(result.isError).toBeFalsy();
    await client.close();
  });

  it('keeps /healthz open and puts /metrics behind the token', async () => {
    const base = service.url.replace(/\/mcp$/, '');
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    expect((await fetch(`${base}/metrics`)).status).toBe(401);
    expect((await fetch(`${base}/metrics`, { headers: { Authorization: `Bearer ${TOKEN}` } })).status).toBe(200);
  });

  it('logs one JSON line per request with its id, and never the token', async () => {
    await post(service.url, { Authorization: `Bearer ${TOKEN}`, 'X-Request-Id': 'req-log-1' });
    const lines = logged
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.find((l) => l.requestId === 'req-log-1')).toMatchObject({
      msg: 'request',
      method: 'POST',
      path: '/mcp',
      status: 200,
      rpc: 'initialize',
    });
    expect(lines.some((l) => l.status === 401)).toBe(true);
    expect(logged).not.toContain(TOKEN);
    expect(logged.toLowerCase()).not.toContain('authorization');
  });
});

describe('rate limit', () => {
  let service: HttpService;
  beforeAll(async () => (service = await start({ BEK_RATE_LIMIT_PER_MINUTE: '2' })));
  afterAll(() => service.close());

  it('answers 429 with Retry-After once a client has used its minute', async () => {
    expect((await post(service.url)).status).toBe(200);
    expect((await post(service.url)).status).toBe(200);
    const limited = await post(service.url);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(Number(limited.headers.get('retry-after'))).toBeLessThanOrEqual(30);
    expect(await limited.json()).toMatchObject({
      jsonrpc: '2.0',
      error: { message: expect.stringMatching(/Rate limit of 2 requests a minute/) },
    });
  });
});

describe('token buckets', () => {
  it('refill at the configured rate and keep a bounded number of clients', () => {
    const limiter = createRateLimiter(60, 10);
    expect(limiter.take('a', 0)).toEqual({ ok: true });
    expect(limiter.take('a', 0).ok).toBe(true);
    for (let i = 0; i < 58; i++) limiter.take('a', 0);
    expect(limiter.take('a', 0)).toEqual({ ok: false, retryAfterSeconds: 1 });
    expect(limiter.take('a', 1000)).toEqual({ ok: true });
    // A wall clock set back an hour costs no tokens: one more second still buys one request.
    expect(limiter.take('a', 1000 - 3_600_000).ok).toBe(false);
    expect(limiter.take('a', 2000 - 3_600_000)).toEqual({ ok: true });
    for (let i = 0; i < 1000; i++) limiter.take(`client-${i}`, 2000 + i);
    expect(limiter.size()).toBeLessThanOrEqual(10);
  });
});

/** Sends headers and half a body now; `finish()` sends the rest later. */
function slowPost(url: string) {
  const half = Math.floor(INIT.length / 2);
  let resolveResponse: (r: { status: number; headers: Record<string, unknown>; body: string }) => void;
  const response = new Promise<{ status: number; headers: Record<string, unknown>; body: string }>(
    (r) => (resolveResponse = r),
  );
  const req = httpRequest(
    url,
    { method: 'POST', headers: { ...POST_HEADERS, 'Content-Length': String(INIT.length) } },
    (res) => {
      let body = '';
      res
        .setEncoding('utf8')
        .on('data', (c: string) => (body += c))
        .on('end', () => resolveResponse({ status: res.statusCode ?? 0, headers: res.headers, body }));
    },
  );
  req.on('error', () => {});
  req.write(INIT.slice(0, half));
  return { response, finish: () => req.end(INIT.slice(half)) };
}

describe('timeouts and shutdown', () => {
  let service: HttpService | undefined;
  afterEach(() => service?.close());

  it('answers 503 with a clear body when a request outlives BEK_REQUEST_TIMEOUT_MS', async () => {
    service = await start({ BEK_REQUEST_TIMEOUT_MS: '300' });
    const started = Date.now();
    const { response } = slowPost(service.url);
    const res = await response;
    expect(res.status).toBe(503);
    expect(JSON.parse(res.body)).toMatchObject({ error: { message: 'Request took longer than 300 ms' } });
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('lets an in-flight request finish on close, then refuses new connections', async () => {
    service = await start({});
    const { response, finish } = slowPost(service.url);
    await new Promise((r) => setTimeout(r, 100));
    const closed = service.close();
    setTimeout(finish, 200);
    const res = await response;
    expect(res.status).toBe(200);
    expect(res.headers.connection).toBe('close');
    await closed;
    await expect(post(service.url)).rejects.toThrow();
  });
});

describe('configuration', () => {
  it('validates every setting with one message naming it', () => {
    const bad = (flags: { port?: string; host?: string }, env: NodeJS.ProcessEnv) => {
      try {
        loadHttpConfig(flags, env);
      } catch (error) {
        expect(error).toBeInstanceOf(BekError);
        expect((error as BekError).code).toBe('bad_config');
        return (error as BekError).message;
      }
      throw new Error('expected a bad_config error');
    };
    expect(bad({ port: '70000' }, {})).toMatch(/^--port: .*65535.*\(got "70000"\)$/);
    expect(bad({}, { BEK_PORT: 'abc' })).toMatch(/^BEK_PORT: /);
    expect(bad({}, { BEK_RATE_LIMIT_PER_MINUTE: '0' })).toMatch(/^BEK_RATE_LIMIT_PER_MINUTE: /);
    expect(bad({}, { BEK_LOG_LEVEL: 'loud' })).toMatch(/^BEK_LOG_LEVEL: /);
    expect(bad({}, { BEK_AUTH_TOKEN: 'short' })).toBe('BEK_AUTH_TOKEN: must be at least 16 characters');
    for (const host of ['0.0.0.0', '0', '::', '::0']) expect(bad({ host }, {}), host).toMatch(/BEK_ALLOWED_HOSTS/);
  });

  it('binds loopback by default, lets flags win over the environment, and allows a non-loopback host its own name', () => {
    const defaults = loadHttpConfig({}, {});
    expect(defaults).toMatchObject({
      host: '127.0.0.1',
      port: 3000,
      rateLimitPerMinute: 600,
      maxBodyBytes: 1048576,
      requestTimeoutMs: 15000,
    });
    expect(loadHttpConfig({ port: '4000' }, { BEK_PORT: '5000' }).port).toBe(4000);
    const team = loadHttpConfig(
      { host: '10.1.2.3' },
      { BEK_ALLOWED_HOSTS: 'bek.internal, Bek.Example.com', BEK_ALLOWED_ORIGINS: 'app.example.com' },
    );
    expect(team.allowedHosts).toEqual([
      'localhost',
      '127.0.0.1',
      '[::1]',
      '10.1.2.3',
      'bek.internal',
      'bek.example.com',
    ]);
    expect(team.allowedOrigins).toContain('app.example.com');
    expect(loadHttpConfig({ host: '::' }, { BEK_ALLOWED_HOSTS: 'bek.internal' }).allowedHosts).toContain(
      'bek.internal',
    );
    // Entries are compared as the Host header will be: a port or a bare IPv6 address in the list still matches.
    const spelled = loadHttpConfig({ host: '::' }, { BEK_ALLOWED_HOSTS: 'bek.internal:8443, fd00::1' }).allowedHosts;
    expect(spelled).toEqual(expect.arrayContaining(['bek.internal', '[fd00::1]']));
  });

  it('stops `bek serve --http` with exit code 2 and one line on stderr for a bad value', async () => {
    const err: string[] = [];
    const io = {
      out: () => {},
      err: (t: string) => err.push(t),
      env: { BEK_RATE_LIMIT_PER_MINUTE: 'lots' },
      color: false,
    };
    expect(await run(['serve', '--http'], io)).toBe(2);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(/^bek serve: BEK_RATE_LIMIT_PER_MINUTE: .*\(got "lots"\)$/);
  });
});
