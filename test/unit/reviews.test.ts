import { describe, expect, it } from 'vitest';
import { REVIEWS } from '../../src/core/review/reviews.js';
import { shippedEngine } from '../helpers/engine.js';

describe('named reviews', () => {
  it('draw only on patterns the built-in catalogue holds', () => {
    const { byId } = shippedEngine().catalogue;
    const missing = Object.entries(REVIEWS).flatMap(([name, r]) =>
      r.patterns.filter((id) => !byId.has(id)).map((id) => `${name}: ${id}`),
    );
    expect(missing).toEqual([]);
  });
});
