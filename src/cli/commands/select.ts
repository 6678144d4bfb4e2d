import { renderSelection } from '../../output/render.js';
import { NeedName } from '../../output/results.js';
import { NEED_KEYS } from '../../core/selection/needs.js';
import { flag, parse, text } from '../args.js';
import { type Command, emit } from '../command.js';
import { styled } from '../io.js';

const USAGE = 'bek select <requirements> [--need NAME]... [--without NAME]... [--json]';

export const select: Command = {
  name: 'select',
  summary: "Run the skill's selection matrix over requirements",
  help: `${USAGE}

Maps free-text requirements to the selection matrix and the supporting patterns, with
why, caveats, what was declined and the absolute constraints.

Options:
  --need NAME      state a need the text may not show, repeatable
  --without NAME   rule a need out, repeatable
                   needs: ${NEED_KEYS.join(', ')}
  --json           print the select_pattern result object

Example:
  bek select "public REST API for payments; two teams deploy independently"`,
  run(argv, ctx) {
    const { values, positionals } = parse(argv, {
      need: { type: 'string', multiple: true },
      without: { type: 'string', multiple: true },
      json: { type: 'boolean' },
    });
    const requirements = text(positionals, 'the requirements', USAGE);
    const needs: Record<string, boolean> = {};
    for (const n of values.need ?? []) needs[flag('need', NeedName, n)] = true;
    for (const n of values.without ?? []) needs[flag('without', NeedName, n)] = false;
    const result = ctx.engine().select(requirements, needs);
    return emit(ctx, values.json, result, () => styled(ctx.io, renderSelection(result)));
  },
};
