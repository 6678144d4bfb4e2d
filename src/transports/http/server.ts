import { AsyncLocalStorage } from 'node:async_hooks';
import { createServer as createNodeServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createMcpHandler } from '@modelcontextprotocol/server';
import type { Engine } from '../../core/engine.js';
import type { LiveEngine } from '../../core/store/live.js';
import { BekError } from '../../util/errors.js';
import { log } from '../../util/log.js';
import { PROMETHEUS_CONTENT_TYPE } from './prometheus.js';
import { createServer } from '../../mcp/server.js';
import { TOOLS } from '../../mcp/tools/index.js';
import type { ToolObserver } from '../../mcp/tools/tool.js';
import { VERSION } from '../../util/version.js';
import type { HttpConfig } from './config.js';
import { beginExchange, type Exchange } from './exchange.js';
import { galleryRoutes } from './gallery.js';
import { bearerAuth, checkHostAndOrigin, requestId } from './guards.js';
import { errorResponse, send } from './io.js';
import { serveMcp } from './mcp.js';
import { createHttpMetrics } from './metrics.js';
import { createRateLimiter } from './rate-limit.js';

/** A running HTTP service. */
export interface HttpService {
  /** The MCP endpoint, e.g. http://127.0.0.1:3000/mcp. */
  url: string;
  port: number;
  /** Stops accepting, lets in-flight requests finish (for at most GRACE_MS), then releases everything. */
  close(): Promise<void>;
}

const ROUTES = new Set(['/mcp', '/healthz', '/metrics']);
/** How long close() lets in-flight requests run before it cuts their connections (`bek serve --help` says 10 s). */
const GRACE_MS = 10_000;

/**
 * Starts Streamable HTTP at /mcp (stateless) with /healthz, /metrics and the pattern gallery at / on config.host:config.port (0 = any
 * free port). Every request gets a fresh server over the engine of the moment, so with a live engine
 * (--watch) a swap is seen by the next request; a client listening on a 2026-07-28 subscriptions/listen
 * stream is told (resources, and tools when a tool's input changed). A 2025 stateless client has no
 * stream to be told on: it sees the change on its next list or read.
 */
export async function startHttpServer(source: Engine | LiveEngine, config: HttpConfig): Promise<HttpService> {
  const live = 'current' in source ? source : undefined;
  const current = live ? live.current : () => source as Engine;
  const metrics = createHttpMetrics();
  const limiter = createRateLimiter(config.rateLimitPerMinute);
  const authorize = bearerAuth(config.authToken);
  const exchange = new AsyncLocalStorage<Exchange>();
  const knownTools = new Set(TOOLS.map((t) => t.name));
  const gallery = galleryRoutes(current);
  const routeOf = (path: string) => (ROUTES.has(path) ? path.slice(1) : gallery.serves(path) ? 'gallery' : 'other');
  const observer: ToolObserver = (event) => {
    metrics.toolCall(event);
    const x = exchange.getStore();
    if (x) x.toolRan = true;
  };
  const handler = createMcpHandler(() => createServer(live ? live.current : current(), VERSION, observer), {
    maxRequestBodySize: config.maxBodyBytes,
    onerror: (error) => log('debug', 'mcp handler', { requestId: exchange.getStore()?.id, error: error.message }),
  });
  let scopes = current().catalogue.scopes.join();
  const unsubscribe = live?.subscribe((next) => {
    handler.notify.resourcesChanged();
    if (next.catalogue.scopes.join() !== scopes) handler.notify.toolsChanged(); // search_patterns' scope enum
    scopes = next.catalogue.scopes.join();
  });
  const health = () => {
    const { catalogue } = current();
    const { patterns, guides, version } = catalogue;
    return JSON.stringify({
      status: 'ok',
      patterns: patterns.length,
      guides: guides.length,
      version,
      package: VERSION,
    });
  };
  let closing = false;

  const route = async (req: IncomingMessage, res: ServerResponse, x: Exchange, signal: AbortSignal): Promise<void> => {
    const onMcp = x.path === '/mcp';
    const reject = (status: number, message: string, headers?: Record<string, string>) =>
      send(res, errorResponse(status, message, onMcp, headers));
    if (routeOf(x.path) === 'other') return void (await reject(404, 'Not found: the MCP endpoint is /mcp'));
    // Probes often send the pod's IP as Host, and the body holds no secret: /healthz skips the guards.
    if (x.path === '/healthz') {
      if (x.method !== 'GET' && x.method !== 'HEAD')
        return void (await reject(405, 'Method not allowed', { Allow: 'GET, HEAD' }));
      return void (await send(
        res,
        new Response(health(), { headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' } }),
      ));
    }
    const refused = checkHostAndOrigin(req.headers, config);
    if (refused) return void (await reject(403, refused));
    // Keyed by address: with one shared BEK_AUTH_TOKEN a token key would put the whole team in one bucket,
    // and limiting before the token check also slows guessing. X-Forwarded-For is client-controlled, so it is ignored.
    const allowed = limiter.take(x.client);
    if (!allowed.ok)
      return void (await reject(
        429,
        `Rate limit of ${config.rateLimitPerMinute} requests a minute exceeded; retry after ${allowed.retryAfterSeconds} s`,
        { 'Retry-After': String(allowed.retryAfterSeconds) },
      ));
    const auth = authorize(req.headers);
    if (!auth.ok)
      return void (await reject(401, 'Unauthorized: send Authorization: Bearer <token>', {
        'WWW-Authenticate': auth.challenge,
      }));
    if (x.path === '/metrics') {
      if (x.method !== 'GET') return void (await reject(405, 'Method not allowed', { Allow: 'GET' }));
      return void (await send(
        res,
        new Response(metrics.render(), {
          headers: { 'Content-Type': PROMETHEUS_CONTENT_TYPE, 'Cache-Control': 'no-store' },
        }),
      ));
    }
    if (onMcp) await serveMcp(req, res, x, handler, config.maxBodyBytes, signal);
    else await send(res, await gallery.respond(req, x.path));
  };

  const finish = (x: Exchange, res: ServerResponse, timedOut: boolean) => {
    const status = res.statusCode;
    const durationMs = performance.now() - x.started;
    metrics.http(routeOf(x.path), status);
    if (x.rpc && !(x.rpc === 'tools/call' && x.toolRan)) {
      // A tools/call the SDK refused before the body (invalid arguments) still counts against that tool; a made-up
      // tool name becomes "unknown", so clients cannot mint metric series.
      const failure =
        status >= 400
          ? `http_${status}`
          : x.rpcError
            ? 'jsonrpc_error'
            : x.rpc === 'tools/call'
              ? 'rejected'
              : undefined;
      metrics.request(x.tool === undefined ? x.rpc : knownTools.has(x.tool) ? x.tool : 'unknown', durationMs, failure);
    }
    const level = status >= 500 ? 'warn' : 'info';
    log(level, 'request', {
      requestId: x.id,
      method: x.method,
      path: x.path,
      status,
      durationMs: Math.round(durationMs * 10) / 10,
      rpc: x.rpc,
      tool: x.tool,
      client: x.client,
      ...(timedOut && { timedOut }),
    });
  };

  const inflight = new Set<ServerResponse>();
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const x = beginExchange(req, requestId(req.headers));
    res.setHeader('X-Request-Id', x.id);
    if (closing) res.setHeader('Connection', 'close');
    inflight.add(res);
    res.once('close', () => {
      inflight.delete(res);
      // Draining: a keep-alive connection that just went idle would otherwise hold close() for its 5 s timeout.
      if (closing) setImmediate(() => server.closeIdleConnections());
    });
    const abort = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<'timeout'>(
      (resolve) => (timer = setTimeout(() => resolve('timeout'), config.requestTimeoutMs)),
    );
    const work = exchange
      .run(x, () => route(req, res, x, abort.signal))
      .catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))));
    const outcome = await Promise.race([work, deadline]);
    clearTimeout(timer);
    if (outcome === 'timeout') {
      abort.abort();
      if (res.headersSent) res.destroy();
      else
        await send(
          res,
          errorResponse(503, `Request took longer than ${config.requestTimeoutMs} ms`, x.path === '/mcp', {
            'Retry-After': '1',
          }),
          { closeConnection: true },
        );
    } else if (outcome instanceof Error) {
      log('error', 'request failed', { requestId: x.id, error: outcome.message });
      if (res.headersSent) res.destroy();
      else
        await send(res, errorResponse(500, 'Internal server error; the server log has the details', x.path === '/mcp'));
    }
    finish(x, res, outcome === 'timeout');
  };
  const server = createNodeServer((req, res) => {
    // Last resort: an unhandled rejection would stop the whole service for one broken exchange.
    handle(req, res).catch((error: unknown) => {
      log('error', 'request handling failed', { error: String(error) });
      res.destroy();
    });
  });
  // Slow clients: the whole request must arrive within the timeout (408 otherwise), headers within 10 s at most.
  server.requestTimeout = config.requestTimeoutMs;
  server.headersTimeout = Math.min(10_000, config.requestTimeoutMs);

  await new Promise<void>((resolve, reject) => {
    const failed = (error: NodeJS.ErrnoException) =>
      reject(
        new BekError('bad_config', `cannot listen on ${config.host}:${config.port}: ${error.code ?? error.message}`),
      );
    server.once('error', failed);
    server.listen(config.port, config.host, () => {
      server.off('error', failed);
      server.on('error', (error) => log('error', 'http server error', { error: error.message }));
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const hostInUrl = config.host.includes(':') ? `[${config.host}]` : config.host;
  let closed: Promise<void> | undefined;
  return {
    url: `http://${hostInUrl}:${port}/mcp`,
    port,
    close() {
      closed ??= new Promise<void>((resolve) => {
        closing = true;
        for (const res of inflight) if (!res.headersSent) res.setHeader('Connection', 'close');
        const force = setTimeout(() => server.closeAllConnections(), GRACE_MS);
        server.close(() => {
          clearTimeout(force);
          resolve();
        });
        server.closeIdleConnections();
      }).then(() => {
        unsubscribe?.();
        live?.close();
        return handler.close();
      });
      return closed;
    },
  };
}
