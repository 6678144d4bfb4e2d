import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createMcpHandler, hostHeaderValidationResponse, localhostAllowedHostnames, localhostAllowedOrigins, originValidationResponse } from '@modelcontextprotocol/server';
import type { Engine } from '../engine.js';
import { log } from '../log.js';
import { createServer } from '../mcp/server.js';
import { VERSION } from '../version.js';

export interface HttpOptions {
  port?: string | undefined;
  host?: string | undefined;
  env: NodeJS.ProcessEnv;
}

async function toRequest(req: IncomingMessage, base: string): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(', ') : v);
  const body = chunks.length > 0 && req.method !== 'GET' && req.method !== 'HEAD' ? Buffer.concat(chunks) : undefined;
  return new Request(new URL(req.url ?? '/', base), { method: req.method ?? 'GET', headers, body });
}

async function send(res: ServerResponse, response: Response): Promise<void> {
  res.writeHead(response.status, Object.fromEntries(response.headers));
  if (!response.body) return void res.end();
  for await (const chunk of response.body) res.write(chunk);
  res.end();
}

/** Streamable HTTP at /mcp, stateless; Host and Origin must be local. */
export function serveHttp(engine: Engine, options: HttpOptions): Promise<number> {
  const host = options.host ?? options.env.BEK_HOST ?? '127.0.0.1';
  const port = Number(options.port ?? options.env.BEK_PORT ?? 3000);
  const handler = createMcpHandler(() => createServer(engine, VERSION));
  const server = createHttpServer(async (req, res) => {
    const request = await toRequest(req, `http://${req.headers.host ?? host}`);
    const rejected = hostHeaderValidationResponse(request, localhostAllowedHostnames()) ?? originValidationResponse(request, localhostAllowedOrigins());
    if (rejected) return send(res, rejected);
    const path = new URL(request.url).pathname;
    if (path === '/healthz') return send(res, Response.json({ status: 'ok', patterns: engine.catalogue.patterns.length, version: engine.catalogue.version }));
    if (path !== '/mcp') return send(res, Response.json({ error: 'not found' }, { status: 404 }));
    return send(res, await handler.fetch(request));
  });
  return new Promise((resolve) => {
    server.listen(port, host, () => log('info', 'listening', { url: `http://${host}:${port}/mcp` }));
    process.once('SIGTERM', () => server.close(() => resolve(0)));
    process.once('SIGINT', () => server.close(() => resolve(0)));
  });
}
