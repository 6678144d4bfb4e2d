// The view's side of the MCP Apps bridge (io.modelcontextprotocol/ui, 2026-01-26): JSON-RPC 2.0 over
// postMessage with the host that renders the view in an iframe. The view asks ui/initialize, says
// ui/notifications/initialized, then receives ui/notifications/tool-result with the tool's CallToolResult,
// and may send tools/call (answered by the server through the host). Message names as in the
// specification (modelcontextprotocol/ext-apps, specification/2026-01-26/apps.mdx).

export const PROTOCOL_VERSION = '2026-01-26';

interface Message {
  jsonrpc: '2.0';
  id?: number;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: { message: string };
}

/** Connects to the host; `onNotification` receives every notification the host sends. */
export function connectToHost(onNotification: (method: string, params: unknown) => void) {
  const pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  let next = 1;
  const post = (m: Message) => window.parent.postMessage(m, '*');
  window.addEventListener('message', (event) => {
    if (event.source !== window.parent) return; // only the host speaks to the view
    const m = event.data as Message;
    if (m?.jsonrpc !== '2.0') return;
    if (m.id !== undefined && !m.method) {
      const waiting = pending.get(m.id);
      pending.delete(m.id);
      if (m.error) waiting?.reject(new Error(m.error.message));
      else waiting?.resolve(m.result);
    } else if (m.method && m.id === undefined) onNotification(m.method, m.params);
  });
  const request = <T>(method: string, params: unknown) =>
    new Promise<T>((resolve, reject) => {
      const id = next++;
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      post({ jsonrpc: '2.0', id, method, params });
    });
  const notify = (method: string, params: unknown = {}) => post({ jsonrpc: '2.0', method, params });
  return { request, notify };
}
