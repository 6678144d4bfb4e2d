import { type Level, SECTIONS, type SectionName } from './schema.js';

/** The mark of a hint `bek new` leaves in a document: a document that still holds one fails validation. */
export const HINT = 'TODO(bek new)';

/** The same mark where a URL cannot hold it (the `sources` placeholder). */
export const HINT_IN_URL = 'TODO-bek-new';

const hint = (text: string) => `${HINT}: ${text}`;

// What each section is for (CONTRIBUTING.md, "Sections"), said in one line.
const SECTION_HINTS: Record<SectionName, string> = {
  Problem: hint('the situation, and what goes wrong without the pattern.'),
  'When to use': `- ${hint('a concrete signal that calls for it.')}`,
  'When not to use': `- ${hint('the trade-off, and the simpler alternative.')}`,
  Solution: hint('how it works, with real names, status codes, SQL with its dialect, parameter values and why.'),
  Example: [
    hint('one sentence on what the example shows, then TypeScript a reader can paste.'),
    '',
    '```ts',
    "import assert from 'node:assert/strict';",
    '',
    `// ${hint('exercise the pattern with in-memory fakes and assert what the reader should expect.')}`,
    'assert.equal(1 + 1, 2);',
    '```',
  ].join('\n'),
  Pitfalls: `- ${hint('a mistake seen in production, and its fix.')}`,
  Checklist: Array.from(
    { length: 5 },
    (_, i) => `- [ ] ${hint(`review item ${i + 1}, something a reviewer can tick.`)}`,
  ).join('\n'),
  Related: `- ${hint("[Title](<id>.md) — why, one line per id in the front matter's related.")}`,
};

/** A new pattern document with every section present and a hint in each (`bek new`). */
export function patternTemplate(p: { id: string; scope: string; level: Level; today: string }): string {
  const title = p.id
    .split('-')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');
  const front = [
    '---',
    `id: ${p.id}`,
    `title: ${title}`,
    `scope: ${p.scope}`,
    `level: ${p.level}`,
    `summary: "${hint('one sentence, at most 200 characters: what the pattern does and for whom.')}"`,
    'aliases:',
    `  - "${hint('what someone with the problem types: a symptom, an abbreviation (8 to 20 of them).')}"`,
    'tags: []',
    'related: []',
    'sources:',
    `  - "https://example.com/${HINT_IN_URL}-replace-with-a-primary-source"`,
    `updated: ${p.today}`,
    '---',
  ];
  const sections = SECTIONS.map((name) => `## ${name}\n\n${SECTION_HINTS[name]}`);
  return `${front.join('\n')}\n\n# ${title}\n\n${sections.join('\n\n')}\n`;
}
