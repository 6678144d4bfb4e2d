import { Registry } from './prometheus.js';
import type { ToolCallEvent } from '../../mcp/tools/tool.js';

// Seconds; tool bodies are in-memory lookups (sub-millisecond), requests add parsing and a fresh server per call.
const BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** The service's RED metrics: MCP requests, errors and duration by tool (or JSON-RPC method), HTTP requests by status. */
export interface HttpMetrics {
  /** A tool body finished (from createServer's observer). */
  toolCall(event: ToolCallEvent): void;
  /** A non-tool MCP request finished, or a tools/call that never reached a tool body (`error` says why it failed). */
  request(label: string, durationMs: number, error?: string): void;
  /** Any HTTP response. */
  http(route: string, status: number): void;
  /** Prometheus text format. */
  render(): string;
}

/** A fresh registry per server, so tests (and two servers in one process) never share counts. */
export function createHttpMetrics(): HttpMetrics {
  const registry = new Registry();
  const requests = registry.counter(
    'bek_mcp_requests_total',
    'MCP requests, by tool name for tools/call and by JSON-RPC method otherwise.',
  );
  const errors = registry.counter(
    'bek_mcp_errors_total',
    'MCP requests that failed, by tool or method and reason (error_result, exception, rejected, jsonrpc_error, http_NNN).',
  );
  const duration = registry.histogram(
    'bek_mcp_request_duration_seconds',
    'MCP request duration in seconds: the tool body for tools/call, the whole exchange otherwise.',
    BUCKETS,
  );
  const http = registry.counter('bek_http_requests_total', 'HTTP responses by route and status code.');

  const request = (tool: string, durationMs: number, error?: string) => {
    requests.inc({ tool });
    duration.observe({ tool }, durationMs / 1000);
    if (error) errors.inc({ tool, reason: error });
  };
  return {
    toolCall: (e) => request(e.tool, e.durationMs, e.outcome === 'ok' ? undefined : e.outcome),
    request,
    http: (route, status) => http.inc({ route, status: String(status) }),
    render: () => registry.render(),
  };
}
