import { z } from 'zod';
import { renderSelection, withinBudget } from '../../output/render.js';
import { SelectionResult } from '../../output/results.js';
import { NEED_KEYS, NEEDS } from '../../core/selection/needs.js';
import { defineTool, toolResult } from './tool.js';
import { maxTokens } from './shared.js';
import { Requirements } from '../../output/inputs.js';

const Needs = z
  .object(Object.fromEntries(NEED_KEYS.map((k) => [k, z.boolean().optional().describe(NEEDS[k].description)])))
  .partial()
  .describe('Optional facts you already know: true adds a need, false rules it out even if the text suggests it');

const Input = z.object({
  requirements: Requirements.describe(
    'The system to build, in plain words: users, data, integrations, scale, teams, e.g. "public REST API for payments, 3 teams, calls a flaky bank API"',
  ),
  needs: Needs.optional(),
  max_tokens: maxTokens(20000),
});

export const selectPattern = defineTool({
  name: 'select_pattern',
  title: 'Select patterns for requirements',
  description:
    "Run the backend-patterns skill's selection matrix over a system's requirements and get the architecture and API patterns to use, " +
    'each with why, the matrix row it came from and caveats; supporting patterns (rate limiting, idempotency, outbox, ...) the requirements call for; ' +
    'patterns considered and declined (microservices without team boundaries) with what to do instead; and the absolute constraints. ' +
    'Use it at the start of a design, before writing code.',
  input: () => Input,
  output: SelectionResult,
  run(engine, { requirements, needs, max_tokens }) {
    const result = engine.select(requirements, needs);
    return toolResult(result, withinBudget(renderSelection(result), max_tokens));
  },
});
