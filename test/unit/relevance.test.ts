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
  'queries-blind-4.json': { hit1: 0.93, hit3: 0.97, mrr: 0.95 },
  'queries-blind-5.json': { hit1: 0.91, hit3: 0.97, mrr: 0.94 },
};
/** Covered questions answered "no match": at most this share of any set (the issue's bound). */
const MAX_UNANSWERED = 0.02;

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
    expect(r.unanswered / r.queries, 'covered questions answered "no match"').toBeLessThanOrEqual(MAX_UNANSWERED);
  });
});

// Off-topic questions answered "no match". offtopic-blind.json (written blind) had 5 of 60 when it arrived
// offtopic-blind-2.json 8 of 55 and offtopic-blind-3.json 6 of 54 on the search before this work (-3 arrived
// after it, and was never tuned on); offtopic-dev.json is the set abstention was tuned on. The floors are today's figures less a question or two.
const ABSTENTION = {
  'offtopic-dev.json': { questions: 40, floor: 22 },
  'offtopic-blind.json': { questions: 60, floor: 23 },
  'offtopic-blind-2.json': { questions: 55, floor: 24 },
  'offtopic-blind-3.json': { questions: 54, floor: 24 },
};

describe('search admits it has no answer', () => {
  it.each(Object.entries(ABSTENTION))('%s', (name, { questions, floor }) => {
    const r = abstention(shippedEngine(), join(import.meta.dirname, '../../bench', name));
    expect(r.questions).toBe(questions);
    expect(r.abstained).toBeGreaterThanOrEqual(floor);
  });
});
