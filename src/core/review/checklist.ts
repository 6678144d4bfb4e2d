import { constraintsWithPatterns } from '../catalogue/constraints.js';
import { checklistItems } from '../catalogue/markdown.js';
import type { Catalogue } from '../catalogue/types.js';
import { REVIEWS, type ReviewName } from './reviews.js';

export interface ChecklistItem {
  /** Stable within a catalogue version: `<pattern id>#<n>` (n counts from 1 in the document), or `constraint#<n>`. */
  id: string;
  text: string;
}

export interface Checklist {
  review?: { name: ReviewName; title: string };
  /** The skill's absolute constraints, first: they hold whatever was chosen. */
  constraints: ChecklistItem[];
  /** Each pattern's checklist, in the order asked for; an item already listed under an earlier pattern is left out. */
  patterns: { id: string; title: string; items: ChecklistItem[] }[];
  /** A named review's patterns that this catalogue does not hold. */
  missing: string[];
  total: number;
}

const normal = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** The merged checklist for these patterns (already looked up) and/or a named review. */
export function buildChecklist(catalogue: Catalogue, ids: readonly string[], review?: ReviewName): Checklist {
  const named = review ? REVIEWS[review].patterns : [];
  const wanted = [...new Set([...named, ...ids])];
  const present = wanted.filter((id) => catalogue.byId.has(id));
  const constraints = constraintsWithPatterns(catalogue).map((text, i) => ({ id: `constraint#${i + 1}`, text }));
  const seen = new Set(constraints.map((c) => normal(c.text)));
  const patterns = present.map((id) => {
    const pattern = catalogue.byId.get(id);
    const text = pattern?.sections.find((s) => s.name === 'Checklist')?.text ?? '';
    const items = checklistItems(text).flatMap((item, i) => {
      const key = normal(item);
      if (seen.has(key)) return [];
      seen.add(key);
      return [{ id: `${id}#${i + 1}`, text: item }];
    });
    return { id, title: pattern?.title ?? id, items };
  });
  return {
    ...(review && { review: { name: review, title: REVIEWS[review].title } }),
    constraints,
    patterns,
    missing: wanted.filter((id) => !catalogue.byId.has(id)),
    total: constraints.length + patterns.reduce((n, p) => n + p.items.length, 0),
  };
}
