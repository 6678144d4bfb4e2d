import type { Level } from '../catalogue/schema.js';
import { SCOPES } from '../catalogue/vocabulary.js';
import { isForeign } from './foreign.js';
import type { Searchable, SearchIndex } from './index.js';
import { MAX_WORD, type QueryTerm, queryTerms, stem } from './text.js';

export interface SearchOptions {
  /** A built-in scope, or one a team folder declares. */
  scope?: string | undefined;
  level?: Level | undefined;
  limit?: number | undefined;
  /** false: no suggestions when nothing matches (they cost a fuzzy pass over every title). */
  suggest?: boolean | undefined;
}

export interface SearchHit {
  id: string;
  title: string;
  scope: string;
  level: Level;
  /** BUILT_IN, or the team folder the pattern comes from. */
  origin: string;
  /** Set when this team pattern replaces the built-in one of the same id. */
  overrides?: string;
  summary: string;
  /** 0..1: how much of the query the pattern covers, weighted by rarity; comparable across queries. */
  score: number;
}

export interface Suggestions {
  message: string;
  closest: { id: string; title: string; scope: string }[];
  scopes: string[];
}

export interface SearchOutcome {
  total: number;
  hits: SearchHit[];
  suggestions?: Suggestions;
}

/** Below this score a hit is noise, not an answer. */
const MIN_SCORE = 0.2;
/**
 * A question that names another field's subject ("flexbox", "pandas"), or whose words the catalogue mostly
 * does not know, is answered only by a match at least this good: below it the best hit is the least-bad
 * one, not an answer (the score bands in bench/relevance.ts measure this).
 */
const CONFIDENT = 0.5;
/** The share of a question's words unknown to the catalogue (after typo matching) that makes it foreign. */
const UNKNOWN_SHARE = 0.5;
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
/** Words of this many letters or fewer are matched as typos with one edit at most... */
const SHORT_WORD = 6;
/** ...which fuse.js scores about 1/length (0.17 for six letters; two edits, twice that): a margin over one edit. */
const ONE_EDIT_SCORE = 1.25;
/** The shortest part of a run-together word: "payload" is not "pay" + "load". */
const MIN_PART = 4;
/** At most this many words of one query are matched fuzzily (each costs up to a millisecond); the rest count as unknown. */
const MAX_FUZZY_WORDS = 8;

interface TermMatch {
  weight: number;
  /** Indexed terms, by number. */
  variants: { term: number; factor: number }[];
}

/** Resolves each query word to indexed terms: exact; else two known words run together; else the closest spellings. */
function resolveTerms(index: SearchIndex, terms: QueryTerm[]): TermMatch[] {
  const weigh = (term: number | undefined) =>
    term === undefined
      ? UNKNOWN_TERM_WEIGHT * INCIDENTAL_SHARE
      : (index.idf[term] ?? 0) * (index.head[term] ? 1 : INCIDENTAL_SHARE);
  const exact = (term: number): TermMatch => ({ weight: weigh(term), variants: [{ term, factor: 1 }] });
  let fuzzyLeft = MAX_FUZZY_WORDS;
  return terms.flatMap(({ word, term: stemmed }): TermMatch[] => {
    const term = index.ids.get(stemmed);
    if (term !== undefined && index.head[term]) return [exact(term)];
    // "softDelete" in a document's prose is a word too, but the query means the two the catalogue is about.
    if (word.length > MAX_WORD)
      return [{ weight: weigh(term), variants: term === undefined ? [] : [{ term, factor: 1 }] }];
    const parts = splitCompound(index, word);
    if (parts) return parts.map(exact);
    if (term !== undefined) return [exact(term)];
    if (word.length < 4 || fuzzyLeft-- <= 0) return [{ weight: weigh(undefined), variants: [] }];
    const variants = new Map<number, number>();
    for (const r of index.spellings(word, 3)) {
      // Two edits in a short word make another word ("banana" is two letters from "balanc(er)"), not a typo.
      if (word.length <= SHORT_WORD && (r.score ?? 0) > ONE_EDIT_SCORE / word.length) continue;
      const close = index.termOfWord.get(r.item);
      const factor = TYPO_DISCOUNT * (1 - (r.score ?? 0));
      if (close !== undefined && factor > (variants.get(close) ?? 0)) variants.set(close, factor);
    }
    return [
      {
        weight: weigh(variants.keys().next().value),
        variants: [...variants].map(([t, factor]) => ({ term: t, factor })),
      },
    ];
  });
}

/**
 * Whether the question is about something outside the catalogue: it names another field's subject that no
 * title, alias, tag or summary uses, or most of its words match nothing the catalogue holds.
 */
function foreign(index: SearchIndex, terms: QueryTerm[], matches: TermMatch[]): boolean {
  const named = terms.some(({ term }) => {
    const known = index.ids.get(term);
    return isForeign(term) && !(known !== undefined && index.head[known]);
  });
  const unknown = matches.filter((m) => m.variants.length === 0).length;
  return named || (matches.length > 1 && unknown / matches.length >= UNKNOWN_SHARE);
}

/** "deadletter", "ratelimiting": two words that titles, aliases, tags or summaries use, written as one. */
function splitCompound(index: SearchIndex, word: string): [number, number] | undefined {
  const known = (part: string) => {
    const term = index.termOfWord.get(part) ?? index.ids.get(stem(part));
    return term !== undefined && index.head[term] ? term : undefined;
  };
  for (let at = MIN_PART; at <= word.length - MIN_PART; at++) {
    const [left, right] = [known(word.slice(0, at)), known(word.slice(at))];
    if (left !== undefined && right !== undefined) return [left, right];
  }
  return undefined;
}

/** Ranks the patterns of the index against a free-text query. Filters are exact; the index is never modified. */
export function searchIndex(index: SearchIndex, query: string, options: SearchOptions = {}): SearchOutcome {
  const limit = options.limit ?? DEFAULT_LIMIT;
  const terms = queryTerms(query);
  const matches = resolveTerms(index, terms);
  const totalWeight = matches.reduce((sum, m) => sum + m.weight, 0);
  const { found, coverage, matchedBy } = cover(index, matches, options);
  const phrase = phraseMatches(index, matches, matchedBy, totalWeight);
  const scores = found.map((doc) => {
    const score = COVERAGE_SHARE * ((coverage[doc] ?? 0) / totalWeight) + (1 - COVERAGE_SHARE) * (phrase[doc] ?? 0);
    return Math.round(score * 1000) / 1000;
  });
  const best = scores.reduce((a, b) => Math.max(a, b), 0);
  const answered = best >= CONFIDENT || !foreign(index, terms, matches);
  const floor = Math.max(MIN_SCORE, RELATIVE_CUT * best);
  const good: number[] = [];
  scores.forEach((s, i) => {
    if (answered && s >= floor) good.push(i);
  });
  const hit = (i: number): SearchHit => {
    const p = index.patterns[found[i] ?? -1] as Searchable;
    const { id, title, scope, level, summary, origin, overrides } = p;
    return { id, title, scope, level, summary, origin, ...(overrides && { overrides }), score: scores[i] ?? 0 };
  };
  if (good.length > 0) return { total: good.length, hits: top(good, limit, scores, hit) };
  if (options.suggest === false) return { total: 0, hits: [] };
  return {
    total: 0,
    hits: [],
    suggestions: suggest(
      index,
      query,
      terms,
      options,
      top(
        found.map((_, i) => i),
        3,
        scores,
        hit,
      ),
    ),
  };
}

/**
 * Coverage: per document that passes the filters, the sum over query terms of the best strength among
 * each term's variants, weighted by rarity; in arrays by document, as one common term can reach most of
 * a large catalogue. `found` lists those documents in the order first reached (the ranking's tie order);
 * `matchedBy` gives each indexed term matched the weight of the query term it matched.
 */
function cover(index: SearchIndex, matches: TermMatch[], { scope, level }: SearchOptions) {
  const n = index.patterns.length;
  const coverage = new Float64Array(n);
  const best = new Float64Array(n);
  const found: number[] = [];
  const matchedBy = new Map<number, number>();
  const allowed = (doc: number) => {
    const p = index.patterns[doc];
    return !!p && (!scope || p.scope === scope) && (!level || p.level === level);
  };
  for (const m of matches) {
    const reached: number[] = [];
    for (const v of m.variants) {
      matchedBy.set(v.term, Math.max(matchedBy.get(v.term) ?? 0, m.weight * v.factor));
      const list = index.postings[v.term];
      if (!list) continue;
      list.docs.forEach((doc, k) => {
        if ((scope || level) && !allowed(doc)) return;
        const s = ((list.strengths[k] ?? 0) / 100) * v.factor;
        if (s <= (best[doc] ?? 0)) return;
        if (best[doc] === 0) {
          reached.push(doc);
          if (coverage[doc] === 0) found.push(doc);
        }
        best[doc] = s;
      });
    }
    for (const doc of reached) {
      coverage[doc] = (coverage[doc] ?? 0) + m.weight * (best[doc] ?? 0);
      best[doc] = 0;
    }
  }
  return { found, coverage, matchedBy };
}

/**
 * Per document, its best single title, alias or tag match. Only phrases holding a matched term can score,
 * so they are reached from the terms instead of read document by document.
 */
function phraseMatches(
  index: SearchIndex,
  matches: TermMatch[],
  matchedBy: Map<number, number>,
  totalWeight: number,
): Float64Array {
  const best = new Float64Array(index.patterns.length);
  for (const m of matches) {
    for (const v of m.variants) {
      const at = index.phrasesOf[v.term] ?? [];
      for (let i = 0; i < at.length; i += 2) {
        const doc = at[i] ?? 0;
        const phrase = index.phrases[doc]?.[at[i + 1] ?? 0] ?? [];
        best[doc] = Math.max(best[doc] ?? 0, phraseMatch(index, phrase, matchedBy, totalWeight));
      }
    }
  }
  return best;
}

/** The first `k` hits by score, then title, without sorting (or even making) the hits that cannot be among them. */
function top(candidates: number[], k: number, scores: number[], hit: (i: number) => SearchHit): SearchHit[] {
  let cut = -Infinity;
  if (candidates.length > k)
    cut = Float64Array.from(candidates, (i) => scores[i] ?? 0).sort()[candidates.length - k] ?? cut;
  return candidates
    .filter((i) => (scores[i] ?? 0) >= cut)
    .map(hit)
    .sort((a, b) => b.score - a.score || a.title.localeCompare(b.title))
    .slice(0, k);
}

/**
 * How well one title, alias or tag matches: precision (how much of the phrase the query has) times
 * recall (how much of the query the phrase explains), both weighted by rarity.
 */
function phraseMatch(
  index: SearchIndex,
  phrase: number[],
  matchedBy: Map<number, number>,
  totalWeight: number,
): number {
  let have = 0;
  let all = 0;
  for (const t of phrase) {
    const w = index.idf[t] ?? 0;
    all += w;
    const m = matchedBy.get(t);
    if (m !== undefined) have += Math.min(w, m);
  }
  return all > 0 && have > 0 ? (have / all) * Math.min(1, have / totalWeight) : 0;
}

/** No dead ends: when nothing matches well, name the closest titles and the scopes worth trying. */
function suggest(
  index: SearchIndex,
  query: string,
  terms: QueryTerm[],
  options: SearchOptions,
  weak: SearchHit[],
): Suggestions {
  const filtered = Boolean(options.scope || options.level);
  const elsewhere = filtered ? searchIndex(index, query, { limit: 3 }).hits : [];
  const near = [...new Set([...elsewhere.map((h) => h.id), ...weak.slice(0, 3).map((h) => h.id)])];
  // Titles matched fuzzily only when the hits leave room: over every title and alias, fuse.js takes up to
  // 150 ms for a sentence. A title is at most a few dozen characters, and its cost grows with the query's length.
  // Nor for a query of nothing but words too long to be words (a pasted token): no title is near them.
  const worded = terms.some(({ word }) => word.length <= MAX_WORD);
  const fuzzy =
    near.length < 3 && worded ? index.titles.search(query.slice(0, 64), { limit: 3 }).map((r) => r.item.id) : [];
  const ids = [...new Set([...near, ...fuzzy])].slice(0, 3);
  const closest = ids.flatMap((id) => {
    const p = index.patterns.find((x) => x.id === id);
    return p ? [{ id: p.id, title: p.title, scope: p.scope }] : [];
  });
  const every = () => [...SCOPES, ...index.patterns.map((p) => p.scope)];
  const scopes = [...new Set(closest.length > 0 ? closest.map((c) => c.scope) : every())];
  const where = [options.scope && `scope "${options.scope}"`, options.level && `level "${options.level}"`]
    .filter(Boolean)
    .join(' and ');
  const message =
    elsewhere.length > 0
      ? `No good match for "${query}" in ${where}; it matches outside that filter.`
      : `No pattern matches "${query}" well${where ? ` in ${where}` : ''}. Try other words (a symptom, or what you are building), one of the closest titles below, or browse a scope.`;
  return { message, closest, scopes };
}
