import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Catalogue } from '../src/catalogue/types.js';
import { McpProcess } from './process.js';
import { searchArgs } from './queries.js';
import { mb, ms, percentile, printSection, type Row, within } from './stats.js';
import { writeSyntheticCatalogue } from './synthetic.js';

const SEARCHES = 300;

export interface ScaleFigures {
  size: number;
  diskMB: number;
  /** Spawn → tools/list answered with BEK_CATALOGUE_DIR on this catalogue: the full loader (which also indexes), as a user would see it. */
  startup: number;
  /** The first search. */
  firstSearch: number;
  p50: number;
  p99: number;
  rss: number;
  peak: number;
}

/** Serves the catalogue in `dir` over stdio through the full loader and times what a client sees. */
export async function measureCatalogue(cli: string, dir: string, size: number): Promise<ScaleFigures> {
  const patterns = join(dir, 'references/patterns');
  const diskMB = readdirSync(patterns).reduce((sum, f) => sum + statSync(join(patterns, f)).size, 0) / 2 ** 20;
  const server = new McpProcess(process.execPath, [cli, 'serve'], { ...process.env, BEK_CATALOGUE_DIR: dir });
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
    return { size, diskMB, startup, firstSearch, p50: percentile(times, 50), p99: percentile(times, 99), ...server.memory() };
  } finally {
    await server.close();
  }
}

/** Generates each synthetic catalogue in a temporary folder, measures it, and removes it. */
export async function measureScale(cli: string, root: string, real: Catalogue, sizes: number[]): Promise<ScaleFigures[]> {
  const figures: ScaleFigures[] = [];
  for (const size of sizes) {
    const dir = mkdtempSync(join(tmpdir(), `bek-bench-${size}-`));
    try {
      writeSyntheticCatalogue(root, real, size, dir);
      figures.push(await measureCatalogue(cli, dir, size));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return figures;
}

/** One line per size, then the targets at the largest and how each figure grows with size. */
export function printScale(figures: ScaleFigures[]): void {
  console.log('\n## Scale: synthetic catalogues through the full loader (BEK_CATALOGUE_DIR), over stdio');
  console.log(`  ${'patterns'.padStart(8)}  ${'Markdown'.padStart(9)}  ${'load¹'.padStart(8)}  ${'1st search²'.padStart(11)}  ${'p50'.padStart(9)}  ${'p99'.padStart(9)}  ${'RSS'.padStart(9)}  ${'peak RSS'.padStart(9)}`);
  for (const f of figures) {
    const cells = [mb(f.diskMB).padStart(9), ms(f.startup).padStart(8), ms(f.firstSearch).padStart(11), ms(f.p50).padStart(9), ms(f.p99).padStart(9), mb(f.rss).padStart(9), mb(f.peak).padStart(9)];
    console.log(`  ${String(f.size).padStart(8)}  ${cells.join('  ')}`);
  }
  console.log(`  ¹ spawn → tools/list answered: catalogue parsed, validated and indexed  ² the first search; p50/p99 over ${SEARCHES} searches`);
  const big = figures.at(-1);
  const small = figures.at(-2);
  if (!big || !small) return;
  const growth = (key: 'startup' | 'firstSearch' | 'p50' | 'rss') => `${(big[key] / small[key]).toFixed(1)}× for ${(big.size / small.size).toFixed(0)}× the patterns`;
  const rows: Row[] = [
    { label: `load at ${big.size}`, value: ms(big.startup), target: '≤ 2000 ms', ok: within(big.startup, 2000) },
    { label: `search p50 at ${big.size}`, value: ms(big.p50), target: '≤ 20 ms', ok: within(big.p50, 20) },
    { label: `RSS at ${big.size}`, value: mb(big.rss), target: '≤ 250 MB', ok: within(big.rss, 250) },
    { label: `growth ${small.size} → ${big.size}: load`, value: growth('startup') },
    { label: `growth ${small.size} → ${big.size}: 1st search`, value: growth('firstSearch') },
    { label: `growth ${small.size} → ${big.size}: search p50`, value: growth('p50') },
    { label: `growth ${small.size} → ${big.size}: RSS`, value: growth('rss') },
  ];
  printSection(`Scale targets at ${big.size} patterns`, rows);
}
