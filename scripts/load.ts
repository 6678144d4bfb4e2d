// Load test of the built `bek serve --http`, loopback only and bounded: 16 concurrent SDK clients x 40 tool calls.
// Usage: npm run load   (builds first; CLIENTS, CALLS and DEADLINE_MS may be set in the environment)
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';

const CLIENTS = Number(process.env.CLIENTS ?? 16);
const CALLS = Number(process.env.CALLS ?? 40);
const DEADLINE_MS = Number(process.env.DEADLINE_MS ?? 60_000);
const QUERIES = [
  'client retries create duplicate orders',
  'rate limiting',
  'N+1 queries',
  'error model for a REST API',
  'timeouts',
  'circuit breaker',
  'pagination',
  'webhook signatures',
];
const REQUIREMENTS = [
  'public REST API for payments with webhooks',
  'service that calls a flaky third-party API',
  'real-time notifications for a web app',
  'high scalability',
];

const deadline = AbortSignal.timeout(DEADLINE_MS);
const server = spawn(process.execPath, ['dist/cli.js', 'serve', '--http', '--host', '127.0.0.1', '--port', '0'], {
  // The limit is raised for the run: every client shares 127.0.0.1, so the default 600/min would throttle the test itself.
  env: { ...process.env, BEK_RATE_LIMIT_PER_MINUTE: '1000000', BEK_LOG_LEVEL: 'info', BEK_AUTH_TOKEN: '' },
  stdio: ['ignore', 'ignore', 'pipe'],
});
const stop = () => server.exitCode === null && server.kill('SIGTERM');
deadline.addEventListener('abort', () => {
  console.error(`load: deadline of ${DEADLINE_MS} ms reached, aborting`);
  stop();
  process.exit(1);
});

const stderr: string[] = [];
const url = await new Promise<string>((resolve, reject) => {
  server.once('exit', (code: number | null) => reject(new Error(`server exited with ${code}:\n${stderr.join('\n')}`)));
  createInterface({ input: server.stderr }).on('line', (line: string) => {
    if (!line.startsWith('{')) return void stderr.push(line);
    const entry = JSON.parse(line) as { msg?: string; url?: string; level?: string };
    if (entry.msg === 'listening') resolve(String(entry.url));
    else if (entry.level !== 'info') stderr.push(line);
  });
});
if (new URL(url).hostname !== '127.0.0.1') throw new Error(`refusing to load a non-loopback address: ${url}`);

const connect = async (era: 'legacy' | 'modern') => {
  const client = new Client(
    { name: 'bek-load', version: '1.0.0' },
    era === 'modern' ? { versionNegotiation: { mode: { pin: '2026-07-28' } } } : {},
  );
  await client.connect(new StreamableHTTPClientTransport(new URL(url)));
  return client;
};

const probe = await connect('legacy');
const ids = (await probe.listResources()).resources
  .filter((r) => r.uri.startsWith('bek://patterns/'))
  .map((r) => r.name);
await probe.close();

const latencies: number[] = [];
const failures: string[] = [];
const call = (i: number, n: number) => {
  const kind = (i + n) % 3;
  if (kind === 0) return { name: 'search_patterns', arguments: { query: QUERIES[(i * CALLS + n) % QUERIES.length] } };
  if (kind === 1)
    return { name: 'select_pattern', arguments: { requirements: REQUIREMENTS[(i + n) % REQUIREMENTS.length] } };
  return { name: 'get_pattern', arguments: { id: ids[(i * CALLS + n) % ids.length], sections: ['Checklist'] } };
};

// Half the clients speak 2025-11-25 (initialize), half 2026-07-28 (server/discover): both paths carry load.
const clients = await Promise.all(Array.from({ length: CLIENTS }, (_, i) => connect(i % 2 ? 'modern' : 'legacy')));
const started = performance.now();
await Promise.all(
  clients.map(async (client, i) => {
    for (let n = 0; n < CALLS; n++) {
      const params = call(i, n);
      const t = performance.now();
      try {
        const result = await client.callTool(params, { signal: deadline });
        if (result.isError) failures.push(`${params.name}: ${JSON.stringify(result.content?.[0])}`);
      } catch (error) {
        failures.push(`${params.name}: ${(error as Error).message}`);
      }
      latencies.push(performance.now() - t);
    }
  }),
);
const elapsed = (performance.now() - started) / 1000;
await Promise.all(clients.map((c) => c.close()));

const metrics = await (await fetch(url.replace(/\/mcp$/, '/metrics'))).text();
const served = ['search_patterns', 'select_pattern', 'get_pattern']
  .map((tool) => Number(new RegExp(`^bek_mcp_requests_total\\{tool="${tool}"\\} (\\d+)$`, 'm').exec(metrics)?.[1] ?? 0))
  .reduce((a, b) => a + b, 0);
stop();

latencies.sort((a, b) => a - b);
const pct = (p: number) =>
  (latencies[Math.min(latencies.length - 1, Math.ceil((p / 100) * latencies.length) - 1)] ?? 0).toFixed(1);
console.log(
  `load: ${CLIENTS} clients x ${CALLS} calls = ${latencies.length} tool calls in ${elapsed.toFixed(2)} s (Node ${process.version}, ${url})`,
);
console.log(
  `load: throughput ${(latencies.length / elapsed).toFixed(0)} calls/s, latency p50 ${pct(50)} ms, p99 ${pct(99)} ms, max ${(latencies.at(-1) ?? 0).toFixed(1)} ms`,
);
console.log(`load: errors ${failures.length}; server /metrics counted ${served} tool calls`);
for (const f of failures.slice(0, 5)) console.log(`  ${f}`);
process.exit(failures.length === 0 && served === latencies.length ? 0 : 1);
