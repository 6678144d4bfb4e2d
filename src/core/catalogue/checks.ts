import { checklistItems, firstHeading } from './markdown.js';
import { SECTIONS } from './schema.js';
import { HINT, HINT_IN_URL } from './template.js';
import type { Pattern, Problem } from './types.js';

const MIN_CHECKLIST_ITEMS = 5;

/** Checks one pattern's body against the document contract (CONTRIBUTING.md). */
export function checkPattern(p: Pattern, fileId: string, problems: Problem[]): void {
  const add = (field: string, message: string) => problems.push({ file: p.file, field, message });
  if (p.id !== fileId) add('id', `"${p.id}" does not match the file name "${fileId}.md"`);
  const heading = firstHeading(p.body);
  if (heading !== p.title)
    add('title', `the document's "# " heading is "${heading ?? '(none)'}", expected "${p.title}"`);
  const names = p.sections.map((s) => s.name);
  const expected: readonly string[] = SECTIONS;
  if (names.join('|') !== expected.join('|')) {
    const missing = expected.filter((n) => !names.includes(n));
    const extra = names.filter((n) => !expected.includes(n));
    const detail = [
      missing.length ? `missing: ${missing.join(', ')}` : '',
      extra.length ? `unexpected: ${extra.join(', ')}` : '',
      !missing.length && !extra.length ? `out of order: ${names.join(' · ')}` : '',
    ].filter(Boolean);
    add('sections', `expected ${expected.join(' · ')} (${detail.join('; ')})`);
  }
  for (const s of p.sections) if (!s.text) add(`sections.${s.name}`, 'is empty');
  const hinted = (text: string) => text.includes(HINT) || text.includes(HINT_IN_URL);
  const leftHint = `still holds a hint from bek new ("${HINT}"): replace it with text`;
  for (const field of ['title', 'summary', 'aliases', 'tags', 'sources'] as const)
    if (hinted(JSON.stringify(p[field]))) add(field, leftHint);
  for (const s of p.sections) if (hinted(s.text)) add(`sections.${s.name}`, leftHint);
  const checklist = p.sections.find((s) => s.name === 'Checklist');
  if (checklist && checklistItems(checklist.text).length < MIN_CHECKLIST_ITEMS) {
    add('sections.Checklist', `needs at least ${MIN_CHECKLIST_ITEMS} "- [ ]" items`);
  }
}

/** Checks ids across documents: duplicates and dangling `related` ids. Returns the id index. */
export function checkRelations(patterns: Pattern[], problems: Problem[]): Map<string, Pattern> {
  const byId = new Map<string, Pattern>();
  for (const p of patterns) {
    const seen = byId.get(p.id);
    if (seen)
      problems.push({ file: p.file, field: 'id', message: `duplicate id "${p.id}", also used by ${seen.file}` });
    else byId.set(p.id, p);
  }
  for (const p of patterns) {
    p.related.forEach((id, i) => {
      if (id === p.id)
        problems.push({ file: p.file, field: `related.${i}`, message: 'a pattern cannot relate to itself' });
      else if (!byId.has(id))
        problems.push({ file: p.file, field: `related.${i}`, message: `unknown pattern id "${id}"` });
    });
  }
  return byId;
}
