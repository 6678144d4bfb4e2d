import { z } from 'zod';
import { SECTIONS } from '../../core/catalogue/schema.js';
import { renderPattern } from '../../output/render.js';
import { patternResult, referenceResult } from '../../output/results.js';
import { BekError } from '../../util/errors.js';
import { findPattern } from '../../core/lookup.js';
import { flag, parse, text } from '../args.js';
import { type Command, emit } from '../command.js';
import { styled } from '../io.js';

const USAGE = 'bek show <id> [--section NAME]... [--json]';
const Section = z.enum(SECTIONS);

export const show: Command = {
  name: 'show',
  summary: 'Show one pattern document (or a reference guide)',
  help: `${USAGE}

Prints the pattern document with that id; a guide name (e.g. api-patterns) prints that
guide, and "skill" prints SKILL.md.

Options:
  --section NAME   only this section of a pattern, repeatable: ${SECTIONS.join(', ')}
  --json           print the get_pattern result object (for a guide or the skill: get_reference's)

Example:
  bek show api-idempotency-keys --section Checklist`,
  run(argv, ctx) {
    const { values, positionals } = parse(argv, {
      section: { type: 'string', multiple: true },
      json: { type: 'boolean' },
    });
    const id = text(positionals, 'a pattern id', USAGE);
    const sections = (values.section ?? []).map((s) => flag('section', Section, s));
    const engine = ctx.engine();
    const reference = referenceResult(engine.catalogue, id);
    if (reference && sections.length > 0)
      throw new BekError('bad_input', `--section applies to pattern documents; "${id}" is a reference guide`);
    if (reference) return emit(ctx, values.json, reference, () => styled(ctx.io, reference.text));
    const result = patternResult(engine.catalogue, findPattern(engine, id), sections);
    return emit(ctx, values.json, result, () =>
      styled(ctx.io, renderPattern(result, { sources: sections.length === 0 })),
    );
  },
};
