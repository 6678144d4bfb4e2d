import { renderSelection } from '../../output/render.js';
import { NeedName } from '../../output/results.js';
import { Requirements } from '../../output/inputs.js';
import { flag, text } from '../args.js';
import { PATTERNS_DIR } from '../catalogue-flags.js';
import { command, emit } from '../command.js';
import { styled } from '../io.js';

const USAGE = 'bek select <requirements> [--need NAME]... [--without NAME]... [--patterns-dir DIR]... [--json]';

export const select = command({
  name: 'select',
  summary: "Run the skill's selection matrix over requirements",
  usage: USAGE,
  description: `Maps free-text requirements to the selection matrix and the supporting patterns, with
why, caveats, what was declined and the absolute constraints.`,
  options: {
    need: { value: 'NAME', multiple: true, help: 'state a need the text may not show, repeatable' },
    without: {
      value: 'NAME',
      multiple: true,
      help: 'rule a need out, repeatable (an unknown name is answered with the list)',
    },
    ...PATTERNS_DIR,
    json: { help: 'print the select_pattern result object' },
  },
  footer: 'Example:\n  bek select "public REST API for payments; two teams deploy independently"',
  run({ values, positionals }, ctx) {
    const requirements = text(positionals, 'the requirements', USAGE, Requirements);
    const needs: Record<string, boolean> = {};
    for (const n of values.need ?? []) needs[flag('need', NeedName, n)] = true;
    for (const n of values.without ?? []) needs[flag('without', NeedName, n)] = false;
    const result = ctx.engine(values['patterns-dir']).select(requirements, needs);
    return emit(ctx, values.json, result, () => styled(ctx.io, renderSelection(result)));
  },
});
