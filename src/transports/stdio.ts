import { serveStdio } from '@modelcontextprotocol/server/stdio';
import type { Engine } from '../core/engine.js';
import { log } from '../util/log.js';
import { createServer } from '../mcp/server.js';
import { VERSION } from '../util/version.js';
import { firstStopSignal } from './signals.js';

/**
 * Serves MCP over this process's stdio, answering both a 2025-11-25 `initialize` and a 2026-07-28
 * `server/discover` opening. Resolves with the exit code when stdin closes or a signal arrives.
 */
export function serveStdioServer(engine: Engine): Promise<number> {
  return new Promise((resolve) => {
    const handle = serveStdio(() => createServer(engine, VERSION), {
      onerror: (error) => log('error', 'stdio transport error', { error: error.message }),
    });
    let done = false;
    const stop = (reason: string) => {
      if (done) return;
      done = true;
      log('debug', 'stdio server stopping', { reason });
      handle
        .close()
        .catch((error: Error) => log('error', 'stdio server did not close cleanly', { error: error.message }))
        .then(() => resolve(0));
    };
    process.stdin.once('end', () => stop('stdin closed'));
    void firstStopSignal().then(stop);
    log('debug', 'stdio server ready', {
      patterns: engine.catalogue.patterns.length,
      version: engine.catalogue.version,
    });
  });
}
