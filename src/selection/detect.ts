import { stem, words } from '../search/text.js';
import { type Need, NEED_KEYS, NEEDS } from './needs.js';

const NEGATIONS = new Set(['no', 'not', 'without', 'dont', 'don', 'doesnt', 'never', 'nor', 'neither', 'avoid', 'isnt', 'arent']);
const NEGATION_REACH = 3;

const stems = (text: string) => words(text).map(stem);
const SIGNALS: [Need, string[][]][] = NEED_KEYS.map((need) => [need, NEEDS[need].signals.map(stems)]);

/** Where `phrase` occurs in `seq` as consecutive words, or -1. */
function indexOfPhrase(seq: string[], phrase: string[]): number[] {
  const at: number[] = [];
  for (let i = 0; i + phrase.length <= seq.length; i++) {
    if (phrase.every((w, k) => seq[i + k] === w)) at.push(i);
  }
  return at;
}

/** The needs that free-text requirements reveal, each with the phrase that revealed it; negated mentions are ignored. */
export function detectNeeds(requirements: string): Map<Need, string> {
  const raw = words(requirements.replace(/n't\b/g, ' not'));
  const seq = raw.map(stem);
  const found = new Map<Need, string>();
  for (const [need, phrases] of SIGNALS) {
    for (const phrase of phrases) {
      const hit = indexOfPhrase(seq, phrase).find(
        (i) => !raw.slice(Math.max(0, i - NEGATION_REACH), i).some((w) => NEGATIONS.has(w)),
      );
      if (hit !== undefined) {
        found.set(need, raw.slice(hit, hit + phrase.length).join(' '));
        break;
      }
    }
  }
  return found;
}
