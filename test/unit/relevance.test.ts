import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { abstention, evaluate, loadQueries } from '../../bench/relevance.js';
import { shippedEngine } from '../helpers/engine.js';

// Floors a little under today's figures (`npm run relevance`), so a change to search or to the documents'
// aliases that makes ranking worse fails here instead of going unnoticed.
const FLOORS = {
  'queries.json': { hit1: 0.95, hit3: 0.98, mrr: 0.96 },
  'queries-holdout.json': { hit1: 0.88, hit3: 0.93, mrr: 0.9 },
  'queries-blind.json': { hit1: 0.87, hit3: 0.95, mrr: 0.9 },
  'queries-blind-2.json': { hit1: 0.9, hit3: 0.95, mrr: 0.92 },
  'queries-wave2.json': { hit1: 0.92, hit3: 0.97, mrr: 0.94 },
  'queries-blind-3.json': { hit1: 0.85, hit3: 0.94, mrr: 0.9 },
};

describe('search relevance stays above its floors', () => {
  it.each(Object.entries(FLOORS))('%s', (name, floor) => {
    const r = evaluate(shippedEngine(), loadQueries(join(import.meta.dirname, '../../bench', name)));
    expect(r.queries).toBeGreaterThanOrEqual(80);
    expect(
      r.hit1,
      `hit@1; misses:\n${r.misses.map((m) => `${m.q} → ${m.got.join(', ')}`).join('\n')}`,
    ).toBeGreaterThanOrEqual(floor.hit1);
    expect(r.hit3).toBeGreaterThanOrEqual(floor.hit3);
    expect(r.mrr).toBeGreaterThanOrEqual(floor.mrr);
  });
});

describe('search admits it has no answer', () => {
  // bench/offtopic-blind.json, written blind: 5 of 60 answered "no match" when it arrived (2026-12-01).
  it('keeps its abstention on off-topic questions at or above the first measurement', () => {
    const r = abstention(shippedEngine(), join(import.meta.dirname, '../../bench/offtopic-blind.json'));
    expect(r.questions).toBe(60);
    expect(r.abstained).toBeGreaterThanOrEqual(5);
  });
});
