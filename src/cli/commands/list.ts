import { z } from 'zod';
import { Level, Scope } from '../../core/catalogue/schema.js';
import { guideUri } from '../../core/catalogue/uri.js';
import { renderList } from '../../output/render.js';
import { listResult } from '../../output/results.js';
import { atMostPositionals, flag, parse } from '../args.js';
import { type Command, emit } from '../command.js';
import { styled } from '../io.js';

const Type = z.enum(['pattern', 'guide']);

export const list: Command = {
  name: 'list',
  summary: 'List the patterns (or the reference guides)',
  help: `bek list [--type pattern|guide] [--scope S] [--level L] [--json]

Lists every pattern in the catalogue, grouped by scope, and ends with the count.

Options:
  --type T     pattern (default) or guide (the reference guides)
  --scope S    only this scope: ${Scope.options.join(', ')}
  --level L    only this level: ${Level.options.join(', ')}
  --json       print { total, patterns: [{ id, title, scope, level, summary }] }`,
  run(argv, ctx) {
    const { values, positionals } = parse(argv, {
      type: { type: 'string' },
      scope: { type: 'string' },
      level: { type: 'string' },
      json: { type: 'boolean' },
    });
    atMostPositionals(positionals, 1);
    const type = flag('type', Type, values.type ?? positionals[0]) ?? 'pattern';
    const filter = { scope: flag('scope', Scope, values.scope), level: flag('level', Level, values.level) };
    const { catalogue } = ctx.engine();
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
};
