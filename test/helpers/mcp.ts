import { join } from 'node:path';
import { Client, InMemoryTransport } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { serveStdio } from '@modelcontextprotocol/server/stdio';
import type { Engine } from '../../src/core/engine.js';
import type { LiveEngine } from '../../src/core/store/live.js';
import { announceSwap, createServer } from '../../src/mcp/server.js';
import { PACKAGE_ROOT } from '../../src/util/paths.js';
import { shippedEngine } from './engine.js';

/** A real SDK client talking to the built `bek serve` over stdio; `modern` speaks 2026-07-28. */
export async function connectBuilt(era: 'legacy' | 'modern' = 'legacy') {
  const client = new Client(
    { name: 'bek-stdio-test', version: '1.0.0' },
    era === 'modern' ? { versionNegotiation: { mode: { pin: '2026-07-28' } } } : {},
  );
  const cli = join(PACKAGE_ROOT, 'dist/cli.js');
  await client.connect(new StdioClientTransport({ command: process.execPath, args: [cli, 'serve'], stderr: 'pipe' }));
  return client;
}

/**
 * A real SDK client connected in-process to a fresh server; `modern` speaks 2026-07-28 (server/discover).
 * Over a live engine, the server is told of each swap as the stdio transport tells it.
 */
export async function connectInProcess(
  era: 'legacy' | 'modern' = 'legacy',
  engine: Engine | LiveEngine = shippedEngine(),
) {
  const live = 'current' in engine ? engine : undefined;
  const factory = () => {
    if (!live) return createServer(engine as Engine, 'test');
    const server = createServer(live.current, 'test');
    live.subscribe((next) => server.isConnected() && announceSwap(server, next));
    return server;
  };
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  const client = new Client(
    { name: 'bek-test', version: '1.0.0' },
    era === 'modern' ? { versionNegotiation: { mode: { pin: '2026-07-28' } } } : {},
  );
  // serveStdio owns the era decision for a connection; over an in-memory transport it does the same as over pipes.
  const handle = serveStdio(factory, { transport: serverSide });
  await client.connect(clientSide);
  return {
    client,
    close: async () => {
      await client.close();
      await handle.close();
    },
  };
}
