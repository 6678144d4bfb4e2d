import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fencedBlocks, relativeLinks } from '../../src/core/catalogue/markdown.js';
import { formatProblems } from '../../src/core/catalogue/problems.js';
import { loadCatalogue } from '../../src/core/catalogue/load.js';
import { PACKAGE_ROOT } from '../../src/util/paths.js';
import { CONTRACT, GUIDES } from './contract.js';

const { catalogue, problems } = loadCatalogue(PACKAGE_ROOT);
const patterns = catalogue?.patterns ?? [];
const prose = (markdown: string) => fencedBlocks(markdown).prose;
const SHINGLE_WORDS = 12;

describe('shipped content', () => {
  it('loads without a single problem (bek validate passes)', () => {
    expect(formatProblems(problems)).toBe('');
  });

  it.each(CONTRACT)('serves %s as "%s" (%s, %s)', (id, title, scope, level) => {
    expect(catalogue?.byId.get(id)).toMatchObject({ title, scope, level });
  });

  it('serves the six reference guides', () => {
    expect(catalogue?.guides.map((g) => g.name).sort()).toEqual([...GUIDES].sort());
  });

  // What the loader does not enforce (it checks sections, checklist length and sources itself): the
  // CONTRIBUTING.md ranges for aliases and the summary, and a TypeScript example.
  it.each(patterns.map((p) => [p.id, p] as const))(
    '%s: 8-20 aliases, a summary of at most 200 characters, a TypeScript example',
    (_id, p) => {
      expect(p.aliases.length).toBeGreaterThanOrEqual(8);
      expect(p.aliases.length).toBeLessThanOrEqual(20);
      expect(p.summary.length).toBeLessThanOrEqual(200);
      expect(p.sections.find((s) => s.name === 'Example')?.text).toMatch(/```ts/);
    },
  );

  it('relations mostly point back (A lists B, B lists A)', () => {
    const pairs = patterns.flatMap((p) => p.related.map((r) => [p.id, r] as const));
    const mutual = pairs.filter(([a, b]) => catalogue?.byId.get(b)?.related.includes(a));
    expect(mutual.length / pairs.length).toBeGreaterThanOrEqual(0.6);
  });

  it('every relative link in the skill, the guides and the patterns resolves to a file', () => {
    const files = ['skill/SKILL.md', ...(catalogue?.guides.map((g) => g.file) ?? []), ...patterns.map((p) => p.file)];
    const broken: string[] = [];
    for (const file of files) {
      const text = readFileSync(join(PACKAGE_ROOT, file), 'utf8');
      for (const target of relativeLinks(text))
        if (!existsSync(join(PACKAGE_ROOT, dirname(file), target))) broken.push(`${file} → ${target}`);
    }
    expect(broken).toEqual([]);
  });

  it(`no two documents share a passage of ${SHINGLE_WORDS} or more identical words`, () => {
    const seen = new Map<string, string>();
    const shared: string[] = [];
    const docs = [
      ...patterns.map((p) => [p.id, p.body] as const),
      ...(catalogue?.guides.map((g) => [g.name, g.body] as const) ?? []),
    ];
    for (const [name, body] of docs) {
      const words = prose(body).toLowerCase().split(/\s+/).filter(Boolean);
      const mine = new Set<string>();
      for (let i = 0; i + SHINGLE_WORDS <= words.length; i++) mine.add(words.slice(i, i + SHINGLE_WORDS).join(' '));
      for (const s of mine) {
        const other = seen.get(s);
        if (other && other !== name) shared.push(`${name} ~ ${other}: "${s}"`);
        else seen.set(s, name);
      }
    }
    expect(shared).toEqual([]);
  });
});
