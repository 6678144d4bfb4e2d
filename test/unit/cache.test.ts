import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cacheDir } from '../../src/core/store/cache.js';
import { loadEngine } from '../../src/core/engine.js';
import { PACKAGE_ROOT } from '../../src/util/paths.js';

describe('the cache of a user catalogue', () => {
  let work: string;
  let root: string;
  let cache: string;
  const outbox = () => join(root, 'references/patterns/rel-outbox.md');

  beforeEach(() => {
    work = mkdtempSync(join(tmpdir(), 'bek-cache-'));
    root = join(work, 'catalogue');
    cache = join(work, 'cache');
    for (const part of ['skill', 'references']) cpSync(join(PACKAGE_ROOT, part), join(root, part), { recursive: true });
  });
  afterEach(() => rmSync(work, { recursive: true, force: true }));

  it('serves the same catalogue and ranking from the cache as from the Markdown', () => {
    const fresh = loadEngine(root, cache).engine;
    expect(readdirSync(cache)).toHaveLength(1);
    const cached = loadEngine(root, cache).engine;
    expect(cached?.catalogue.version).toBe(fresh?.catalogue.version);
    expect(cached?.catalogue.patterns.map((p) => [p.id, p.title, p.aliases])).toEqual(
      fresh?.catalogue.patterns.map((p) => [p.id, p.title, p.aliases]),
    );
    for (const query of ['charged twice', 'circut breaker', 'select in a loop', 'rate limiting', 'zzzz']) {
      expect(cached?.search(query)).toEqual(fresh?.search(query));
    }
    expect(cached?.catalogue.byId.get('rel-outbox')?.sections.map((s) => s.name)).toContain('Checklist');
  });

  it('is read only while every file is as it was, and still checks each text it reads', () => {
    const then = new Date('2026-01-01T00:00:00Z');
    utimesSync(outbox(), then, then);
    loadEngine(root, cache);
    // The same size and modification time, other words: the cache is used, and the text check catches it.
    writeFileSync(outbox(), readFileSync(outbox(), 'utf8').replaceAll('Outbox', 'Inbox!'));
    utimesSync(outbox(), then, then);
    const stale = loadEngine(root, cache).engine;
    expect(stale?.catalogue.byId.get('rel-outbox')?.title).toBe('Outbox Pattern');
    expect(() => stale?.catalogue.byId.get('rel-outbox')?.body).toThrow(/changed after the catalogue was loaded/);
    // A newer modification time is a miss: the Markdown is loaded (and validated) again.
    utimesSync(outbox(), then, new Date());
    expect(loadEngine(root, cache).engine?.catalogue.byId.get('rel-outbox')?.title).toBe('Inbox! Pattern');
  });

  it('notices added and removed documents, and never keeps a broken catalogue', () => {
    loadEngine(root, cache);
    rmSync(join(root, 'references/patterns/rel-timeouts.md'));
    const { engine, problems } = loadEngine(root, cache);
    expect(engine).toBeUndefined();
    expect(problems.map((p) => p.message).join('\n')).toMatch(/rel-timeouts/);
  });

  it('treats an unreadable entry as a miss', () => {
    loadEngine(root, cache);
    const [entry] = readdirSync(cache);
    writeFileSync(join(cache, entry ?? 'x'), 'not a cache entry');
    expect(loadEngine(root, cache).engine?.catalogue.patterns.length).toBe(
      readdirSync(join(root, 'references/patterns')).length,
    );
  });

  it('lives in BEK_CACHE_DIR, else the XDG cache folder, and can be turned off', () => {
    expect(cacheDir({ BEK_CACHE_DIR: '/x' })).toBe('/x');
    expect(cacheDir({ XDG_CACHE_HOME: '/c' })).toBe(join('/c', 'bek'));
    expect(cacheDir({ BEK_CACHE_DIR: 'off' })).toBeUndefined();
    expect(existsSync(cache)).toBe(false);
  });
});
