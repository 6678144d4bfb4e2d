import type { Engine } from '../core/engine.js';
import type { LiveEngine } from '../core/store/live.js';
import { log, setLogLevel } from '../util/log.js';
import type { HttpConfig } from './http/config.js';
import { startHttpServer } from './http/server.js';
import { firstStopSignal } from './signals.js';

export { loadHttpConfig, type HttpConfig } from './http/config.js';
export { startHttpServer, type HttpService } from './http/server.js';

/** `bek serve --http`: serves until SIGTERM or SIGINT, lets in-flight requests finish, then resolves with exit code 0. */
export async function serveHttp(source: Engine | LiveEngine, config: HttpConfig): Promise<number> {
  setLogLevel(config.logLevel);
  const service = await startHttpServer(source, config);
  const engine = 'current' in source ? source.current() : source;
  log('info', 'listening', {
    url: service.url,
    patterns: engine.catalogue.patterns.length,
    version: engine.catalogue.version,
    auth: config.authToken ? 'bearer' : 'none',
    rateLimitPerMinute: config.rateLimitPerMinute,
  });
  const signal = await firstStopSignal();
  log('info', 'shutting down', { signal });
  await service.close();
  log('info', 'stopped', { signal });
  return 0;
}
