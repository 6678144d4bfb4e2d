import { z } from 'zod';
import { Level } from '../../output/inputs.js';
import { guideUri } from '../../core/catalogue/uri.js';
import { renderList } from '../../output/render.js';
import { listResult } from '../../output/results.js';
import { atMostPositionals, flag } from '../args.js';
import { PATTERNS_DIR, SCOPE_HELP, scopeFlag } from '../catalogue-flags.js';
import { command, emit } from '../command.js';
import { styled } from '../io.js';

const Type = z.enum(['pattern', 'guide']);

export const list = command({
  name: 'list',
  summary: 'List the patterns (or the reference guides)',
  usage: 'bek list [--type pattern|guide] [--scope S] [--level L] [--patterns-dir DIR]... [--json]',
  description: 'Lists every pattern in the catalogue, grouped by scope, and ends with the count.',
  options: {
    type: { value: 'T', help: 'pattern (default) or guide (the reference guides)' },
    scope: { value: 'S', help: SCOPE_HELP },
    level: { value: 'L', help: `only this level: ${Level.options.join(', ')}` },
    ...PATTERNS_DIR,
    json: { help: 'print { total, patterns: [{ id, title, scope, level, summary, origin }] }' },
  },
  run({ values, positionals }, ctx) {
    atMostPositionals(positionals, 1);
    const type = flag('type', Type, values.type ?? positionals[0]) ?? 'pattern';
    const level = flag('level', Level, values.level);
    const { catalogue } = ctx.engine(values['patterns-dir']);
    const filter = { scope: scopeFlag(catalogue, values.scope), level };
    if (type === 'guide') {
      const guides = catalogue.guides.map((g) => ({
        name: g.name,
        title: g.title,
        description: g.description,
        uri: guideUri(g.name),
      }));
      const result = { total: guides.length, guides };
      return emit(
        ctx,
        values.json,
        result,
        () => `${guides.map((g) => `${g.name.padEnd(24)}  ${g.title}`).join('\n')}\n\n${guides.length} guides`,
      );
    }
    const result = listResult(catalogue, filter);
    return emit(ctx, values.json, result, () => styled(ctx.io, renderList(result)));
  },
});
