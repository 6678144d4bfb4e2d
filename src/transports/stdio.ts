import { serveStdio } from '@modelcontextprotocol/server/stdio';
import type { Engine } from '../core/engine.js';
import { log } from '../util/log.js';
import { createServer } from '../mcp/server.js';
import { VERSION } from '../util/version.js';
import { firstStopSignal } from './signals.js';

const TOO_LARGE = 'Message larger than the 10 MiB stdio limit; the server stops (restart it and send smaller messages)';

/**
 * Serves MCP over this process's stdio, answering both a 2025-11-25 `initialize` and a 2026-07-28
 * `server/discover` opening. Resolves with the exit code when stdin closes or a signal arrives.
 */
export function serveStdioServer(engine: Engine): Promise<number> {
  return new Promise((resolve) => {
    const handle = serveStdio(() => createServer(engine, VERSION), {
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
