import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadQueries } from '../../bench/relevance.js';
import { readSnapshot, SNAPSHOT_FILES, serializeSnapshot } from '../../src/core/store/snapshot.js';
import { createEngine } from '../../src/core/engine.js';
import { indexData } from '../../src/core/search/index.js';
import { shippedEngine } from '../helpers/engine.js';

// The bundle serves the build's snapshot; `bek validate` and BEK_CATALOGUE_DIR read the Markdown.
// Both must be the same catalogue and rank every query the same way.

const full = shippedEngine();
const dir = mkdtempSync(join(tmpdir(), 'bek-snapshot-'));
serializeSnapshot(full.catalogue).forEach((text, i) => {
  writeFileSync(join(dir, SNAPSHOT_FILES[i] ?? ''), text);
});
const snapshot = readSnapshot(pathToFileURL(`${dir}/`));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('catalogue snapshot', () => {
  it('reads back the catalogue the full loader gives, frozen, with its index', () => {
    expect(snapshot?.catalogue).toEqual(full.catalogue);
    expect(Object.isFrozen(snapshot?.catalogue.patterns[0])).toBe(true);
    expect(snapshot?.catalogue.byId.get('rel-outbox')?.sections.map((s) => s.name)).toContain('Checklist');
    expect(snapshot?.index()).toEqual(indexData(full.catalogue.patterns));
  });

  it('gives the same search results and selections as the full loader', () => {
    if (!snapshot) throw new Error('no snapshot');
    const fast = createEngine(snapshot.catalogue, snapshot.index, full.root);
    const queries = loadQueries(join(import.meta.dirname, '../../bench/queries.json'));
    for (const { q, scope, level } of [
      ...queries,
      { q: 'idempotncy keys' },
      { q: 'zzqx flurb' },
      { q: 'retries', scope: 'database' as const },
    ]) {
      expect(fast.search(q, { scope, level, limit: 10 })).toEqual(full.search(q, { scope, level, limit: 10 }));
    }
    expect(fast.select('public API for payments with webhooks')).toEqual(
      full.select('public API for payments with webhooks'),
    );
  });

  it('is absent when its files are', () => {
    expect(readSnapshot(pathToFileURL(`${join(dir, 'missing')}/`))).toBeUndefined();
  });
});
