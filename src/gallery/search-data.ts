import type { Pattern } from '../core/catalogue/types.js';
import { type IndexData, indexData, type Searchable } from '../core/search/index.js';

// The search index as the browser receives it: the same IndexData the engine searches (typed arrays as
// plain number arrays; a double survives JSON exactly), with the fields of each pattern that searching
// reads. The browser runs the core's searchIndex over it, so it ranks exactly as search_patterns does.

export interface SearchData {
  patterns: Searchable[];
  terms: string[];
  /** Per term: the documents, then the strengths. */
  postings: [number[], number[]][];
  idf: number[];
  head: number[];
  phrases: number[][][];
  words: string[];
  wordTerms: number[];
}

/** The data for these patterns, built by the one index builder (the snapshot's index is built the same way). */
export function searchData(patterns: readonly Pattern[]): SearchData {
  const data = indexData(patterns);
  return {
    patterns: patterns.map(({ id, title, scope, level, summary, aliases, origin, overrides }) => ({
      id,
      title,
      scope,
      level,
      summary,
      aliases,
      origin,
      ...(overrides && { overrides }),
    })),
    terms: data.terms,
    postings: data.postings.map((p) => [Array.from(p.docs), Array.from(p.strengths)]),
    idf: Array.from(data.idf),
    head: Array.from(data.head),
    phrases: data.phrases,
    words: data.words,
    wordTerms: data.wordTerms,
  };
}

/** The IndexData back from its JSON form. */
export function fromSearchData(d: SearchData): IndexData {
  return {
    terms: d.terms,
    postings: d.postings.map(([docs, strengths]) => ({
      docs: Uint32Array.from(docs),
      strengths: Uint8Array.from(strengths),
    })),
    idf: Float64Array.from(d.idf),
    head: Uint8Array.from(d.head),
    phrases: d.phrases,
    words: d.words,
    wordTerms: d.wordTerms,
  };
}
