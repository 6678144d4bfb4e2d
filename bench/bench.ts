import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { readSnapshot } from '../src/core/store/snapshot.js';
import { createEngine, loadEngine } from '../src/core/engine.js';
import { PACKAGE_ROOT } from '../src/util/paths.js';
import { McpProcess, timeToExit, timeToToolsList } from './process.js';
import { HOSTILE, healthDuringHostile } from './hostile.js';
import { QUERY_COUNT, searchArgs } from './queries.js';
import { measureReload } from './reload.js';
import { loadScenarios, SCENARIO_SETS } from './scenarios.js';
import { measureCatalogue, measureScale, printScale } from './scale.js';
import { mb, median, ms, percentile, printSection, ratio, within } from './stats.js';

// `npm run bench`: the figures of issue 6, each beside its target. Build first (the script does).
// BEK_CATALOGUE_DIR benchmarks another catalogue (e.g. a consistent copy while documents are in flux);
// the final figures are on the shipped one. BENCH_ROUNDS sets the cold-start rounds (default 20).

const NODE = process.execPath;
const CLI = join(PACKAGE_ROOT, 'dist/cli.js');
const PEER = join(PACKAGE_ROOT, 'node_modules/@modelcontextprotocol/server-filesystem/dist/index.js');
const ROOT = process.env.BEK_CATALOGUE_DIR ? resolve(process.env.BEK_CATALOGUE_DIR) : PACKAGE_ROOT;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 20);
const env = { ...process.env, NO_COLOR: '1' };

/** Spawn-to-answer times of each contender, interleaved round by round so drift on a noisy machine hits all alike. */
async function coldStarts() {
  const peerDir = mkdtempSync(join(tmpdir(), 'bek-bench-peer-'));
  const contenders = {
    floor: () => timeToExit(NODE, ['-e', ''], env),
    serve: () => timeToToolsList(NODE, [CLI, 'serve'], env),
    peer: () => timeToToolsList(NODE, [PEER, peerDir], env),
    search: () => timeToExit(NODE, [CLI, 'search', 'idempotency'], env),
  };
  const names = Object.keys(contenders) as (keyof typeof contenders)[];
  const times = Object.fromEntries(names.map((n) => [n, [] as number[]])) as Record<keyof typeof contenders, number[]>;
  try {
    for (let round = -2; round < ROUNDS; round++) {
      // Rotate the order each round; the first two rounds warm the disk cache and are dropped.
      for (let k = 0; k < names.length; k++) {
        const name = names[(k + round + names.length) % names.length] as keyof typeof contenders;
        const t = await contenders[name]();
        if (round >= 0) times[name].push(t);
      }
    }
  } finally {
    rmSync(peerDir, { recursive: true, force: true });
  }
  // Ratios are medians of the per-round ratios: each pair ran seconds apart, under the same load.
  const paired = (a: number[], b: number[]) => median(a.map((x, i) => x / (b[i] ?? Number.NaN)));
  const serveFloor = paired(times.serve, times.floor);
  const servePeer = paired(times.serve, times.peer);
  const searchFloor = paired(times.search, times.floor);
  printSection(`Cold start: spawn → initialize → tools/list answered (medians of ${ROUNDS} interleaved rounds)`, [
    { label: 'floor: node -e ""  (spawn → exit)', value: ms(median(times.floor)) },
    { label: 'bek serve', value: ms(median(times.serve)) },
    { label: 'peer: server-filesystem', value: ms(median(times.peer)) },
    {
      label: 'bek serve / floor',
      value: ratio(serveFloor),
      target: '≤ 1.80× (aim 1.50×)',
      ok: within(serveFloor, 1.8),
    },
    { label: 'bek serve / peer', value: ratio(servePeer), target: '≤ 0.60×', ok: within(servePeer, 0.6) },
  ]);
  printSection('Whole process: bek search "idempotency" (spawn → exit)', [
    { label: 'bek search', value: ms(median(times.search)) },
    { label: 'bek search / floor', value: ratio(searchFloor), target: '≤ 2.00×', ok: within(searchFloor, 2) },
  ]);
}

/** One stdio server on the shipped catalogue: round trips of search_patterns, then its memory as searches pile up. */
async function warmServer() {
  const server = new McpProcess(NODE, [CLI, 'serve'], env);
  try {
    await server.initialize();
    const times: number[] = [];
    let done = 0;
    const searches = async (n: number, timed: boolean) => {
      for (const end = done + n; done < end; done++) {
        const t = performance.now();
        await server.callTool('search_patterns', searchArgs(done));
        if (timed) times.push(performance.now() - t);
      }
    };
    await searches(100, false);
    await searches(900, true);
    const after1k = server.memory();
    // RSS every 1,000 searches: V8's heap is a sawtooth (it grows until a major GC), so a leak shows as a rising floor.
    const series: number[] = [];
    for (let k = 0; k < 10; k++) {
      await searches(1000, true);
      series.push(server.memory().rss);
    }
    const end = server.memory();
    // select_pattern over the blind scenarios' requirements: weighs every need and searches each clause.
    const requirements = SCENARIO_SETS.flatMap((name) => loadScenarios(name).map((s) => s.requirements));
    const selects: number[] = [];
    for (let i = 0; i < 20 + 500; i++) {
      const t = performance.now();
      await server.callTool('select_pattern', { requirements: requirements[i % requirements.length] });
      if (i >= 20) selects.push(performance.now() - t);
    }
    const p50 = percentile(times, 50);
    const p99 = percentile(times, 99);
    // The costliest requests we could construct, each timed (best of three, so a GC pause is not counted).
    const hostile = [];
    for (const h of HOSTILE) {
      const runs: number[] = [];
      for (let i = 0; i < 3; i++) {
        const t = performance.now();
        await server.request(h.method, h.params).catch(() => undefined); // a refusal is an answer too
        runs.push(performance.now() - t);
      }
      hostile.push({ label: h.label, time: Math.min(...runs) });
    }
    const worst = hostile.reduce((a, b) => (b.time > a.time ? b : a));
    printSection(
      `Warm search_patterns over stdio (round trip, ${times.length} searches cycling ${QUERY_COUNT} queries)`,
      [
        { label: 'p50', value: ms(p50), target: '≤ 2 ms', ok: within(p50, 2) },
        { label: 'p99', value: ms(p99), target: '≤ 10 ms', ok: within(p99, 10) },
        {
          label: `worst constructed request (${worst.label})`,
          value: ms(worst.time),
          target: '≤ 100 ms',
          ok: within(worst.time, 100),
        },
      ],
    );
    printSection(
      `Warm select_pattern over stdio (round trip, ${selects.length} calls cycling ${requirements.length} scenarios)`,
      [
        { label: 'p50', value: ms(percentile(selects, 50)) },
        { label: 'p99', value: ms(percentile(selects, 99)) },
      ],
    );
    printSection(
      'Hostile requests over stdio (round trip, best of 3)',
      hostile.map((h) => ({ label: h.label, value: ms(h.time) })),
    );
    const growth = end.rss - after1k.rss;
    printSection('Server memory on the shipped catalogue', [
      { label: 'RSS after 1,000 searches', value: mb(after1k.rss), target: '≤ 80 MB', ok: within(after1k.rss, 80) },
      { label: 'RSS after 10,000 more', value: mb(end.rss) },
      { label: 'growth over those 10,000', value: mb(growth), target: 'none (≤ 2 MB)', ok: within(growth, 2) },
      { label: 'RSS every 1,000 of them (MB)', value: series.map((r) => r.toFixed(0)).join(' ') },
      { label: 'peak RSS', value: mb(end.peak) },
    ]);
  } finally {
    await server.close();
  }
}

/** The engine inside this process: what one search costs without any protocol around it. */
function inProcess() {
  let t = performance.now();
  const { engine, problems } = loadEngine(ROOT);
  const load = performance.now() - t;
  if (!engine) throw new Error(`the catalogue in ${ROOT} has ${problems.length} problems: run bek validate`);
  t = performance.now();
  engine.search('idempotency');
  const first = performance.now() - t;
  const times: number[] = [];
  for (let i = 0; i < 20 * QUERY_COUNT; i++) {
    const { query, ...options } = searchArgs(i);
    t = performance.now();
    engine.search(query, options as never);
    times.push(performance.now() - t);
  }
  const p50 = percentile(times, 50);
  // What `bek` itself loads: the build's snapshot in dist/ (only for the shipped catalogue).
  t = performance.now();
  const snapshot = ROOT === PACKAGE_ROOT ? readSnapshot(pathToFileURL(join(PACKAGE_ROOT, 'dist/'))) : undefined;
  const snapshotRead = performance.now() - t;
  t = performance.now();
  if (snapshot) createEngine(snapshot.catalogue, snapshot.index, PACKAGE_ROOT).search('idempotency');
  const snapshotFirst = performance.now() - t;
  printSection(
    `In-process search on the shipped catalogue (${engine.catalogue.patterns.length} patterns, ${times.length} searches)`,
    [
      { label: 'full loader (parse, validate and index the Markdown)', value: ms(load) },
      { label: 'first search', value: ms(first) },
      ...(snapshot
        ? [
            { label: 'build snapshot read (dist/, what bek loads)', value: ms(snapshotRead) },
            { label: 'first search on the snapshot (prebuilt index)', value: ms(snapshotFirst) },
          ]
        : []),
      { label: 'p50', value: ms(p50), target: '≤ 0.5 ms', ok: within(p50, 0.5) },
      { label: 'p99', value: ms(percentile(times, 99)) },
    ],
  );
  return {
    catalogue: engine.catalogue,
    base: snapshot ? createEngine(snapshot.catalogue, snapshot.index, PACKAGE_ROOT) : engine,
  };
}

console.log(`# bek benchmark: node ${process.version}, ${cpus().length} CPUs, ${new Date().toISOString()}`);
console.log(`catalogue: ${ROOT === PACKAGE_ROOT ? 'shipped' : ROOT}`);
await timeToExit(NODE, [CLI, 'validate', ...(ROOT === PACKAGE_ROOT ? [] : [ROOT])], env);
await coldStarts();
await warmServer();
const health = await healthDuringHostile(CLI);
const slowest = Math.max(...health.map((h) => h.worstHealthMs));
printSection('HTTP: /healthz while each hostile request runs (probing every 5 ms)', [
  ...health.map((h) => ({
    label: h.label,
    value: `request ${ms(h.requestMs)}, slowest /healthz ${ms(h.worstHealthMs)}`,
  })),
  { label: 'slowest /healthz in all', value: ms(slowest), target: '≤ 100 ms', ok: within(slowest, 100) },
]);
const { catalogue, base } = inProcess();
await measureReload(base);
const cache = mkdtempSync(join(tmpdir(), 'bek-bench-cache-'));
try {
  const shipped = await measureCatalogue(CLI, ROOT, catalogue.patterns.length, cache);
  printScale([...shipped, ...(await measureScale(CLI, ROOT, catalogue, [1_000, 10_000]))]);
} finally {
  rmSync(cache, { recursive: true, force: true });
}
