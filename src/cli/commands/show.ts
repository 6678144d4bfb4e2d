import { PatternId, Section } from '../../output/inputs.js';
import { SECTIONS } from '../../core/catalogue/schema.js';
import { renderPattern } from '../../output/render.js';
import { patternResult, referenceResult } from '../../output/results.js';
import { BekError } from '../../util/errors.js';
import { findPattern } from '../../core/lookup.js';
import { flag, text } from '../args.js';
import { PATTERNS_DIR } from '../catalogue-flags.js';
import { command, emit } from '../command.js';
import { styled } from '../io.js';

const USAGE = 'bek show <id> [--section NAME]... [--patterns-dir DIR]... [--json]';

export const show = command({
  name: 'show',
  summary: 'Show one pattern document (or a reference guide)',
  usage: USAGE,
  description: `Prints the pattern document with that id; a guide name (e.g. api-patterns) prints that
guide, and "skill" prints SKILL.md.`,
  options: {
    section: {
      value: 'NAME',
      multiple: true,
      help: `only this section of a pattern, repeatable: ${SECTIONS.join(', ')}`,
    },
    ...PATTERNS_DIR,
    json: { help: "print the get_pattern result object (for a guide or the skill: get_reference's)" },
  },
  footer: 'Example:\n  bek show api-idempotency-keys --section Checklist',
  run({ values, positionals }, ctx) {
    const id = text(positionals, 'a pattern id', USAGE, PatternId);
    const sections = (values.section ?? []).map((s) => flag('section', Section, s));
    const engine = ctx.engine(values['patterns-dir']);
    const reference = referenceResult(engine.catalogue, id);
    if (reference && sections.length > 0)
      throw new BekError('bad_input', `--section applies to pattern documents; "${id}" is a reference guide`);
    if (reference) return emit(ctx, values.json, reference, () => styled(ctx.io, reference.text));
    const result = patternResult(engine.catalogue, findPattern(engine, id), sections);
    return emit(ctx, values.json, result, () =>
      styled(ctx.io, renderPattern(result, { sources: sections.length === 0 })),
    );
  },
});
