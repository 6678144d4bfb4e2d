import { stem, words } from '../search/text.js';
import { type Need, NEED_KEYS, NEEDS } from './needs.js';

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
]);
const NEGATION_REACH = 3;
/** The end of a sentence or clause: "No login. Chat for teams." does not negate the chat. */
const CLAUSE_END = /[.;!?](?=\s|$)|\n/;

const stems = (text: string) => words(text).map(stem);
const SIGNALS: [Need, string[][]][] = NEED_KEYS.map((need) => [need, NEEDS[need].signals.map(stems)]);

/** Words allowed between two words of a phrase: "live order status updates" still says "live updates". */
const MAX_GAP = 2;

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

/** The needs that free-text requirements reveal, each with the phrase that revealed it; negated mentions are ignored. */
export function detectNeeds(requirements: string): Map<Need, string> {
  // Clause by clause: a phrase never spans two sentences, and "No login. Chat for teams." does not negate the chat.
  const clauses = requirements.replace(/n't\b/g, ' not').split(CLAUSE_END).map(words);
  const found = new Map<Need, string>();
  for (const raw of clauses) {
    const seq = raw.map(stem);
    for (const [need, phrases] of SIGNALS) {
      if (found.has(need)) continue;
      for (const phrase of phrases) {
        const hit = phraseSpans(seq, phrase).find(
          ([first]) => !raw.slice(Math.max(0, first - NEGATION_REACH), first).some((w) => NEGATIONS.has(w)),
        );
        if (hit !== undefined) {
          found.set(need, raw.slice(hit[0], hit[1] + 1).join(' '));
          break;
        }
      }
    }
  }
  return found;
}
