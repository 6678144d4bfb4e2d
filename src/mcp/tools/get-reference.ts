import { z } from 'zod';
import type { Engine } from '../../core/engine.js';
import { ReferenceResult, referenceResult } from '../../output/results.js';
import { defineTool, toolResult } from './tool.js';
import { referenceWithinBudget, withinBudget } from '../../output/budget.js';
import { maxTokens } from './shared.js';

/** The input names the skill and the catalogue's guides. */
function input(engine: Engine) {
  const { guides } = engine.catalogue;
  const names = ['skill', ...guides.map((g) => g.name)] as [string, ...string[]];
  return z.object({
    name: z.enum(names).describe('"skill" for SKILL.md, or a guide'),
    max_tokens: maxTokens(50000),
  });
}

/** The skill and the reference guides, for clients that never let the model read resources. */
export const getReference = defineTool({
  name: 'get_reference',
  title: 'Read the skill or a reference guide',
  description:
    'Read the backend-patterns skill (SKILL.md: matrix, best practices, absolute constraints) or the reference guide ' +
    'of a scope, for the big picture; get_pattern reads one pattern.',
  input,
  output: ReferenceResult,
  run(engine, { name, max_tokens }) {
    const result = referenceResult(engine.catalogue, name) as ReferenceResult; // `name` is one of the enum's
    return toolResult(referenceWithinBudget(result, max_tokens), withinBudget(result.text, max_tokens));
  },
});
