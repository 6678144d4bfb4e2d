import type { PatternResult, ReferenceResult, ReviewResult } from './results.js';

// max_tokens bounds both channels of a result: the Markdown text (withinBudget) and the structured
// object, which clients may hand to the model as well. At about 4 characters a token. A
// pattern always keeps its id, title, summary and uri (about 150 tokens), whatever the budget.

const CHARS_PER_TOKEN = 4;

/** Cuts text to a token budget, saying what was left out. */
export function withinBudget(text: string, maxTokens?: number): string {
  if (!maxTokens || text.length <= maxTokens * CHARS_PER_TOKEN) return text;
  const keep = text.slice(0, maxTokens * CHARS_PER_TOKEN);
  const cut = keep.slice(0, Math.max(keep.lastIndexOf('\n'), keep.length / 2));
  const omitted = Math.ceil((text.length - cut.length) / CHARS_PER_TOKEN);
  return `${cut}\n\n[… about ${omitted} more tokens omitted; ask for fewer sections or a larger max_tokens]`;
}

/** Cuts text to about `chars` characters at a line break, marking the cut. */
function cut(text: string, chars: number): string {
  if (text.length <= chars) return text;
  const keep = text.slice(0, Math.max(0, chars));
  const line = keep.lastIndexOf('\n');
  return `${line > keep.length / 2 ? keep.slice(0, line) : keep}…`;
}

/**
 * The pattern within the budget: without its aliases, tags, related ids and sources, its sections filled
 * in order until the budget is spent; the section that overflows is cut, the rest left out, and
 * `truncated`/`omitted` say what to ask for (sections by name, or the whole without max_tokens).
 */
export function patternWithinBudget(result: PatternResult, maxTokens?: number): PatternResult {
  if (!maxTokens) return result;
  const budget = maxTokens * CHARS_PER_TOKEN;
  if (JSON.stringify(result).length <= budget) return result;
  // Over budget, the lists about the document give way first: its sections are what was asked for.
  const lean = { ...withoutLists(result), sections: [] };
  let left = budget - JSON.stringify(lean).length - 80;
  const sections: PatternResult['sections'] = [];
  const omitted: string[] = [...LISTS];
  for (const s of result.sections) {
    if (left <= 40) {
      omitted.push(s.name);
      continue;
    }
    const text = cut(s.text, left - 30);
    if (text !== s.text) omitted.push(s.name);
    sections.push({ name: s.name, text });
    left -= text.length + 30;
  }
  return { ...lean, sections, truncated: true, omitted };
}

const LISTS = ['aliases', 'tags', 'related', 'sources'];

/** The pattern without the lists about it (aliases, tags, related ids, sources), named in `omitted`. */
export function withoutLists(result: PatternResult): PatternResult {
  return { ...result, aliases: [], tags: [], related: [], sources: [], omitted: [...LISTS, ...(result.omitted ?? [])] };
}

/** A guide or the skill, its text cut to the budget. */
export function referenceWithinBudget(result: ReferenceResult, maxTokens?: number): ReferenceResult {
  if (!maxTokens || JSON.stringify(result).length <= maxTokens * CHARS_PER_TOKEN) return result;
  const room = maxTokens * CHARS_PER_TOKEN - JSON.stringify({ ...result, text: '' }).length;
  return { ...result, text: cut(result.text, room), truncated: true };
}

/**
 * A review within the budget: the constraints always, then whole patterns' items in order while they
 * fit; the patterns left out keep their id and title with no items, and `omitted` names them.
 */
export function reviewWithinBudget(result: ReviewResult, maxTokens?: number): ReviewResult {
  if (!maxTokens || JSON.stringify(result).length <= maxTokens * CHARS_PER_TOKEN) return result;
  let left = maxTokens * CHARS_PER_TOKEN - JSON.stringify({ ...result, patterns: [] }).length - 200;
  const omitted: string[] = [];
  const patterns = result.patterns.map((p) => {
    const size = JSON.stringify(p).length;
    if (size <= left) {
      left -= size;
      return p;
    }
    left = 0; // keep the order: nothing after the first pattern that does not fit
    omitted.push(p.id);
    return { ...p, items: [] };
  });
  return { ...result, patterns, truncated: true, omitted };
}
