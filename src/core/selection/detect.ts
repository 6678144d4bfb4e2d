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

/** One phrase of the selection data, stemmed: `key` names it once across the text. */
interface Phrase {
  need: string;
  stems: string[];
  weight: number;
  key: string;
}
/** The phrases by their first stem, so a clause is read word by word instead of phrase by phrase. */
type Compiled = Map<string, Phrase[]>;
const compiled = new WeakMap<SelectionData, Compiled>();

/** The selection data's phrases as stemmed words, made once per catalogue. */
function compile(data: SelectionData): Compiled {
  let c = compiled.get(data);
  if (!c) {
    c = new Map();
    for (const [need, { evidence }] of Object.entries(data.needs)) {
      for (const [phrase, weight] of Object.entries(evidence)) {
        const stems = words(phrase).map(stem);
        const first = stems[0];
        if (first === undefined) continue;
        const list = c.get(first) ?? [];
        list.push({ need, stems, weight, key: `${need} ${stems.join(' ')}` });
        c.set(first, list);
      }
    }
    compiled.set(data, c);
  }
  return c;
}

/** The last word position of `phrase` in `seq` starting at `i`: its words in order, each at most MAX_GAP words after the one before. */
function spanAt(seq: string[], i: number, phrase: string[]): number | undefined {
  let at = i;
  for (const word of phrase.slice(1)) {
    const next = seq.slice(at + 1, at + 2 + MAX_GAP).indexOf(word);
    if (next < 0) return undefined;
    at += next + 1;
  }
  return at;
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
  const phrases = compile(data);
  for (const raw of clauses(requirements)) {
    const seq = raw.map(stem);
    seq.forEach((first, i) => {
      for (const p of phrases.get(first) ?? []) {
        if (seen.has(p.key)) continue;
        const last = spanAt(seq, i, p.stems);
        if (last === undefined || negated(raw, i)) continue;
        seen.add(p.key);
        const e = found.get(p.need) ?? { score: 0, quotes: [] };
        e.score += p.weight;
        e.quotes.push(raw.slice(i, last + 1).join(' '));
        found.set(p.need, e);
      }
    });
  }
  return found;
}
