import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/core/catalogue/load.js';
import { splitSections } from '../../src/core/catalogue/markdown.js';
import type { Pattern } from '../../src/core/catalogue/types.js';

const fixture = (name: string) => join(import.meta.dirname, '../fixtures', name);

describe('loadCatalogue', () => {
  it('loads a valid catalogue into an immutable, indexed catalogue', () => {
    const { catalogue, problems } = loadCatalogue(fixture('valid'));
    expect(problems).toEqual([]);
    expect(catalogue?.patterns.map((p) => p.id)).toEqual(['fix-alpha', 'fix-beta']);
    expect(catalogue?.byId.get('fix-beta')?.title).toBe('Beta Breaker');
    expect(catalogue?.guides.map((g) => g.name)).toEqual(['fixture-guide']);
    expect(catalogue?.version).toMatch(/^[0-9a-f]{12}$/);
    expect(Object.isFrozen(catalogue?.patterns[0])).toBe(true);
  });

  it('turns the YAML date into an ISO day and splits the sections in order', () => {
    const p = loadCatalogue(fixture('valid')).catalogue?.byId.get('fix-alpha');
    expect(p?.updated).toBe('2026-11-22');
    expect(p?.sections.map((s) => s.name)).toEqual([
      'Problem',
      'When to use',
      'When not to use',
      'Solution',
      'Example',
      'Pitfalls',
      'Checklist',
      'Related',
    ]);
  });

  it('parses the skill: mission, trigger, matrix, constraints', () => {
    const skill = loadCatalogue(fixture('valid')).catalogue?.skill;
    expect(skill?.objective).toMatch(/backend architecture patterns/);
    expect(skill?.matrix.map((r) => r.requirement)).toContain('High scalability');
    expect(skill?.constraints).toContain('NEVER expose database errors directly to clients');
    expect(skill?.constraints.filter((c) => c.startsWith('MANDATORY'))).toHaveLength(6);
    expect(skill?.principle).toMatch(/Start simple/);
  });

  it('collects every problem of a broken catalogue with file, field and message, and returns no catalogue', () => {
    const { catalogue, problems } = loadCatalogue(fixture('broken'));
    expect(catalogue).toBeUndefined();
    const has = (file: string, field: string, message: RegExp) =>
      expect(problems).toContainEqual({
        file: `references/patterns/${file}`,
        field,
        message: expect.stringMatching(message),
      });
    has('fix-alpha.md', 'id', /duplicate id "fix-alpha", also used by references\/patterns\/fix-alpha-copy.md/);
    has('fix-alpha-copy.md', 'id', /does not match the file name/);
    has('fix-alpha.md', 'related.0', /unknown pattern id "fix-missing"/);
    has('fix-gamma.md', 'scope', /expected one of/i);
    has('fix-gamma.md', 'level', /expected one of/i);
    has('fix-delta.md', 'sections', /missing: Pitfalls/);
    has('fix-eps.md', '(front matter)', /unreadable YAML/);
    expect(problems.length).toBeGreaterThanOrEqual(7);
  });

  it('keeps no document text: each pattern reads its own file when asked, and refuses one changed since', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bek-catalogue-'));
    try {
      cpSync(fixture('valid'), dir, { recursive: true });
      const seen: Pattern[] = [];
      const { catalogue } = loadCatalogue(dir, (p) => seen.push(p));
      const alpha = catalogue?.byId.get('fix-alpha');
      // The loader hands each whole pattern to `onPattern` once, as read and validated.
      expect(seen.map((p) => [p.id, p.body, p.sections])).toEqual(
        catalogue?.patterns.map((p) => [p.id, p.body, p.sections]),
      );
      expect(alpha?.body).toMatch(/^# /);
      expect(Object.isFrozen(alpha?.sections)).toBe(true);
      appendFileSync(join(dir, 'references/patterns/fix-alpha.md'), '\nmore\n');
      expect(() => alpha?.sections).toThrow(/fix-alpha\.md changed after the catalogue was loaded/);
      expect(catalogue?.byId.get('fix-beta')?.sections.length).toBeGreaterThan(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reports unreadable YAML in SKILL.md as a problem, as in any other document', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bek-catalogue-'));
    try {
      cpSync(fixture('valid'), dir, { recursive: true });
      const skill = join(dir, 'skill/SKILL.md');
      writeFileSync(skill, readFileSync(skill, 'utf8').replace(/^name: .*$/m, 'name: [oops'));
      const { catalogue, problems } = loadCatalogue(dir);
      expect(catalogue).toBeUndefined();
      expect(problems).toContainEqual({
        file: 'skill/SKILL.md',
        field: '(front matter)',
        message: expect.stringMatching(/^unreadable YAML: [^\n]+$/),
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses documents reached through a symlinked folder that leaves the catalogue, and a patterns path that is a file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bek-linked-'));
    try {
      const root = join(dir, 'root');
      cpSync(fixture('valid'), root, { recursive: true });
      cpSync(join(root, 'references/patterns'), join(dir, 'elsewhere'), { recursive: true });
      rmSync(join(root, 'references/patterns'), { recursive: true });
      symlinkSync(join(dir, 'elsewhere'), join(root, 'references/patterns'));
      const linked = loadCatalogue(root);
      expect(linked.catalogue).toBeUndefined();
      expect(linked.problems.some((p) => /outside the catalogue folder/.test(p.message))).toBe(true);
      rmSync(join(root, 'references/patterns'));
      writeFileSync(join(root, 'references/patterns'), 'not a folder');
      expect(loadCatalogue(root).problems.map((p) => p.message)).toContain('no pattern documents found');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reports a missing folder instead of throwing', () => {
    const { catalogue, problems } = loadCatalogue(fixture('does-not-exist'));
    expect(catalogue).toBeUndefined();
    expect(problems.map((p) => p.file)).toEqual(expect.arrayContaining(['skill/SKILL.md', 'references/patterns']));
  });
});

describe('splitSections', () => {
  it('ignores headings inside fenced code', () => {
    const sections = splitSections('# T\n\n## A\n\ntext\n\n```md\n## not a section\n```\n\n## B\n\nmore');
    expect(sections.map((s) => s.name)).toEqual(['A', 'B']);
    expect(sections[0]?.text).toContain('## not a section');
  });
});
