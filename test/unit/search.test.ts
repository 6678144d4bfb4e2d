import { join } from 'node:path';
import Fuse from 'fuse.js';
import { describe, expect, it } from 'vitest';
import { loadQueries } from '../../bench/relevance.js';
import { indexData } from '../../src/core/search/index.js';
import { spellingIndex } from '../../src/core/search/spelling.js';
import { shippedEngine } from '../helpers/engine.js';

const engine = shippedEngine();

describe('spellingIndex', () => {
  it('finds exactly what fuse.js over the whole vocabulary finds, scores and ties included', () => {
    const vocabulary = indexData(engine.catalogue.patterns).terms.filter((t) => t.length >= 3);
    const fast = spellingIndex(vocabulary);
    const full = new Fuse(vocabulary, { includeScore: true, threshold: 0.34, ignoreLocation: true });
    // Deterministic typos of real terms: a letter dropped, changed, added or swapped, one to three times;
    // every ninth joins two terms, so terms over fuse.js's 32-letter limit are covered too.
    let seed = 7;
    const next = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    const typos = Array.from({ length: 300 }, (_, i) => {
      let w = (vocabulary[next(vocabulary.length)] ?? '') + (i % 9 === 0 ? vocabulary[next(vocabulary.length)] : '');
      for (let e = 0, edits = 1 + next(3); e < edits; e++) {
        const at = next(w.length);
        const c = 'abcdefghijklmnopqrstuvwxyz0123456789'[next(36)];
        w =
          [
            w.slice(0, at) + w.slice(at + 1),
            w.slice(0, at) + c + w.slice(at + 1),
            w.slice(0, at) + c + w.slice(at),
            w.slice(0, at) + w.slice(at + 1, at + 2) + w.slice(at, at + 1) + w.slice(at + 2),
          ][next(4)] ?? w;
      }
      return w;
    }).filter((w) => w.length >= 4);
    let found = 0;
    for (const typo of typos) {
      const got = fast(typo, 3).map(({ item, score }) => [item, score]);
      expect(got, typo).toEqual(full.search(typo, { limit: 3 }).map(({ item, score }) => [item, score]));
      if (got.length > 0) found++;
    }
    expect(found).toBeGreaterThan(typos.length / 3);
  });
});

describe('searchIndex', () => {
  it('ranks the same whatever the limit: the first hits, and the total, do not depend on it', () => {
    const queries = loadQueries(join(import.meta.dirname, '../../bench/queries.json'));
    for (const { q, scope, level } of queries) {
      const all = engine.search(q, { scope, level, limit: 50 });
      for (const limit of [1, 3]) {
        const some = engine.search(q, { scope, level, limit });
        expect(some.total, q).toBe(all.total);
        expect(some.hits, q).toEqual(all.hits.slice(0, limit));
      }
    }
  });
});

describe('misspelt and run-together words', () => {
  // Typos are matched against the catalogue's words as written, not their stems: "pagnation" is one edit
  // from "pagination" but three from its stem "pagin".
  it.each([
    ['pagnation', 'api-pagination'],
    ['idempotentcy', 'api-idempotency-keys'],
    ['corelation id middleware', 'obs-correlation-ids'],
    ['validaton of requests', 'api-request-validation'],
    ['deadletter', 'rel-dead-letter-queue'],
    ['circuitbreaker', 'rel-circuit-breaker'],
  ])('"%s" finds %s first', (query, id) => {
    expect(engine.search(query).hits[0]?.id).toBe(id);
  });

  it('takes "constructor" for a word, not for a member of Object.prototype', () => {
    expect(() => engine.search('constructor injection')).not.toThrow();
  });

  it('does not invent a match for gibberish', () => {
    expect(engine.search('qwzx vbnm').hits).toEqual([]);
  });
});
