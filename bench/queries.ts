import { join } from 'node:path';
import { loadQueries } from './relevance.js';

// The searches every timing replays: the lead's relevance query set (titles, symptoms, typos, filters),
// so the timed mix is what people and agents actually type.
const QUERIES = loadQueries(join(import.meta.dirname, 'queries.json'));

/** The i-th search of the mix, as search_patterns arguments; cycles through the set. */
export function searchArgs(i: number): { query: string; scope?: string; level?: string } {
  const q = QUERIES[i % QUERIES.length];
  if (!q) throw new Error('bench/queries.json is empty');
  return { query: q.q, ...(q.scope && { scope: q.scope }), ...(q.level && { level: q.level }) };
}

export const QUERY_COUNT = QUERIES.length;
