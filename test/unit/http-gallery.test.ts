import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setLogLevel } from '../../src/util/log.js';
import { type HttpService, loadHttpConfig, startHttpServer } from '../../src/transports/http.js';
import { shippedEngine } from '../helpers/engine.js';
import { raw } from '../helpers/http.js';

const TOKEN = 'team-secret-0123456789abcdef';
const start = (env: NodeJS.ProcessEnv = {}) => startHttpServer(shippedEngine(), loadHttpConfig({ port: '0' }, env));
const base = (s: HttpService) => s.url.replace(/\/mcp$/, '');

beforeAll(() => setLogLevel('silent'));

describe('the gallery served at /', () => {
  let service: HttpService;
  beforeAll(async () => {
    service = await start();
  });
  afterAll(() => service.close());

  it('serves the index with a strict policy, nosniff and no referrer, marked for the JSON endpoints', async () => {
    const res = await fetch(`${base(service)}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    const body = await res.text();
    expect(body).toContain('<h1>Pattern Gallery</h1>');
    expect(body).toContain('data-api="api/"');
  });

  it('compresses for clients that accept gzip, and answers HEAD without a body', async () => {
    const zipped = await raw(`${base(service)}/patterns/rel-outbox.html`, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    const head = await raw(`${base(service)}/patterns/rel-outbox.html`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    const plain = await fetch(`${base(service)}/patterns/rel-outbox.html`, {
      headers: { 'Accept-Encoding': 'identity' },
    });
    const text = await plain.text();
    expect(Number(head.headers['content-length'])).toBe(Buffer.byteLength(text));
    expect(text).toContain('<h1 id="title">Outbox Pattern</h1>');
  });

  it('answers the selection and the review as the tools do, and refuses bad input with the rule broken', async () => {
    const engine = shippedEngine();
    const requirements = 'public API for payments with webhooks';
    const select = await fetch(`${base(service)}/api/select?requirements=${encodeURIComponent(requirements)}`);
    expect(select.status).toBe(200);
    expect(await select.json()).toEqual(JSON.parse(JSON.stringify(engine.select(requirements))));
    const review = await (await fetch(`${base(service)}/api/review?patterns=rel-outbox,api-idempotency-keys`)).json();
    expect(review.patterns.map((p: { id: string }) => p.id)).toEqual(['rel-outbox', 'api-idempotency-keys']);
    const short = await fetch(`${base(service)}/api/select?requirements=ab`);
    expect(short.status).toBe(400);
    expect((await short.json()).title).toContain('shorter than 3 characters');
    const unknown = await fetch(`${base(service)}/api/review?patterns=nope`);
    expect(unknown.status).toBe(404);
    expect((await fetch(`${base(service)}/api/review`)).status).toBe(400);
    // An empty patterns field (a form's GET sends one) is no pattern: the named review alone is answered.
    const named = await fetch(`${base(service)}/api/review?patterns=&review=api`);
    expect(named.status).toBe(200);
    expect((await named.json()).review.name).toBe('api');
    expect((await fetch(`${base(service)}/api/review?patterns=`)).status).toBe(400);
  });

  it('is read-only and keeps the Host check and the 404 of unknown paths', async () => {
    expect((await fetch(`${base(service)}/`, { method: 'POST' })).status).toBe(405);
    expect((await fetch(`${base(service)}/patterns/no-such-id.html`)).status).toBe(404);
    expect((await fetch(`${base(service)}/etc/passwd`)).status).toBe(404);
    expect((await fetch(`${base(service)}/patterns/../../package.json`)).status).toBe(404);
    const rebound = await raw(`${base(service)}/`, { headers: { Host: 'evil.example' } });
    expect(rebound.status).toBe(403);
  });
});

describe('the gallery behind a token', () => {
  let service: HttpService;
  beforeAll(async () => {
    service = await start({ BEK_AUTH_TOKEN: TOKEN });
  });
  afterAll(() => service.close());

  it('is public unless a token is set: then the pages ask for it like the MCP endpoint', async () => {
    expect((await fetch(`${base(service)}/`)).status).toBe(401);
    const ok = await fetch(`${base(service)}/`, { headers: { Authorization: `Bearer ${TOKEN}` } });
    expect(ok.status).toBe(200);
    expect((await fetch(`${base(service)}/healthz`)).status).toBe(200);
  });
});
