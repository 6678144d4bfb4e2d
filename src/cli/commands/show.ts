import { z } from 'zod';
import { SECTIONS } from '../../catalogue/schema.js';
import { renderPattern } from '../../render.js';
import { patternResult } from '../../results.js';
import { findPattern } from '../../lookup.js';
import { flag, parse, text } from '../args.js';
import { type Command, emit } from '../command.js';
import { styled } from '../io.js';

const USAGE = 'bek show <id> [--section NAME]... [--json]';
const Section = z.enum(SECTIONS);

export const show: Command = {
  name: 'show',
  summary: 'Show one pattern document (or a reference guide)',
  help: `${USAGE}

Prints the pattern document with that id; a guide name (e.g. api-patterns) prints that guide.

Options:
  --section NAME   only this section, repeatable: ${SECTIONS.join(', ')}
  --json           print the get_pattern result object

Example:
  bek show api-idempotency-keys --section Checklist`,
  run(argv, ctx) {
    const { values, positionals } = parse(argv, { section: { type: 'string', multiple: true }, json: { type: 'boolean' } });
    const id = text(positionals, 'a pattern id', USAGE);
    const sections = (values.section ?? []).map((s) => flag('section', Section, s));
    const engine = ctx.engine();
    const guide = engine.catalogue.guides.find((g) => g.name === id);
    if (guide) return emit(ctx, values.json, guide, () => styled(ctx.io, guide.body));
    const result = patternResult(engine.catalogue, findPattern(engine, id), sections);
    return emit(ctx, values.json, result, () => styled(ctx.io, renderPattern(result, { sources: sections.length === 0 })));
  },
};
