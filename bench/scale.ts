import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Catalogue } from '../src/core/catalogue/types.js';
import { McpProcess } from './process.js';
import { searchArgs } from './queries.js';
import { mb, ms, percentile, printSection, type Row, within } from './stats.js';
import { writeSyntheticCatalogue } from './synthetic.js';

const SEARCHES = 300;

export interface ScaleFigures {
  size: number;
  diskMB: number;
  /** A first start (the full loader, which also indexes, then writes the cache) or a later one (the cache). */
  start: 'first' | 'cached';
  /** Spawn → tools/list answered with BEK_CATALOGUE_DIR on this catalogue, as a user would see it. */
  startup: number;
  /** The first search. */
  firstSearch: number;
  p50: number;
  p99: number;
  rss: number;
  peak: number;
}

/** Serves the catalogue in `dir` over stdio twice, with a fresh cache (`cache`: a folder): a first start, then a later one. */
export async function measureCatalogue(cli: string, dir: string, size: number, cache: string): Promise<ScaleFigures[]> {
  rmSync(cache, { recursive: true, force: true });
  return [await measureStart(cli, dir, size, cache, 'first'), await measureStart(cli, dir, size, cache, 'cached')];
}

/** Times what a client sees of one server on the catalogue in `dir`. */
async function measureStart(
  cli: string,
  dir: string,
  size: number,
  cache: string,
  start: ScaleFigures['start'],
): Promise<ScaleFigures> {
  const patterns = join(dir, 'references/patterns');
  const diskMB = readdirSync(patterns).reduce((sum, f) => sum + statSync(join(patterns, f)).size, 0) / 2 ** 20;
  const server = new McpProcess(process.execPath, [cli, 'serve'], {
    ...process.env,
    BEK_CATALOGUE_DIR: dir,
    BEK_CACHE_DIR: cache,
  });
  try {
    await server.initialize();
    await server.request('tools/list');
    const startup = performance.now() - server.startedAt;
    let t = performance.now();
    await server.callTool('search_patterns', searchArgs(0));
    const firstSearch = performance.now() - t;
    const times: number[] = [];
    for (let i = 1; i <= SEARCHES; i++) {
      t = performance.now();
      await server.callTool('search_patterns', searchArgs(i));
      times.push(performance.now() - t);
    }
    return {
      size,
      diskMB,
      start,
      startup,
      firstSearch,
      p50: percentile(times, 50),
      p99: percentile(times, 99),
      ...server.memory(),
    };
  } finally {
    await server.close();
  }
}

/** Generates each synthetic catalogue in a temporary folder, measures it, and removes it. */
export async function measureScale(
  cli: string,
  root: string,
  real: Catalogue,
  sizes: number[],
): Promise<ScaleFigures[]> {
  const figures: ScaleFigures[] = [];
  for (const size of sizes) {
    const dir = mkdtempSync(join(tmpdir(), `bek-bench-${size}-`));
    try {
      writeSyntheticCatalogue(root, real, size, join(dir, 'catalogue'));
      figures.push(...(await measureCatalogue(cli, join(dir, 'catalogue'), size, join(dir, 'cache'))));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return figures;
}

/** One line per size and start, then the targets at the largest size and how each figure grows with size. */
export function printScale(figures: ScaleFigures[]): void {
  console.log('\n## Scale: synthetic catalogues served from Markdown (BEK_CATALOGUE_DIR), over stdio');
  const head = ['patterns', 'Markdown', 'start', 'load¹', '1st search²', 'p50', 'p99', 'RSS', 'peak RSS'];
  const widths = [8, 9, 7, 8, 11, 9, 9, 9, 9];
  const line = (cells: string[]) => console.log(`  ${cells.map((c, i) => c.padStart(widths[i] ?? 9)).join('  ')}`);
  line(head);
  for (const f of figures) {
    line([
      String(f.size),
      mb(f.diskMB),
      f.start,
      ms(f.startup),
      ms(f.firstSearch),
      ms(f.p50),
      ms(f.p99),
      mb(f.rss),
      mb(f.peak),
    ]);
  }
  console.log(
    '  ¹ spawn → tools/list answered. first: the full loader parses, validates and indexes the Markdown, then writes',
  );
  console.log('    the cache; cached: a later start with the same files reads the cache.');
  console.log(`  ² the first search; p50/p99 over ${SEARCHES} searches`);
  const at = (size: number | undefined, start: ScaleFigures['start']) =>
    figures.find((f) => f.size === size && f.start === start);
  const sizes = [...new Set(figures.map((f) => f.size))];
  const [bigFirst, bigCached] = [at(sizes.at(-1), 'first'), at(sizes.at(-1), 'cached')];
  const [smallFirst, smallCached] = [at(sizes.at(-2), 'first'), at(sizes.at(-2), 'cached')];
  if (!bigFirst || !bigCached || !smallFirst || !smallCached) return;
  const n = bigFirst.size;
  const growth = (big: ScaleFigures, small: ScaleFigures, key: 'startup' | 'firstSearch' | 'p50' | 'rss') =>
    `${(big[key] / small[key]).toFixed(1)}× for ${(big.size / small.size).toFixed(0)}× the patterns`;
  const rows: Row[] = [
    {
      label: `load at ${n}, first start`,
      value: ms(bigFirst.startup),
      target: '≤ 2000 ms',
      ok: within(bigFirst.startup, 2000),
    },
    {
      label: `load at ${n}, later starts`,
      value: ms(bigCached.startup),
      target: '≤ 2000 ms',
      ok: within(bigCached.startup, 2000),
    },
    {
      label: `search p50 at ${n}`,
      value: ms(Math.max(bigFirst.p50, bigCached.p50)),
      target: '≤ 20 ms',
      ok: within(Math.max(bigFirst.p50, bigCached.p50), 20),
    },
    {
      label: `RSS at ${n}`,
      value: mb(Math.max(bigFirst.rss, bigCached.rss)),
      target: '≤ 250 MB',
      ok: within(Math.max(bigFirst.rss, bigCached.rss), 250),
    },
    { label: `growth ${smallFirst.size} → ${n}: load, first start`, value: growth(bigFirst, smallFirst, 'startup') },
    { label: `growth ${smallFirst.size} → ${n}: load, later starts`, value: growth(bigCached, smallCached, 'startup') },
    { label: `growth ${smallFirst.size} → ${n}: 1st search`, value: growth(bigCached, smallCached, 'firstSearch') },
    { label: `growth ${smallFirst.size} → ${n}: search p50`, value: growth(bigCached, smallCached, 'p50') },
    { label: `growth ${smallFirst.size} → ${n}: RSS`, value: growth(bigCached, smallCached, 'rss') },
  ];
  printSection(`Scale targets at ${n} patterns (search and RSS: the worse of the two starts)`, rows);
}
