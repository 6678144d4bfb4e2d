import Fuse from 'fuse.js';
import type { Pattern } from '../catalogue/types.js';
import { terms } from './text.js';

/** How strongly a term found in each field says "this document is about it". */
export const FIELD_STRENGTH = { title: 1, aliases: 0.9, tags: 0.7, summary: 0.6 } as const;
/** Body text (Problem, When to use, Solution) counts less, growing with repetition. */
const bodyStrength = (tf: number) => (tf >= 3 ? 0.4 : tf === 2 ? 0.32 : 0.25);
const BODY_SECTIONS = new Set(['Problem', 'When to use', 'Solution']);

export interface SearchIndex {
  patterns: readonly Pattern[];
  /** term → parallel arrays of document numbers and match strengths. */
  postings: Map<string, { docs: number[]; strengths: number[] }>;
  /** Inverse document frequency of each indexed term. */
  idf: Map<string, number>;
  /** Terms that occur in some title, alias, tag or summary: the words the catalogue is about. */
  head: Set<string>;
  /** Per document: the title, each alias and each tag as a set of terms, for phrase matching. */
  phrases: Set<string>[][];
  /** fuse.js over the vocabulary, for query terms that match nothing exactly (typos). */
  vocabulary: Fuse<string>;
  /** fuse.js over titles and aliases, for "did you mean" when nothing matches well. */
  titles: Fuse<{ id: string; title: string; aliases: string[] }>;
}

/** The index without its fuse.js lookups: plain data, which the build snapshots beside the catalogue. */
export type IndexData = Omit<SearchIndex, 'patterns' | 'vocabulary' | 'titles'>;

const proseOnly = (markdown: string) => markdown.replace(/```[\s\S]*?```/g, ' ');

/** Builds the search index once per catalogue. */
export function buildIndex(patterns: readonly Pattern[]): SearchIndex {
  return withFuzzy(patterns, indexData(patterns));
}

/** Extracts and weighs the terms of every pattern: the costly part of building the index. */
export function indexData(patterns: readonly Pattern[]): IndexData {
  const postings: SearchIndex['postings'] = new Map();
  const phrases: SearchIndex['phrases'] = [];
  const head = new Set<string>();
  patterns.forEach((p, doc) => {
    const strength = new Map<string, number>();
    const raise = (term: string, s: number) => strength.set(term, Math.max(strength.get(term) ?? 0, s));
    const titleTerms = terms(`${p.title} ${p.id.replace(/^[a-z]+-/, '')}`);
    for (const t of titleTerms) raise(t, FIELD_STRENGTH.title);
    for (const t of p.aliases.flatMap(terms)) raise(t, FIELD_STRENGTH.aliases);
    for (const t of p.tags.flatMap(terms)) raise(t, FIELD_STRENGTH.tags);
    for (const t of terms(p.summary)) raise(t, FIELD_STRENGTH.summary);
    for (const t of strength.keys()) head.add(t);
    const tf = new Map<string, number>();
    for (const s of p.sections) {
      if (BODY_SECTIONS.has(s.name)) for (const t of terms(proseOnly(s.text))) tf.set(t, (tf.get(t) ?? 0) + 1);
    }
    for (const [t, n] of tf) raise(t, bodyStrength(n));
    for (const [t, s] of strength) {
      let list = postings.get(t);
      if (!list) postings.set(t, (list = { docs: [], strengths: [] }));
      list.docs.push(doc);
      list.strengths.push(s);
    }
    phrases.push([titleTerms, ...p.aliases.map(terms), ...p.tags.map(terms)].filter((a) => a.length > 0).map((a) => new Set(a)));
  });
  const n = patterns.length;
  const idf = new Map([...postings].map(([t, list]) => [t, Math.log(1 + n / list.docs.length)]));
  return { postings, idf, head, phrases };
}

/** The whole index over its data; the fuse.js lookups are built on first use, as most searches need neither. */
export function withFuzzy(patterns: readonly Pattern[], data: IndexData): SearchIndex {
  let vocabulary: SearchIndex['vocabulary'] | undefined;
  let titles: SearchIndex['titles'] | undefined;
  return {
    patterns,
    ...data,
    get vocabulary() {
      return (vocabulary ??= new Fuse([...data.postings.keys()].filter((t) => t.length >= 3), {
        includeScore: true,
        threshold: 0.34,
        ignoreLocation: true,
      }));
    },
    get titles() {
      return (titles ??= new Fuse(
        patterns.map((p) => ({ id: p.id, title: p.title, aliases: [...p.aliases] })),
        { keys: [{ name: 'title', weight: 2 }, { name: 'aliases', weight: 1 }], includeScore: true, threshold: 0.6, ignoreLocation: true },
      ));
    },
  };
}
