import type { Level, Scope } from '../catalogue/schema.js';
import { SCOPES } from '../catalogue/schema.js';
import type { SearchIndex } from './index.js';
import { queryTerms } from './text.js';

export interface SearchOptions {
  scope?: Scope | undefined;
  level?: Level | undefined;
  limit?: number | undefined;
}

export interface SearchHit {
  id: string;
  title: string;
  scope: Scope;
  level: Level;
  summary: string;
  /** 0..1: how much of the query the pattern covers, weighted by rarity; comparable across queries. */
  score: number;
}

export interface Suggestions {
  message: string;
  closest: { id: string; title: string; scope: Scope }[];
  scopes: Scope[];
}

export interface SearchOutcome {
  total: number;
  hits: SearchHit[];
  suggestions?: Suggestions;
}

/** Below this score a hit is noise, not an answer. */
export const MIN_SCORE = 0.2;
/** Hits far below the best one are noise for this query, even when they clear MIN_SCORE. */
const RELATIVE_CUT = 0.4;
const DEFAULT_LIMIT = 5;
/** Share of the score from covering the query's terms; the rest rewards one tight title/alias match. */
const COVERAGE_SHARE = 0.55;
/** A query term found nowhere still weighs this much, so gibberish queries score low. */
const UNKNOWN_TERM_WEIGHT = 1;
/**
 * Words found only in body text ("look", "everywhere") are mostly the asker's phrasing, not the topic:
 * they count for this share of their weight, so long questions are not sunk by incidental words.
 */
const INCIDENTAL_SHARE = 0.3;
const TYPO_DISCOUNT = 0.85;

interface TermMatch {
  weight: number;
  variants: { term: string; factor: number }[];
}

/** Resolves each query term to indexed terms: exact, else the closest spellings fuse.js finds. */
function resolveTerms(index: SearchIndex, query: string): TermMatch[] {
  const weigh = (term: string | undefined) =>
    term === undefined ? UNKNOWN_TERM_WEIGHT * INCIDENTAL_SHARE : (index.idf.get(term) ?? 0) * (index.head.has(term) ? 1 : INCIDENTAL_SHARE);
  return queryTerms(query).map((term) => {
    if (index.idf.has(term)) return { weight: weigh(term), variants: [{ term, factor: 1 }] };
    if (term.length < 4) return { weight: weigh(undefined), variants: [] };
    const close = index.vocabulary.search(term, { limit: 3 });
    const variants = close.map((r) => ({ term: r.item, factor: TYPO_DISCOUNT * (1 - (r.score ?? 0)) }));
    return { weight: weigh(close[0]?.item), variants };
  });
}

/** Ranks the patterns of the index against a free-text query. Filters are exact; the index is never modified. */
export function searchIndex(index: SearchIndex, query: string, options: SearchOptions = {}): SearchOutcome {
  const limit = options.limit ?? DEFAULT_LIMIT;
  const allowed = (doc: number) => {
    const p = index.patterns[doc];
    return !!p && (!options.scope || p.scope === options.scope) && (!options.level || p.level === options.level);
  };
  const matches = resolveTerms(index, query);
  const totalWeight = matches.reduce((sum, m) => sum + m.weight, 0);

  // Coverage: per query term, the best strength among its variants, weighted by rarity.
  const coverage = new Map<number, number>();
  const matchedBy = new Map<string, number>();
  for (const m of matches) {
    const best = new Map<number, number>();
    for (const v of m.variants) {
      matchedBy.set(v.term, Math.max(matchedBy.get(v.term) ?? 0, m.weight * v.factor));
      const list = index.postings.get(v.term);
      if (!list) continue;
      list.docs.forEach((doc, k) => {
        if (!allowed(doc)) return;
        const s = (list.strengths[k] ?? 0) * v.factor;
        if (s > (best.get(doc) ?? 0)) best.set(doc, s);
      });
    }
    for (const [doc, s] of best) coverage.set(doc, (coverage.get(doc) ?? 0) + m.weight * s);
  }

  const scored: SearchHit[] = [];
  for (const [doc, covered] of coverage) {
    const p = index.patterns[doc];
    if (!p || totalWeight === 0) continue;
    const score = COVERAGE_SHARE * (covered / totalWeight) + (1 - COVERAGE_SHARE) * phraseMatch(index, doc, matchedBy, totalWeight);
    scored.push({ id: p.id, title: p.title, scope: p.scope, level: p.level, summary: p.summary, score: Math.round(score * 1000) / 1000 });
  }
  scored.sort((a, b) => b.score - a.score || a.title.localeCompare(b.title));
  const floor = Math.max(MIN_SCORE, RELATIVE_CUT * (scored[0]?.score ?? 0));
  const good = scored.filter((h) => h.score >= floor);
  if (good.length > 0) return { total: good.length, hits: good.slice(0, limit) };
  return { total: 0, hits: [], suggestions: suggest(index, query, options, scored) };
}

/**
 * The best single title or alias match: precision (how much of the phrase the query has) times
 * recall (how much of the query the phrase explains), both weighted by rarity.
 */
function phraseMatch(index: SearchIndex, doc: number, matchedBy: Map<string, number>, totalWeight: number): number {
  let best = 0;
  for (const phrase of index.phrases[doc] ?? []) {
    let have = 0;
    let all = 0;
    for (const t of phrase) {
      const w = index.idf.get(t) ?? 0;
      all += w;
      const m = matchedBy.get(t);
      if (m !== undefined) have += Math.min(w, m);
    }
    if (all > 0 && have > 0) best = Math.max(best, (have / all) * Math.min(1, have / totalWeight));
  }
  return best;
}

/** No dead ends: when nothing matches well, name the closest titles and the scopes worth trying. */
function suggest(index: SearchIndex, query: string, options: SearchOptions, weak: SearchHit[]): Suggestions {
  const filtered = Boolean(options.scope || options.level);
  const elsewhere = filtered ? searchIndex(index, query, { limit: 3 }).hits : [];
  const fuzzy = index.titles.search(query, { limit: 3 }).map((r) => r.item.id);
  const ids = [...new Set([...elsewhere.map((h) => h.id), ...weak.slice(0, 3).map((h) => h.id), ...fuzzy])].slice(0, 3);
  const closest = ids.flatMap((id) => {
    const p = index.patterns.find((x) => x.id === id);
    return p ? [{ id: p.id, title: p.title, scope: p.scope }] : [];
  });
  const scopes = closest.length > 0 ? [...new Set(closest.map((c) => c.scope))] : [...SCOPES];
  const where = [options.scope && `scope "${options.scope}"`, options.level && `level "${options.level}"`].filter(Boolean).join(' and ');
  const message =
    elsewhere.length > 0
      ? `No good match for "${query}" in ${where}; it matches outside that filter.`
      : `No pattern matches "${query}" well${where ? ` in ${where}` : ''}. Try other words (a symptom, or what you are building), one of the closest titles below, or browse a scope.`;
  return { message, closest, scopes };
}
