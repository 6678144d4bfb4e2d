import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { LEVELS, SCOPES } from '../src/core/catalogue/schema.js';
import { type Engine, loadEngine } from '../src/core/engine.js';
import { PACKAGE_ROOT } from '../src/util/paths.js';
import { measureResultSize } from './result-size.js';
import { loadScenarios, SCENARIO_SETS, scenarioFailures } from './scenarios.js';

const Query = z.strictObject({
  q: z.string().min(1),
  /** The right answer, or several equally right ones (a hit is any of them at the rank). */
  expect: z.union([z.string(), z.array(z.string()).min(1)]),
  kind: z.string(),
  scope: z.enum(SCOPES).optional(),
  level: z.enum(LEVELS).optional(),
});
export type Query = z.infer<typeof Query>;

/**
 * The query sets in bench/: written with the search code in view, written blind by people who never saw
 * it (blind, blind-2, and blind-3 for the second wave), and (wave2) written by each second-wave
 * document's author before tuning its aliases.
 */
const QUERY_SETS = [
  'queries.json',
  'queries-holdout.json',
  'queries-blind.json',
  'queries-blind-2.json',
  'queries-wave2.json',
  'queries-blind-3.json',
  'queries-blind-4.json',
  'queries-blind-5.json',
];

/**
 * Questions no pattern answers: the share answered "no match" is the abstention rate. offtopic-dev.json was
 * written by the team that tuned abstention; the blind ones by people who never saw the search code, and no
 * tuning looks at them.
 */
const OFF_TOPIC_SETS = ['offtopic-dev.json', 'offtopic-blind.json', 'offtopic-blind-2.json', 'offtopic-blind-3.json'];
/** Score bands for the precision-at-rank-1 table: each band holds the top scores from its bound up to the next. */
const BANDS = [0.2, 0.3, 0.4, 0.5, 0.6, 0.7];

/** The share of off-topic questions that search answers with no result. */
export function abstention(engine: Engine, file: string): { questions: number; abstained: number } {
  const questions = z
    .array(z.object({ q: z.string(), kind: z.string() }))
    .parse(JSON.parse(readFileSync(file, 'utf8')));
  return {
    questions: questions.length,
    abstained: questions.filter((o) => engine.search(o.q).hits.length === 0).length,
  };
}

const percent = (part: number, whole: number) => (whole === 0 ? '-' : `${((100 * part) / whole).toFixed(0)} %`);

/** Reads a query set (bench/*.json). */
export function loadQueries(file: string): Query[] {
  return z.array(Query).parse(JSON.parse(readFileSync(file, 'utf8')));
}

export interface Relevance {
  queries: number;
  hit1: number;
  hit3: number;
  mrr: number;
  /** Covered questions answered "no match". */
  unanswered: number;
  /** Per answered question: its top score and whether the top hit was right. */
  tops: { score: number; right: boolean }[];
  misses: { q: string; expect: string[]; got: string[] }[];
}

/** hit@1, hit@3 and mean reciprocal rank (over the top 10) of a query set. */
export function evaluate(engine: Engine, queries: Query[]): Relevance {
  let hit1 = 0;
  let hit3 = 0;
  let rr = 0;
  let unanswered = 0;
  const tops: Relevance['tops'] = [];
  const misses: Relevance['misses'] = [];
  for (const query of queries) {
    const { hits } = engine.search(query.q, { scope: query.scope, level: query.level, limit: 10 });
    const ids = hits.map((h) => h.id);
    const expected = [query.expect].flat();
    const rank = ids.findIndex((id) => expected.includes(id)) + 1;
    if (hits[0]) tops.push({ score: hits[0].score, right: rank === 1 });
    else unanswered++;
    if (rank === 1) hit1++;
    if (rank >= 1 && rank <= 3) hit3++;
    if (rank >= 1) rr += 1 / rank;
    if (rank !== 1) misses.push({ q: query.q, expect: expected, got: ids.slice(0, 3) });
  }
  const n = queries.length;
  return { queries: n, hit1: hit1 / n, hit3: hit3 / n, mrr: rr / n, unanswered, tops, misses };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { engine, problems } = loadEngine(PACKAGE_ROOT);
  if (!engine) throw new Error(`catalogue has ${problems.length} problems; run bek validate`);
  const verbose = process.argv.includes('--misses');
  const all: string[] = [];
  const tops: Relevance['tops'] = [];
  for (const name of QUERY_SETS) {
    const queries = loadQueries(join(import.meta.dirname, name));
    all.push(...queries.filter((q) => !q.scope && !q.level).map((q) => q.q));
    const r = evaluate(engine, queries);
    tops.push(...r.tops);
    console.log(
      `${name.padEnd(22)} n=${r.queries}  hit@1=${r.hit1.toFixed(3)}  hit@3=${r.hit3.toFixed(3)}  MRR=${r.mrr.toFixed(3)}  "no match": ${r.unanswered} (${percent(r.unanswered, r.queries)})`,
    );
    if (verbose)
      for (const m of r.misses)
        console.log(`  miss: "${m.q}" → expected ${m.expect.join(' | ')}, got ${m.got.join(', ') || '(nothing)'}`);
  }
  for (const name of OFF_TOPIC_SETS) {
    const off = abstention(engine, join(import.meta.dirname, name));
    console.log(
      `${name.padEnd(22)} n=${off.questions}  answered "no match": ${off.abstained} (${percent(off.abstained, off.questions)})`,
    );
  }
  for (const name of SCENARIO_SETS) {
    const scenarios = loadScenarios(name);
    const passed = scenarios.filter((s) => scenarioFailures(engine, s).length === 0).length;
    console.log(
      `${name.padEnd(22)} n=${scenarios.length}  select_pattern passes: ${passed} (${percent(passed, scenarios.length)})`,
    );
  }
  console.log('precision at rank 1 by top score, covered questions of every set:');
  BANDS.forEach((from, i) => {
    const to = BANDS[i + 1] ?? 1.01;
    const band = tops.filter((t) => t.score >= from && t.score < to);
    const right = band.filter((t) => t.right).length;
    const label = BANDS[i + 1] === undefined ? `>= ${from}` : `${from}-${to}`;
    console.log(
      `  score ${label.padEnd(8)} ${String(band.length).padStart(4)} questions  P@1 ${percent(right, band.length)}`,
    );
  });
  const size = await measureResultSize(engine, all);
  console.log(
    `search_patterns result size (JSON of text + resource links + structuredContent, 4 chars/token) over ${size.calls} unfiltered queries: ` +
      `a 5-hit result (${size.fiveHitCalls} of them) median ${Math.round(size.fiveHitTokens)} tokens, ${Math.round(size.fiveHitTextTokens)} of them the text; ` +
      `all results median ${Math.round(size.medianTokens)}, largest ${Math.round(size.maxTokens)}`,
  );
}
