import { REVIEW_NAMES } from '../../core/review/reviews.js';
import { PatternIds, ReviewName } from '../../output/inputs.js';
import { renderReview } from '../../output/render.js';
import { reviewResult } from '../../output/results.js';
import { BekError } from '../../util/errors.js';
import { flag } from '../args.js';
import { PATTERNS_DIR } from '../catalogue-flags.js';
import { command, emit } from '../command.js';
import { styled } from '../io.js';

export const review = command({
  name: 'review',
  summary: 'One merged checklist for the patterns applied (the VALIDATE step)',
  usage: 'bek review [<id>...] [--review NAME] [--patterns-dir DIR]... [--json]',
  description: `Merges the checklists of the given patterns and/or a named review, the skill's absolute
constraints first; each item appears once, with a stable id (pattern#n).`,
  options: {
    review: { value: 'NAME', help: `a named review: ${REVIEW_NAMES.join(', ')}` },
    ...PATTERNS_DIR,
    json: { help: 'print the review_checklist result object' },
  },
  footer: 'Examples:\n  bek review api-idempotency-keys rel-outbox\n  bek review --review production-readiness',
  run({ values, positionals }, ctx) {
    const name = flag('review', ReviewName, values.review);
    if (positionals.length === 0 && !name)
      throw new BekError('bad_input', 'name pattern ids or --review NAME. Usage: bek review [<id>...] [--review NAME]');
    const ids = positionals.length > 0 ? PatternIds.safeParse(positionals) : undefined;
    if (ids && !ids.success) throw new BekError('bad_input', ids.error.issues[0]?.message ?? 'invalid pattern ids');
    const result = reviewResult(ctx.engine(values['patterns-dir']), ids?.data ?? [], name);
    return emit(ctx, values.json, result, () => styled(ctx.io, renderReview(result)));
  },
});
