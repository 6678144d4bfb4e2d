import { z } from 'zod';
import { Level, Scope } from '../../core/catalogue/schema.js';
import { BekError } from '../../util/errors.js';
import { renderSearch } from '../../output/render.js';
import { searchResult } from '../../output/results.js';
import { flag, parse, text } from '../args.js';
import { type Command, emit } from '../command.js';
import { styled } from '../io.js';

const LIMIT_RANGE = 'expected a whole number from 1 to 50';
const Limit = z.coerce.number({ error: LIMIT_RANGE }).int(LIMIT_RANGE).min(1, LIMIT_RANGE).max(50, LIMIT_RANGE);

const USAGE = 'bek search <query> [--scope S] [--level L] [--limit N] [--json]';

export const search: Command = {
  name: 'search',
  summary: 'Search patterns by problem, symptom or name',
  help: `${USAGE}

Ranks the catalogue against a free-text query: a problem ("charged twice on retry"),
a symptom ("consumer crashes on the same message"), an abbreviation ("DLQ") or a name.

Options:
  --scope S    only this scope: ${Scope.options.join(', ')}
  --level L    only this level: ${Level.options.join(', ')}
  --limit N    at most N results (1-50, default 5)
  --json       print the search_patterns result object

Example:
  bek search "error model" --scope api`,
  run(argv, ctx) {
    const { values, positionals } = parse(argv, {
      scope: { type: 'string' },
      level: { type: 'string' },
      limit: { type: 'string' },
      json: { type: 'boolean' },
    });
    const query = text(positionals, 'a query', USAGE);
    if (query.length > 500) throw new BekError('bad_input', 'the query is longer than 500 characters');
    const result = searchResult(ctx.engine(), query, {
      scope: flag('scope', Scope, values.scope),
      level: flag('level', Level, values.level),
      limit: flag('limit', Limit, values.limit),
    });
    return emit(ctx, values.json, result, () => styled(ctx.io, renderSearch(result)));
  },
};
