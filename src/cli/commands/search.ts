import { renderSearch } from '../../output/render.js';
import { Level, Limit, Query, Scope } from '../../output/inputs.js';
import { searchResult } from '../../output/results.js';
import { flag, text } from '../args.js';
import { command, emit } from '../command.js';
import { styled } from '../io.js';

const USAGE = 'bek search <query> [--scope S] [--level L] [--limit N] [--json]';

export const search = command({
  name: 'search',
  summary: 'Search patterns by problem, symptom or name',
  usage: USAGE,
  description: `Ranks the catalogue against a free-text query: a problem ("charged twice on retry"),
a symptom ("consumer crashes on the same message"), an abbreviation ("DLQ") or a name.`,
  options: {
    scope: { value: 'S', help: `only this scope: ${Scope.options.join(', ')}` },
    level: { value: 'L', help: `only this level: ${Level.options.join(', ')}` },
    limit: { value: 'N', help: 'at most N results (1-50, default 5)' },
    json: { help: 'print the search_patterns result object' },
  },
  footer: 'Example:\n  bek search "error model" --scope api',
  run({ values, positionals }, ctx) {
    const query = text(positionals, 'a query', USAGE, Query);
    const result = searchResult(ctx.engine(), query, {
      scope: flag('scope', Scope, values.scope),
      level: flag('level', Level, values.level),
      limit: flag('limit', Limit, values.limit),
    });
    return emit(ctx, values.json, result, () => styled(ctx.io, renderSearch(result)));
  },
});
