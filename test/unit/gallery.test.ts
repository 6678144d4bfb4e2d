import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LEVELS, SCOPES } from '../../src/core/catalogue/vocabulary.js';
import { withFuzzy } from '../../src/core/search/index.js';
import { searchIndex } from '../../src/core/search/search.js';
import { scopeLabel } from '../../src/gallery/card.js';
import { fromSearchData, type SearchData, searchData } from '../../src/gallery/search-data.js';
import { gallerySite } from '../../src/gallery/site.js';
import { bek } from '../helpers/cli.js';
import { shippedEngine } from '../helpers/engine.js';

const BENCH = join(import.meta.dirname, '../../bench');
const questions = readdirSync(BENCH)
  .filter((f) => /^(queries|offtopic).*\.json$/.test(f))
  .flatMap((f) => JSON.parse(readFileSync(join(BENCH, f), 'utf8')) as { q: string }[])
  .map((x) => x.q);

describe("the gallery's browser search", () => {
  const engine = shippedEngine();
  // What the page receives: the data through JSON, as the script file carries it.
  const shipped = JSON.parse(JSON.stringify(searchData(engine.catalogue.patterns))) as SearchData;
  const browser = withFuzzy(shipped.patterns, fromSearchData(shipped));

  it('ranks every question of the bench sets exactly as the engine (search_patterns) does', () => {
    expect(questions.length).toBeGreaterThan(500);
    for (const q of questions)
      expect(searchIndex(browser, q, { limit: 50 }), q).toEqual(engine.search(q, { limit: 50 }));
  }, 120_000); // some 1,300 questions, twice each, on a shared CI machine

  it('agrees under each scope and level filter, with typos and with nothing matching', () => {
    const hard = ['idempotncy', 'circut breaker', 'zzqx flurb', 'dlq'];
    for (const q of hard)
      for (const filter of [{ scope: SCOPES[0] }, { scope: SCOPES[3] }, ...LEVELS.map((level) => ({ level }))])
        expect(searchIndex(browser, q, { ...filter, limit: 50 }), `${q} ${JSON.stringify(filter)}`).toEqual(
          engine.search(q, { ...filter, limit: 50 }),
        );
    expect(searchIndex(browser, 'idempotncy', {}).hits[0]?.id).toBe('api-idempotency-keys');
    expect(searchIndex(browser, 'zzqx flurb', {}).hits).toEqual([]);
  });
});

describe('the gallery pages', () => {
  const engine = shippedEngine();
  const site = gallerySite(engine, { catalogueVersion: engine.catalogue.version, version: 'test' });
  const html = (path: string) => site.file(path)?.data ?? '';

  it('has the index, a page per level and per pattern, the tool pages and the two assets', () => {
    expect(site.paths).toHaveLength(4 + engine.catalogue.patterns.length + 2 + 2);
    expect(site.paths).toContain('patterns/rel-outbox.html');
    expect(site.file('nothing.html')).toBeUndefined();
  });

  it('gives each card a bek search command that finds that pattern first', () => {
    const index = html('index.html');
    const cards = [
      ...index.matchAll(/data-id="([^"]+)"[\s\S]*?<code>bek search &#34;(.+?)&#34; --scope ([a-z]+)<\/code>/g),
    ];
    expect(cards).toHaveLength(engine.catalogue.patterns.length);
    for (const [, id, query = '', scope] of cards)
      expect(engine.search(query, { scope: scope as (typeof SCOPES)[number], limit: 1 }).hits[0]?.id, query).toBe(id);
  });

  it('shows the count, the scope anchors, the level pages and the Quick Start', () => {
    const index = html('index.html');
    expect(index).toContain(`${engine.catalogue.patterns.length} patterns`);
    for (const s of SCOPES) expect(index).toContain(`href="#${s}"`);
    for (const l of LEVELS) expect(index).toContain(`href="level/${l}.html"`);
    expect(index).toContain('Quick Start');
    const beginner = html('level/beginner.html');
    const count = engine.catalogue.patterns.filter((p) => p.level === 'beginner').length;
    expect(beginner.match(/class="card"/g)).toHaveLength(count);
    expect(beginner).toContain('href="../patterns/');
  });

  it('labels the built-in scopes as the catalogue names them, a team scope by its words', () => {
    expect(scopeLabel('api')).toBe('API');
    expect(scopeLabel('database')).toBe('Database');
    // A team scope that is also the name of a property of a function or an object is still a team scope.
    expect(scopeLabel('name')).toBe('Name');
    expect(scopeLabel('internal-platform')).toBe('Internal platform');
    expect(html('index.html')).toContain('<h2 id="h-api">API patterns');
  });

  it('renders a pattern: highlighted code, anchored headings, checklist checkboxes, related links, sources', () => {
    const page = html('patterns/api-idempotency-keys.html');
    const p = engine.catalogue.byId.get('api-idempotency-keys');
    expect(page).toContain('<h2 id="checklist">Checklist');
    expect(page).toContain('href="#checklist"');
    expect(page).toMatch(/<pre tabindex="0"><code class="language-ts"><span class="hljs-keyword">/);
    expect(page.match(/<input type="checkbox">/g)?.length).toBeGreaterThanOrEqual(5);
    for (const id of p?.related ?? []) expect(page).toContain(`href="${id}.html"`);
    for (const url of p?.sources ?? []) expect(page).toContain(`href="${url.replaceAll('&', '&#38;')}"`);
    expect(page).not.toContain('.md"');
  });

  it('allows no inline script or style: every page holds the policy and loads the one script file', () => {
    // Every page is checked in the exported site by the e2e tests; these are one of each kind.
    for (const path of [
      'index.html',
      'level/advanced.html',
      'patterns/rel-outbox.html',
      'select.html',
      'review.html',
    ]) {
      const page = html(path);
      expect(page.match(/<script\b[^>]*>/g), path).toEqual([
        expect.stringMatching(/src="(\.\.\/)?assets\/gallery\.js"/),
      ]);
      expect(page, path).not.toMatch(/\sstyle=|<style|\son[a-z]+="/);
      expect(page, path).toContain("script-src 'self'");
    }
  });
});

describe('bek gallery', () => {
  it('asks for --out (exit 2) and refuses a folder that is not a gallery', async () => {
    const missing = await bek('gallery');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('missing --out DIR');
    const busy = await bek('gallery', '--out', BENCH);
    expect(busy.code).toBe(2);
    expect(busy.stderr).toContain('neither empty nor a gallery');
    expect((await bek('gallery', '--out', join(BENCH, 'queries.json'))).code).toBe(2);
    expect((await bek('gallery', '--help')).stdout).toContain('bek gallery --out DIR');
  });
});
