import Fuse from 'fuse.js';
import type { Pattern } from './catalogue/types.js';
import type { Engine } from './engine.js';
import { BekError } from '../util/errors.js';

const MAX_ID = 100;

/** The pattern with this id, or an error that names the closest ids and says what to call instead. */
export function findPattern(engine: Engine, id: string): Pattern {
  // Checked before any work: an id is at most 100 characters (its schema), and a longer one is not spelt like one.
  if (id.length > MAX_ID)
    throw new BekError(
      'unknown_id',
      `Unknown pattern id (longer than ${MAX_ID} characters). Search first (search_patterns / bek search) to find an id.`,
    );
  const pattern = engine.catalogue.byId.get(id.trim().toLowerCase());
  if (pattern) return pattern;
  const closest = closestIds(engine, id.trim().toLowerCase());
  const hint = closest.length > 0 ? ` Closest ids: ${closest.join(', ')}.` : '';
  throw new BekError(
    'unknown_id',
    `Unknown pattern id "${id}".${hint} Search first (search_patterns / bek search) to find an id.`,
  );
}

/** How much longer than the longest id a mistyped one can be. */
const TYPO_SLACK = 4;

/** A mistyped id ("rel-outbx", "outbox") is nearest to ids spelt alike; a made-up one ("api-errors") to what it says. */
function closestIds(engine: Engine, id: string): string[] {
  const ids = engine.catalogue.patterns.map((p) => p.id);
  // A typo of an id is about as long as the id; fuse.js's cost grows with the length of what it is given.
  const longest = Math.max(...ids.map((i) => i.length));
  const spelt =
    id.length <= longest + TYPO_SLACK
      ? new Fuse(ids, { threshold: 0.35, ignoreLocation: true }).search(id, { limit: 3 }).map((r) => r.item)
      : [];
  if (spelt.length > 0) return spelt;
  return engine.search(id.replace(/-/g, ' '), { limit: 3 }).hits.map((h) => h.id);
}
