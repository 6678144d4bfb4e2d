import { parse } from '../args.js';
import type { Command } from '../command.js';
import { serveStdioServer } from '../../transports/stdio.js';

export const serve: Command = {
  name: 'serve',
  summary: 'Run the MCP server (stdio, or Streamable HTTP with --http)',
  help: `bek serve [--http] [--port N] [--host H]

Without --http: MCP over stdio, for clients that start the server themselves
(Claude Desktop, Cursor, VS Code, Claude Code). stdout carries only the protocol;
logs go to stderr as JSON lines.

With --http: Streamable HTTP at http://HOST:PORT/mcp (stateless), plus GET /healthz
and GET /metrics. Defaults: host 127.0.0.1, port 3000.

Options:
  --http       serve over HTTP instead of stdio
  --port N     HTTP port (env BEK_PORT)
  --host H     HTTP bind address (env BEK_HOST)`,
  async run(argv, ctx) {
    const { values } = parse(argv, { http: { type: 'boolean' }, port: { type: 'string' }, host: { type: 'string' } });
    const engine = ctx.engine();
    if (values.http) {
      const { serveHttp } = await import('../../transports/http.js');
      return serveHttp(engine, { port: values.port, host: values.host, env: ctx.io.env });
    }
    return serveStdioServer(engine);
  },
};
