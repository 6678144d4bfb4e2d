import { z } from 'zod';
import { PatternIds, ReviewName } from '../../output/inputs.js';
import { reviewWithinBudget, withinBudget } from '../../output/budget.js';
import { renderReview } from '../../output/render.js';
import { ReviewResult, reviewResult } from '../../output/results.js';
import { BekError } from '../../util/errors.js';
import { maxTokens } from './shared.js';
import { defineTool, toolResult } from './tool.js';

const Input = z.object({
  patterns: PatternIds.optional().describe(
    'Ids of the patterns you applied, e.g. ["api-idempotency-keys", "rel-outbox"]',
  ),
  review: ReviewName.optional().describe('A named review, adding its patterns'),
  max_tokens: maxTokens(20000),
});

export const reviewChecklist = defineTool({
  name: 'review_checklist',
  title: 'Review checklist (VALIDATE)',
  description:
    'The VALIDATE step: one merged checklist for the patterns you applied and/or a named review, the absolute ' +
    'constraints first, each item once with a stable id. Call it before calling the work done.',
  input: () => Input,
  view: true,
  output: ReviewResult,
  run(engine, { patterns, review, max_tokens }) {
    if (!patterns && !review)
      throw new BekError('bad_input', 'Send patterns (ids) or review (a named review), or both.');
    const result = reviewResult(engine, patterns ?? [], review);
    return toolResult(reviewWithinBudget(result, max_tokens), withinBudget(renderReview(result), max_tokens));
  },
});
