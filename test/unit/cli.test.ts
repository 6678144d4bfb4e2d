import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/util/paths.js';
import { bek } from '../helpers/cli.js';
import { shippedEngine } from '../helpers/engine.js';

describe('bek (in-process)', () => {
  it('search "error model" --scope api leads with API Error Model', async () => {
    const r = await bek('search', 'error model', '--scope', 'api');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toMatch(/^1\. \*\*API Error Model\*\* `api-error-model`/);
  });

  it('search --json prints the search_patterns object', async () => {
    const r = await bek('search', 'idempotency', '--limit', '2', '--json');
    const json = JSON.parse(r.stdout) as { query: string; total: number; results: { id: string; uri: string }[] };
    expect(json.query).toBe('idempotency');
    expect(json.results).toHaveLength(Math.min(json.total, 2));
    expect(json.results[0]).toMatchObject({ id: 'api-idempotency-keys', uri: 'bek://patterns/api-idempotency-keys' });
  });

  it('list --type pattern lists every pattern and ends with the count', async () => {
    const r = await bek('list', '--type', 'pattern');
    const count = shippedEngine().catalogue.patterns.length;
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n').at(-1)).toBe(`${count} patterns`);
    for (const p of shippedEngine().catalogue.patterns) expect(r.stdout).toContain(p.id);
  });

  it('list --json and --scope', async () => {
    const r = await bek('list', '--scope', 'reliability', '--json');
    const json = JSON.parse(r.stdout) as { total: number; patterns: { scope: string }[] };
    expect(json.total).toBe(json.patterns.length);
    expect(json.total).toBeGreaterThanOrEqual(5);
    expect(json.patterns.every((p) => p.scope === 'reliability')).toBe(true);
  });

  it('show prints a document, or only the sections asked for', async () => {
    const full = await bek('show', 'rel-circuit-breaker');
    expect(full.stdout).toMatch(/^# Circuit Breaker/);
    expect(full.stdout).toContain('## Sources');
    const part = await bek('show', 'rel-circuit-breaker', '--section', 'Checklist', '--json');
    expect((JSON.parse(part.stdout) as { sections: { name: string }[] }).sections.map((s) => s.name)).toEqual([
      'Checklist',
    ]);
  });

  it('show prints a guide or the skill, and --json the get_reference object', async () => {
    const guide = JSON.parse((await bek('show', 'api-patterns', '--json')).stdout) as Record<string, string>;
    expect(guide).toMatchObject({ name: 'api-patterns', title: 'API Patterns', uri: 'bek://references/api-patterns' });
    expect(guide.text).toMatch(/^# API Patterns/);
    expect((await bek('show', 'skill')).stdout).toMatch(/^---\nname: backend-patterns/);
  });

  it('select prints recommendations with the matrix row, and --json the select_pattern object', async () => {
    const r = await bek('select', 'real-time notifications for a web app', '--json');
    const json = JSON.parse(r.stdout) as { recommendations: { id: string }[]; constraints: string[] };
    expect(json.recommendations.map((x) => x.id)).toContain('arch-websocket-events');
    expect(json.constraints.length).toBeGreaterThanOrEqual(9);
  });

  it.each([
    [['show', 'no-such-pattern'], 1, /Unknown pattern id "no-such-pattern"/],
    [['show', 'rel-outbx'], 1, /Unknown pattern id "rel-outbx"\. Closest ids: rel-outbox\./],
    [['search', 'x', '--scope', 'frontend'], 2, /--scope: .*one of: api, database/],
    [['search', 'x', '--limit', '0'], 2, /--limit/],
    [['search'], 2, /missing a query/],
    [['show'], 2, /missing a pattern id/],
    [['search', 'x', '--bogus'], 2, /Unknown option '--bogus'/],
    [['list', '--type', 'guide', '--scope', 'frontend'], 2, /--scope: .*one of: api/],
    [['show', 'api-patterns', '--section', 'Nope'], 2, /--section: .*one of: Problem/],
    [['frobnicate'], 2, /unknown command "frobnicate"/],
    [['serve', 'http'], 2, /unexpected argument "http" \(did you mean --http\?\)/],
    [['validate', 'one', 'two'], 2, /unexpected argument "two"/],
    [['search', 'x', '--limit', 'abc'], 2, /--limit: expected a whole number from 1 to 50 \(got "abc"\)/],
  ])('bek %j fails with exit %i and one clear line', async (argv, code, message) => {
    const r = await bek(...argv);
    expect(r.code).toBe(code);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.split('\n')).toHaveLength(1);
    expect(r.stdout).toBe('');
  });

  it('bek review prints one merged checklist, and its --json the review_checklist object', async () => {
    const text = await bek('review', 'rel-outbox', 'rel-timeouts');
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/Absolute constraints[\s\S]*Outbox Pattern[\s\S]*Timeout Configuration/);
    const json = await bek('review', '--review', 'reliability', '--json');
    const r = JSON.parse(json.stdout) as { review: { name: string }; patterns: { id: string }[] };
    expect(r.review.name).toBe('reliability');
    expect(r.patterns.map((p) => p.id)).toContain('rel-circuit-breaker');
    expect((await bek('review', 'rel-outbx')).code).toBe(1);
    expect((await bek('review', '--review', 'nope')).code).toBe(2);
    expect((await bek('review')).code).toBe(2);
  });

  it('every command has --help', async () => {
    for (const command of ['search', 'list', 'show', 'select', 'review', 'rules', 'export', 'validate', 'serve']) {
      const r = await bek(command, '--help');
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`^bek ${command}`));
    }
    expect((await bek('--help')).stdout).toContain('bek search "error model" --scope api');
  });

  it('validate passes on the shipped catalogue and reports every problem of a broken one', async () => {
    const ok = await bek('validate');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^OK: \d+ patterns and 6 guides/);
    const broken = await bek('validate', join(import.meta.dirname, '../fixtures/broken'));
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/fix-gamma\.md: scope: /);
    expect(broken.stderr).toMatch(/\d+ problems in /);
  });

  it('validate catches a dangling related id in an otherwise good copy of the catalogue', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bek-validate-'));
    try {
      cpSync(join(PACKAGE_ROOT, 'skill'), join(dir, 'skill'), { recursive: true });
      cpSync(join(PACKAGE_ROOT, 'references'), join(dir, 'references'), { recursive: true });
      rmSync(join(dir, 'references/patterns/rel-outbox.md'));
      const r = await bek('validate', dir, '--json');
      const json = JSON.parse(r.stdout) as { ok: boolean; problems: { message: string }[] };
      expect(r.code).toBe(1);
      expect(json.ok).toBe(false);
      expect(json.problems.some((p) => p.message === 'unknown pattern id "rel-outbox"')).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
