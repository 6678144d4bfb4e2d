import { renderSearch } from '../../output/render.js';
import { Level, Limit, Query } from '../../output/inputs.js';
import { searchResult } from '../../output/results.js';
import { flag, text } from '../args.js';
import { PATTERNS_DIR, SCOPE_HELP, scopeFlag } from '../catalogue-flags.js';
import { command, emit } from '../command.js';
import { styled } from '../io.js';

const USAGE = 'bek search <query> [--scope S] [--level L] [--limit N] [--patterns-dir DIR]... [--json]';

export const search = command({
  name: 'search',
  summary: 'Search patterns by problem, symptom or name',
  usage: USAGE,
  description: `Ranks the catalogue against a free-text query: a problem ("charged twice on retry"),
a symptom ("consumer crashes on the same message"), an abbreviation ("DLQ") or a name.`,
  options: {
    scope: { value: 'S', help: SCOPE_HELP },
    level: { value: 'L', help: `only this level: ${Level.options.join(', ')}` },
    limit: { value: 'N', help: 'at most N results (1-50, default 5)' },
    ...PATTERNS_DIR,
    json: { help: 'print the search_patterns result object' },
  },
  footer: 'Example:\n  bek search "error model" --scope api',
  run({ values, positionals }, ctx) {
    const query = text(positionals, 'a query', USAGE, Query);
    const level = flag('level', Level, values.level);
    const limit = flag('limit', Limit, values.limit);
    const engine = ctx.engine(values['patterns-dir']);
    const result = searchResult(engine, query, { scope: scopeFlag(engine.catalogue, values.scope), level, limit });
    return emit(ctx, values.json, result, () => styled(ctx.io, renderSearch(result)));
  },
});
