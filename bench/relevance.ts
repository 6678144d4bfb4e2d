import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { LEVELS, SCOPES } from '../src/catalogue/schema.js';
import { type Engine, loadEngine } from '../src/engine.js';
import { PACKAGE_ROOT } from '../src/paths.js';

const Query = z.strictObject({
  q: z.string().min(1),
  expect: z.string(),
  kind: z.string(),
  scope: z.enum(SCOPES).optional(),
  level: z.enum(LEVELS).optional(),
});
export type Query = z.infer<typeof Query>;

/** Reads a query set (bench/*.json). */
export function loadQueries(file: string): Query[] {
  return z.array(Query).parse(JSON.parse(readFileSync(file, 'utf8')));
}

export interface Relevance {
  queries: number;
  hit1: number;
  hit3: number;
  mrr: number;
  misses: { q: string; expect: string; got: string[] }[];
}

/** hit@1, hit@3 and mean reciprocal rank (over the top 10) of a query set. */
export function evaluate(engine: Engine, queries: Query[]): Relevance {
  let hit1 = 0;
  let hit3 = 0;
  let rr = 0;
  const misses: Relevance['misses'] = [];
  for (const query of queries) {
    const ids = engine.search(query.q, { scope: query.scope, level: query.level, limit: 10 }).hits.map((h) => h.id);
    const rank = ids.indexOf(query.expect) + 1;
    if (rank === 1) hit1++;
    if (rank >= 1 && rank <= 3) hit3++;
    if (rank >= 1) rr += 1 / rank;
    if (rank !== 1) misses.push({ q: query.q, expect: query.expect, got: ids.slice(0, 3) });
  }
  const n = queries.length;
  return { queries: n, hit1: hit1 / n, hit3: hit3 / n, mrr: rr / n, misses };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { engine, problems } = loadEngine(PACKAGE_ROOT);
  if (!engine) throw new Error(`catalogue has ${problems.length} problems; run bek validate`);
  const verbose = process.argv.includes('--misses');
  for (const name of ['queries.json', 'queries-holdout.json']) {
    const file = join(import.meta.dirname, name);
    if (!existsSync(file)) continue;
    const r = evaluate(engine, loadQueries(file));
    console.log(`${name.padEnd(22)} n=${r.queries}  hit@1=${r.hit1.toFixed(3)}  hit@3=${r.hit3.toFixed(3)}  MRR=${r.mrr.toFixed(3)}`);
    if (verbose) for (const m of r.misses) console.log(`  miss: "${m.q}" → expected ${m.expect}, got ${m.got.join(', ') || '(nothing)'}`);
  }
}
