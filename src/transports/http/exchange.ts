import type { IncomingMessage } from 'node:http';

/** What one HTTP exchange learns as it goes, for its log line and metrics. */
export interface Exchange {
  id: string;
  method: string;
  path: string;
  client: string;
  started: number;
  /** JSON-RPC method of an /mcp POST ("batch" for an array). */
  rpc?: string;
  /** Tool name of a tools/call. */
  tool?: string;
  /** Set by the tool observer when a tool body ran for this exchange. */
  toolRan?: boolean;
  /** Set when the response body was a JSON-RPC error. */
  rpcError?: boolean;
}

/** Starts the record of an exchange; the path drops the query string, which never reaches logs. */
export function beginExchange(req: IncomingMessage, id: string): Exchange {
  let path = '/';
  try {
    path = new URL(req.url ?? '/', 'http://x').pathname;
  } catch {
    path = '(invalid)';
  }
  return {
    id,
    method: req.method ?? 'GET',
    path,
    client: req.socket.remoteAddress ?? 'unknown',
    started: performance.now(),
  };
}

/** The JSON-RPC methods this server answers; any other name is "other", so clients cannot mint metric series. */
const METHODS = new Set([
  'initialize',
  'ping',
  'server/discover',
  'tools/list',
  'tools/call',
  'resources/list',
  'resources/templates/list',
  'resources/read',
  'resources/subscribe',
  'resources/unsubscribe',
  'prompts/list',
  'prompts/get',
  'completion/complete',
  'logging/setLevel',
  'notifications/initialized',
  'notifications/cancelled',
  'notifications/progress',
  'notifications/roots/list_changed',
]);
const TOOL = /^[A-Za-z0-9_.-]{1,64}$/;

/** Names a parsed JSON-RPC body for logs and metrics; client-chosen names that look odd become "other". */
export function describeRpc(body: unknown): { rpc?: string; tool?: string } {
  if (Array.isArray(body)) return { rpc: 'batch' };
  if (typeof body !== 'object' || body === null) return {};
  const { method, params } = body as { method?: unknown; params?: { name?: unknown } };
  if (typeof method !== 'string') return { rpc: 'response' };
  const rpc = METHODS.has(method) ? method : 'other';
  if (rpc !== 'tools/call') return { rpc };
  const name = params?.name;
  return { rpc, tool: typeof name === 'string' && TOOL.test(name) ? name : 'other' };
}
