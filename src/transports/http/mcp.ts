import type { IncomingMessage, ServerResponse } from 'node:http';
import type { McpHttpHandler } from '@modelcontextprotocol/server';
import { describeRpc, type Exchange } from './exchange.js';
import { errorResponse, isJsonRpcError, readBody, send } from './io.js';

/** Serves one /mcp exchange through the SDK handler, after the guards; the body is read once, bounded, and parsed once. */
export async function serveMcp(
  req: IncomingMessage,
  res: ServerResponse,
  x: Exchange,
  handler: McpHttpHandler,
  maxBodyBytes: number,
  signal: AbortSignal,
): Promise<void> {
  let body: Buffer | undefined;
  let parsedBody: unknown;
  if (req.method === 'POST') {
    const declared = Number(req.headers['content-length'] ?? 0);
    const read = declared > maxBodyBytes ? 'too_large' : await readBody(req, maxBodyBytes);
    if (read === 'aborted') {
      res.statusCode = 499; // never sent (the client is gone); nginx's "client closed request", for the log and metrics
      return;
    }
    if (read === 'too_large') {
      await send(res, errorResponse(413, `Request body larger than ${maxBodyBytes} bytes`, true), {
        closeConnection: true,
      });
      return;
    }
    body = read;
    try {
      parsedBody = JSON.parse(body.toString('utf8'));
      Object.assign(x, describeRpc(parsedBody));
    } catch {
      parsedBody = undefined; // the SDK answers malformed JSON with its own parse error
    }
  }
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  const request = new Request(new URL(req.url ?? '/mcp', `http://${req.headers.host ?? 'localhost'}`), {
    method: req.method ?? 'GET',
    headers,
    body: body && body.length > 0 ? body : undefined,
    signal,
  });
  const response = await handler.fetch(request, parsedBody === undefined ? undefined : { parsedBody });
  const sent = await send(res, response);
  x.rpcError = isJsonRpcError(sent, response.headers.get('content-type'));
}
