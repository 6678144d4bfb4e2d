import type { Pattern } from './catalogue/types.js';
import type { Engine } from './engine.js';
import { BekError } from './errors.js';

/** The pattern with this id, or an error that names the closest ids and says what to call instead. */
export function findPattern(engine: Engine, id: string): Pattern {
  const pattern = engine.catalogue.byId.get(id.trim().toLowerCase());
  if (pattern) return pattern;
  const outcome = engine.search(id.replace(/-/g, ' '), { limit: 3 });
  const closest = (outcome.hits.length > 0 ? outcome.hits : (outcome.suggestions?.closest ?? [])).map((h) => h.id);
  const hint = closest.length > 0 ? ` Closest ids: ${closest.join(', ')}.` : '';
  throw new BekError('unknown_id', `Unknown pattern id "${id}".${hint} Search first (search_patterns / bek search) to find an id.`);
}
