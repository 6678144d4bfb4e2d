import Fuse, { type FuseResult } from 'fuse.js';

/** fuse.js's settings for a query term that matches nothing exactly (a typo). */
const FUZZY = { includeScore: true, threshold: 0.34, ignoreLocation: true } as const;

const letterPairs = (word: string) => Array.from({ length: word.length - 1 }, (_, i) => word.slice(i, i + 2));

/**
 * The closest spellings of a term in the vocabulary: exactly what fuse.js over the whole vocabulary
 * finds, but fuse.js only reads the words that can be within its threshold. fuse.js accepts a word
 * when some part of it is at most `threshold × length` edits from the term; each edit breaks at most
 * two of the term's letter pairs, so such a word holds all the others. An index of letter pairs finds
 * those words, typically a few dozen of thousands: on the shipped catalogue a query with a typo took
 * 2-5 ms, now 0.1-1 ms. The candidates keep the vocabulary's order, so fuse.js breaks ties alike.
 */
export function spellingIndex(vocabulary: readonly string[]): (term: string, limit: number) => FuseResult<string>[] {
  const pairs = new Map<string, number[]>();
  vocabulary.forEach((word, i) => {
    for (const pair of new Set(letterPairs(word))) {
      const words = pairs.get(pair);
      if (words) words.push(i);
      else pairs.set(pair, [i]);
    }
  });
  let whole: Fuse<string> | undefined;
  return (term, limit) => {
    const edits = Math.floor(FUZZY.threshold * term.length + 1e-9);
    const needed = term.length - 1 - 2 * edits;
    // fuse.js cuts terms over 32 letters into pieces and accepts a match of any piece, at a cost that grows
    // with the term: such terms (the search caps words at 40 letters) are not typos of a catalogue word.
    if (term.length > 32) return [];
    if (needed < 1) return (whole ??= new Fuse(vocabulary, FUZZY)).search(term, { limit });
    const shared = new Map<number, number>();
    for (const pair of letterPairs(term))
      for (const i of pairs.get(pair) ?? []) shared.set(i, (shared.get(i) ?? 0) + 1);
    const candidates = [...shared]
      .filter(([, n]) => n >= needed)
      .map(([i]) => i)
      .sort((a, b) => a - b)
      .map((i) => vocabulary[i] ?? '');
    return new Fuse(candidates, FUZZY).search(term, { limit });
  };
}
