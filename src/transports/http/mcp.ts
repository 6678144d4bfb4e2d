import type { IncomingMessage, ServerResponse } from 'node:http';
import type { McpHttpHandler } from '@modelcontextprotocol/server';
import { describeRpc, type Exchange } from './exchange.js';
import { errorResponse, isJsonRpcError, readBody, send } from './io.js';

// Every protocol version this server speaks (2025-11-25, 2026-07-28) removed JSON-RPC batching
// (2025-06-18 did): a batch would also let one rate-limited request carry a hundred calls.
const BATCHES_REFUSED =
  'JSON-RPC batches are not supported by the protocol versions this server speaks; send one message per request';

/** A tool name this long is no tool's: answered here, so the reply never echoes megabytes back. */
const MAX_TOOL_NAME = 128;

/** The answer to a message the SDK should not see, or undefined to pass it on. */
function refusal(body: unknown): Response | undefined {
  if (Array.isArray(body))
    return Response.json(
      { jsonrpc: '2.0', error: { code: -32600, message: BATCHES_REFUSED }, id: null },
      { status: 400 },
    );
  if (typeof body !== 'object' || body === null) return undefined;
  const { id, method, params } = body as { id?: unknown; method?: unknown; params?: { name?: unknown } };
  if (method !== 'tools/call' || typeof params?.name !== 'string' || params.name.length <= MAX_TOOL_NAME)
    return undefined;
  const message = `Unknown tool (a name longer than ${MAX_TOOL_NAME} characters); tools/list names the tools`;
  const replyId = typeof id === 'string' || typeof id === 'number' ? id : null;
  return Response.json({ jsonrpc: '2.0', error: { code: -32602, message }, id: replyId });
}

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
    const refused = refusal(parsedBody);
    if (refused) return void (await send(res, refused));
  }
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  const request = new Request(new URL(req.url ?? '/mcp', `http://${req.headers.host ?? 'localhost'}`), {
    method: req.method ?? 'GET',
    headers,
    // A view, not a copy: readBody's Buffer.concat allocates an ordinary (not shared) ArrayBuffer, as BodyInit requires.
    body:
      body && body.length > 0 ? new Uint8Array(body.buffer as ArrayBuffer, body.byteOffset, body.length) : undefined,
    signal,
  });
  const response = await handler.fetch(request, parsedBody === undefined ? undefined : { parsedBody });
  const sent = await send(res, response);
  x.rpcError = isJsonRpcError(sent, response.headers.get('content-type'));
}
