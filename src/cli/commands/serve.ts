import { watchCatalogue } from '../../core/store/live.js';
import { brokenCatalogue, teamDirs, teamLoader } from '../../core/store/source.js';
import { atMostPositionals } from '../args.js';
import { PATTERNS_DIR } from '../catalogue-flags.js';
import { command, type Context } from '../command.js';
import { BekError } from '../../util/errors.js';
import { serveStdioServer } from '../../transports/stdio.js';

/** The engine to serve: loaded once, or (--watch) reloaded as the team folders change. */
function source(ctx: Context, flags: string[] | undefined, watch: boolean | undefined) {
  if (!watch) return ctx.engine(flags);
  const dirs = teamDirs(ctx.io.env, flags);
  if (dirs.length === 0)
    throw new BekError(
      'bad_input',
      '--watch watches team folders: name one with --patterns-dir DIR or BEK_PATTERNS_DIR',
    );
  const load = teamLoader(ctx.io.env, dirs, true);
  const first = load();
  if (!first.engine) throw brokenCatalogue(`the team folders (${dirs.join(', ')})`, first.problems);
  return watchCatalogue(first.engine, dirs, load);
}

export const serve = command({
  name: 'serve',
  summary: 'Run the MCP server (stdio, or Streamable HTTP with --http)',
  usage: 'bek serve [--http] [--port N] [--host H] [--patterns-dir DIR]... [--watch]',
  description: `Without --http: MCP over stdio, for clients that start the server themselves
(Claude Desktop, Cursor, VS Code, Claude Code). stdout carries only the protocol;
logs go to stderr as JSON lines.

With --http: Streamable HTTP at http://HOST:PORT/mcp (stateless, both the
2025-11-25 handshake and 2026-07-28 requests), plus GET /healthz (open),
GET /metrics (Prometheus text) and the pattern gallery at / (read-only pages, as
bek gallery writes them, whose selection and review pages ask the server). Logs
are JSON lines on stderr; SIGTERM or SIGINT stops accepting and lets in-flight
requests finish (10 s at most).

With --watch: the team folders are watched; 150 ms after the last change the
catalogue is reloaded and validated, and swapped in when it has no problem (a
broken edit is logged, file and field, and the last good catalogue keeps serving).
Clients are sent notifications/resources/list_changed (and tools/list_changed when
a new team scope changes search_patterns' input): over stdio, and over HTTP to a
2026-07-28 client listening with subscriptions/listen; the next request sees the
new catalogue either way. The skill, the guides and BEK_CATALOGUE_DIR are not watched.`,
  options: {
    http: { help: 'serve over HTTP instead of stdio' },
    port: { value: 'N', help: 'HTTP port, 0 for any free port (env BEK_PORT, default 3000)' },
    host: { value: 'H', help: 'HTTP bind address (env BEK_HOST, default 127.0.0.1)' },
    ...PATTERNS_DIR,
    watch: { help: 'reload the team folders when they change (see above)' },
  },
  footer: `Environment (HTTP only; a bad value stops the server with exit code 2):
  BEK_AUTH_TOKEN             require "Authorization: Bearer <token>" on /mcp, /metrics and the gallery (16+ characters)
  BEK_RATE_LIMIT_PER_MINUTE  requests a minute per client address (default 600)
  BEK_ALLOWED_HOSTS          extra Host names to accept, comma-separated (needed when binding 0.0.0.0)
  BEK_ALLOWED_ORIGINS        extra browser Origin host names to accept, comma-separated
  BEK_MAX_BODY_BYTES         largest request body (default 1048576)
  BEK_REQUEST_TIMEOUT_MS     longest request (default 15000)
  BEK_LOG_LEVEL              debug, info, warn, error or silent (default info)`,
  async run({ values, positionals }, ctx) {
    atMostPositionals(positionals, 0, ['http']);
    if (values.http) {
      const { loadHttpConfig, serveHttp } = await import('../../transports/http.js');
      // Configuration first: a typo in a flag should not wait for the catalogue to load.
      const config = loadHttpConfig({ port: values.port, host: values.host }, ctx.io.env);
      return serveHttp(source(ctx, values['patterns-dir'], values.watch), config);
    }
    if (values.port !== undefined || values.host !== undefined)
      throw new BekError('bad_input', '--port and --host apply to --http only');
    return serveStdioServer(source(ctx, values['patterns-dir'], values.watch));
  },
});
