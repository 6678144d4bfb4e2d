import type { McpServer } from '@modelcontextprotocol/server';
import { serveStdio } from '@modelcontextprotocol/server/stdio';
import type { Engine } from '../core/engine.js';
import type { LiveEngine } from '../core/store/live.js';
import { log } from '../util/log.js';
import { announceSwap, createServer } from '../mcp/server.js';
import { VERSION } from '../util/version.js';
import { firstStopSignal } from './signals.js';

const TOO_LARGE = 'Message larger than the 10 MiB stdio limit; the server stops (restart it and send smaller messages)';

/**
 * Serves MCP over this process's stdio, answering both a 2025-11-25 `initialize` and a 2026-07-28
 * `server/discover` opening. Resolves with the exit code when stdin closes or a signal arrives. With a
 * live engine (--watch), the connection's server reads the engine of the moment and its client is told
 * of each swap (announceSwap).
 */
export function serveStdioServer(source: Engine | LiveEngine): Promise<number> {
  const live = 'current' in source ? source : undefined;
  const engine = live ? live.current() : (source as Engine);
  return new Promise((resolve) => {
    // serveStdio pins one server to the connection (and may make a second for a discover probe, then drop it).
    const servers = new Set<McpServer>();
    const unsubscribe = live?.subscribe((next) => {
      for (const server of servers) if (server.isConnected()) announceSwap(server, next);
    });
    const factory = () => {
      if (!live) return createServer(engine, VERSION);
      const server = createServer(live.current, VERSION);
      servers.add(server);
      return server;
    };
    const handle = serveStdio(factory, {
      onerror: (error) => {
        log('error', 'stdio transport error', { error: error.message });
        // The SDK's line buffer cannot drop an oversized line and read on: the request gets an error
        // (its id unread, so null, as JSON-RPC asks) and the server ends with exit code 1, saying why.
        if (/exceeded maximum size/.test(error.message)) {
          const reply = { jsonrpc: '2.0', id: null, error: { code: -32600, message: TOO_LARGE } };
          process.stdout.write(`${JSON.stringify(reply)}\n`);
          stop('a message over the stdio size limit', 1);
        }
      },
    });
    let done = false;
    const stop = (reason: string, code = 0) => {
      if (done) return;
      done = true;
      unsubscribe?.();
      live?.close();
      log(code === 0 ? 'debug' : 'error', 'stdio server stopping', { reason });
      handle
        .close()
        .catch((error: Error) => log('error', 'stdio server did not close cleanly', { error: error.message }))
        .then(() => resolve(code));
    };
    process.stdin.once('end', () => stop('stdin closed'));
    void firstStopSignal().then(stop);
    log('debug', 'stdio server ready', {
      patterns: engine.catalogue.patterns.length,
      version: engine.catalogue.version,
    });
  });
}
