import type { SelectionData } from '../catalogue/selection.js';
import { stem, words } from '../search/text.js';

const NEGATIONS = new Set([
  'no',
  'not',
  'without',
  'dont',
  'don',
  'doesnt',
  'never',
  'nor',
  'neither',
  'avoid',
  'isnt',
  'arent',
  'none',
]);
const NEGATION_REACH = 3;
/** "must never be charged twice" states a need: a negation right after one of these is a requirement, not a denial. */
const MODALS = new Set(['must', 'should', 'shall', 'may', 'can', 'cannot', 'will', 'mustn', 'shouldn', 'ought']);
/** The end of a sentence or clause: "No login. Chat for teams." does not negate the chat. */
const CLAUSE_END = /[.;!?](?=\s|$)|\n/;
/** Words allowed between two words of a phrase: "live order status updates" still says "live updates". */
const MAX_GAP = 2;
/** A need is present when the weights of the distinct phrases that reveal it add up to this. */
export const THRESHOLD = 1;

/** What revealed one need: its evidence, and the words of the requirements that carried it. */
export interface NeedEvidence {
  score: number;
  quotes: string[];
}

type Compiled = [need: string, phrases: [stems: string[], weight: number][]][];
const compiled = new WeakMap<SelectionData, Compiled>();

/** The selection data's phrases as stemmed words, made once per catalogue. */
function compile(data: SelectionData): Compiled {
  let c = compiled.get(data);
  if (!c) {
    c = Object.entries(data.needs).map(([need, { evidence }]) => [
      need,
      Object.entries(evidence).map(([phrase, weight]) => [words(phrase).map(stem), weight]),
    ]);
    compiled.set(data, c);
  }
  return c;
}

/** Where `phrase` occurs in `seq` as [first, last] word positions: its words in order, each at most MAX_GAP words after the one before. */
function phraseSpans(seq: string[], phrase: string[]): [number, number][] {
  const spans: [number, number][] = [];
  for (let i = 0; i < seq.length; i++) {
    if (seq[i] !== phrase[0]) continue;
    let at = i;
    const complete = phrase.slice(1).every((word) => {
      const next = seq.slice(at + 1, at + 2 + MAX_GAP).indexOf(word);
      if (next < 0) return false;
      at += next + 1;
      return true;
    });
    if (complete) spans.push([i, at]);
  }
  return spans;
}

/** Whether a negation shortly before `at` denies what follows ("no real-time"), rather than requiring it ("must not"). */
export function negated(raw: string[], at: number, reach = NEGATION_REACH): boolean {
  for (let i = Math.max(0, at - reach); i < at; i++)
    if (NEGATIONS.has(raw[i] ?? '') && !MODALS.has(raw[i - 1] ?? '')) return true;
  return false;
}

/** The requirements as clauses of raw words: a phrase never spans two sentences. */
export const clauses = (requirements: string): string[][] =>
  // "doesn't", and "doesn’t" as phones and word processors write it (U+2019, or U+02BC).
  requirements
    .replace(/n['\u2019\u02bc]t\b/g, ' not')
    .split(CLAUSE_END)
    .map(words);

/**
 * Weighs the evidence for every need in free-text requirements: each distinct phrase that occurs, not
 * negated, adds its weight once. Every need with some evidence is returned; it is present at THRESHOLD.
 */
export function weighNeeds(data: SelectionData, requirements: string): Map<string, NeedEvidence> {
  const found = new Map<string, NeedEvidence>();
  const seen = new Set<string>();
  for (const raw of clauses(requirements)) {
    const seq = raw.map(stem);
    for (const [need, phrases] of compile(data)) {
      for (const [phrase, weight] of phrases) {
        const key = `${need} ${phrase.join(' ')}`;
        if (seen.has(key)) continue;
        const hit = phraseSpans(seq, phrase).find(([first]) => !negated(raw, first));
        if (!hit) continue;
        seen.add(key);
        const e = found.get(need) ?? { score: 0, quotes: [] };
        e.score += weight;
        e.quotes.push(raw.slice(hit[0], hit[1] + 1).join(' '));
        found.set(need, e);
      }
    }
  }
  return found;
}
