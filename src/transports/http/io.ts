import type { IncomingMessage, ServerResponse } from 'node:http';

/** Reads a request body, counting bytes as they arrive and stopping as soon as it passes `limit` or the client leaves. */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too_large' | 'aborted'> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        // Stop reading: the rest of an oversized body is never buffered; the connection closes after the 413.
        req.off('data', onData);
        req.pause();
        return resolve('too_large');
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => resolve(Buffer.concat(chunks)));
    // A reset or a close before 'end' means the client left; after 'end' these are no-ops (a promise settles once).
    req.once('error', () => resolve('aborted'));
    req.once('close', () => resolve('aborted'));
  });
}

/** What send() saw of a response body: its size, and the whole text when small (enough to spot a JSON-RPC error). */
export interface Sent {
  bytes: number;
  small?: string;
}

const SMALL = 4096;
// Connection management belongs to this server (keep-alive, draining on shutdown), not to the handler's Response.
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding']);

const drained = (res: ServerResponse) =>
  new Promise<void>((resume) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resume();
    };
    res.on('drain', done);
    res.on('close', done);
  });

/** Streams a web Response to the Node response, honouring backpressure and stopping if the client goes away. */
export async function send(
  res: ServerResponse,
  response: Response,
  options: { closeConnection?: boolean } = {},
): Promise<Sent> {
  if (res.headersSent || res.destroyed) return { bytes: 0 };
  // Closing matters when part of the request body was never read: the connection cannot carry another request.
  if (options.closeConnection) res.setHeader('Connection', 'close');
  response.headers.forEach((value, name) => {
    if (!HOP_BY_HOP.has(name)) res.setHeader(name, value);
  });
  res.writeHead(response.status);
  const head: Buffer[] = [];
  let bytes = 0;
  if (response.body) {
    const reader = response.body.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done || res.destroyed) break;
        bytes += value.length;
        if (bytes <= SMALL) head.push(Buffer.from(value));
        if (!res.write(value)) await drained(res);
      }
    } finally {
      if (res.destroyed) await reader.cancel().catch(() => {});
      else reader.releaseLock();
    }
  }
  res.end();
  return bytes <= SMALL ? { bytes, small: Buffer.concat(head).toString('utf8') } : { bytes };
}

/** True when a small JSON or SSE response body carries a JSON-RPC error (errors are small; results need not be parsed). */
export function isJsonRpcError(sent: Sent, contentType: string | null): boolean {
  if (sent.small === undefined) return false;
  const texts = contentType?.includes('text/event-stream')
    ? sent.small
        .split('\n')
        .filter((l) => l.startsWith('data:'))
        .map((l) => l.slice(5))
    : [sent.small];
  return texts.some((text) => {
    try {
      const message: unknown = JSON.parse(text);
      return typeof message === 'object' && message !== null && 'error' in message && !('result' in message);
    } catch {
      return false;
    }
  });
}

/** An error body in the caller's vocabulary: JSON-RPC for MCP clients on /mcp, problem+json elsewhere. */
export function errorResponse(
  status: number,
  message: string,
  onMcp: boolean,
  headers: Record<string, string> = {},
): Response {
  if (onMcp) {
    // -32000 is the range JSON-RPC leaves to implementations; the SDK's own Host/Origin refusals use it too.
    return Response.json({ jsonrpc: '2.0', error: { code: -32000, message }, id: null }, { status, headers });
  }
  const body = JSON.stringify({ type: 'about:blank', title: message, status });
  return new Response(body, { status, headers: { 'Content-Type': 'application/problem+json', ...headers } });
}
