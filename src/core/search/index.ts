import Fuse from 'fuse.js';
import { fencedBlocks } from '../catalogue/markdown.js';
import type { Pattern } from '../catalogue/types.js';
import { type Postings, postingsCollector } from './postings.js';
import { spellingIndex } from './spelling.js';
import { indexTerm, words } from './text.js';

/** How strongly a term found in each field says "this document is about it". */
const FIELD_STRENGTH = { title: 1, aliases: 0.9, tags: 0.7, summary: 0.6 } as const;
/** Body text (Problem, When to use, Solution) counts less, growing with repetition. */
const bodyStrength = (tf: number) => (tf >= 3 ? 0.4 : tf === 2 ? 0.32 : 0.25);
const BODY_SECTIONS = new Set(['Problem', 'When to use', 'Solution']);

/** The index's data: plain arrays, numbered by term and by document, which the build snapshots beside the catalogue. */
export interface IndexData {
  /** The vocabulary: every indexed term, numbered by position, in the order first met. */
  terms: string[];
  /** Per term: the documents holding it and how strongly each is about it. */
  postings: Postings[];
  /** Per term: its inverse document frequency. */
  idf: Float64Array;
  /** Per term: 1 when it occurs in some title, alias, tag or summary (the words the catalogue is about). */
  head: Uint8Array;
  /** Per document: the title, each alias and each tag as its distinct terms, for phrase matching. */
  phrases: number[][][];
  /**
   * The words of titles, aliases, tags and summaries as written (not stemmed), each with its term: what
   * a misspelt or run-together query word is matched against. Stems are poor targets for typos: "pagnation"
   * is one letter from "pagination" but three from its stem "pagin", and two from "signat".
   */
  words: string[];
  wordTerms: number[];
}

/** What searching reads of a pattern (the gallery's browser search holds only these). */
export type Searchable = Pick<
  Pattern,
  'id' | 'title' | 'scope' | 'level' | 'summary' | 'aliases' | 'origin' | 'overrides'
>;

export interface SearchIndex extends IndexData {
  patterns: readonly Searchable[];
  /** term → its number */
  ids: Map<string, number>;
  /** Per term: the phrases holding it, as pairs of a document and the phrase's place in `phrases[document]`. */
  phrasesOf: number[][];
  /** word → its term, for the words in `words` */
  termOfWord: Map<string, number>;
  /** The closest spellings among `words`, for query words that match nothing exactly (typos). */
  spellings: ReturnType<typeof spellingIndex>;
  /** fuse.js over titles and aliases, for "did you mean" when nothing matches well. */
  titles: Fuse<{ id: string; title: string; aliases: string[] }>;
}

const proseOnly = (markdown: string) => fencedBlocks(markdown).prose;

/** Extracts and weighs the terms of every pattern: the costly part of building the index. */
export function indexData(patterns: readonly Pattern[]): IndexData {
  const builder = indexBuilder();
  for (const p of patterns) builder.add(p);
  return builder.data();
}

/**
 * Builds the index data one pattern at a time, in catalogue order, so the loader need not keep the texts.
 * Each word is turned into a term number once (stop word or not, stemmed, numbered); per document, the
 * strengths and counts are kept in arrays by term number, so a word costs one lookup.
 */
export function indexBuilder(): { add(p: Pattern): void; data(): IndexData } {
  const terms: string[] = [];
  const head: number[] = [];
  const phrases: number[][][] = [];
  const postings = postingsCollector();
  const termIds = new Map<string, number>();
  const wordIds = new Map<string, number>(); // -1 for a stop word
  const headWords = new Map<string, number>(); // words of titles, aliases, tags and summaries → term
  const strength: number[] = []; // of each term in the document being added, 0 when absent
  const count: number[] = []; // of each term in its body sections
  const newTerm = (term: string) => {
    termIds.set(term, terms.length);
    head.push(0);
    strength.push(0);
    count.push(0);
    return terms.push(term) - 1;
  };
  const idOf = (word: string) => {
    let id = wordIds.get(word);
    if (id === undefined) {
      const term = indexTerm(word);
      id = term === undefined ? -1 : (termIds.get(term) ?? newTerm(term));
      wordIds.set(word, id);
    }
    return id;
  };
  const ids = (text: string) =>
    words(text).flatMap((word) => {
      const id = idOf(word);
      if (id < 0) return [];
      headWords.set(word, id);
      return [id];
    });
  return {
    add(p) {
      const found: number[] = []; // the document's terms, in the order first met
      const raise = (id: number, s: number) => {
        const was = strength[id] ?? 0;
        if (was === 0) found.push(id);
        if (s > was) strength[id] = s;
      };
      const title = ids(`${p.title} ${p.id.replace(/^[a-z]+-/, '')}`);
      const aliases = p.aliases.map(ids);
      const tags = p.tags.map(ids);
      for (const id of title) raise(id, FIELD_STRENGTH.title);
      for (const id of aliases.flat()) raise(id, FIELD_STRENGTH.aliases);
      for (const id of tags.flat()) raise(id, FIELD_STRENGTH.tags);
      for (const id of ids(p.summary)) raise(id, FIELD_STRENGTH.summary);
      for (const id of found) head[id] = 1;
      const body: number[] = [];
      for (const s of p.sections) {
        if (!BODY_SECTIONS.has(s.name)) continue;
        for (const word of words(proseOnly(s.text))) {
          const id = idOf(word);
          if (id >= 0 && (count[id] = (count[id] ?? 0) + 1) === 1) body.push(id);
        }
      }
      for (const id of body) {
        raise(id, bodyStrength(count[id] ?? 0));
        count[id] = 0;
      }
      for (const id of found) {
        postings.add(id, Math.round((strength[id] ?? 0) * 100));
        strength[id] = 0;
      }
      postings.endDocument();
      phrases.push([title, ...aliases, ...tags].filter((a) => a.length > 0).map((a) => [...new Set(a)]));
    },
    data() {
      const byTerm = postings.byTerm(terms.length);
      const idf = Float64Array.from(byTerm, (list) => Math.log(1 + phrases.length / list.docs.length));
      return {
        terms,
        postings: byTerm,
        idf,
        head: Uint8Array.from(head),
        phrases,
        words: [...headWords.keys()],
        wordTerms: [...headWords.values()],
      };
    },
  };
}

/** Per term, the phrases holding it (see SearchIndex.phrasesOf). */
function phrasesByTerm({ terms, phrases }: IndexData): number[][] {
  const at = terms.map((): number[] => []);
  phrases.forEach((list, doc) => {
    list.forEach((phrase, k) => {
      for (const t of phrase) at[t]?.push(doc, k);
    });
  });
  return at;
}

/**
 * The whole index over its data: the lookups by term are derived here, and the fuse.js ones are built on
 * first use, as most searches need neither.
 */
export function withFuzzy(patterns: readonly Searchable[], data: IndexData): SearchIndex {
  let spellings: SearchIndex['spellings'] | undefined;
  let titles: SearchIndex['titles'] | undefined;
  return {
    patterns,
    ...data,
    ids: new Map(data.terms.map((term, id) => [term, id])),
    termOfWord: new Map(data.words.map((word, i) => [word, data.wordTerms[i] ?? -1])),
    phrasesOf: phrasesByTerm(data),
    get spellings() {
      return (spellings ??= spellingIndex(data.words.filter((w) => w.length >= 3)));
    },
    get titles() {
      return (titles ??= new Fuse(
        patterns.map((p) => ({ id: p.id, title: p.title, aliases: [...p.aliases] })),
        {
          keys: [
            { name: 'title', weight: 2 },
            { name: 'aliases', weight: 1 },
          ],
          includeScore: true,
          threshold: 0.6,
          ignoreLocation: true,
        },
      ));
    },
  };
}
