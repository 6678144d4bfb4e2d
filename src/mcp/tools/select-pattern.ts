import { z } from 'zod';
import { withinBudget } from '../../output/budget.js';
import { renderSelection } from '../../output/render.js';
import { NeedName, SelectionResult } from '../../output/results.js';
import { defineTool, toolResult } from './tool.js';
import { maxTokens } from './shared.js';
import { Requirements } from '../../output/inputs.js';

const Input = z.object({
  requirements: Requirements.describe('The system in plain words: users, data, integrations, scale, teams'),
  needs: z
    .array(NeedName)
    .max(100)
    .optional()
    .describe("Need names (as in an answer's needs) to add when the text is silent; unknown ones get the list"),
  without: z.array(NeedName).max(100).optional().describe('Need names to rule out'),
  max_tokens: maxTokens(20000),
});

export const selectPattern = defineTool({
  name: 'select_pattern',
  title: 'Select patterns for requirements',
  description:
    "Run the skill's selection matrix over a system's requirements: patterns to use with why and caveats, supporting " +
    'patterns, what is declined and what instead, and the absolute constraints; ranked, strongest first, each ' +
    'quoting its evidence, and empty when nothing calls for a pattern. Call it first when designing.',
  input: () => Input,
  view: true,
  output: SelectionResult,
  run(engine, { requirements, needs, without, max_tokens }) {
    const explicit = Object.fromEntries([
      ...(needs ?? []).map((n) => [n, true] as const),
      ...(without ?? []).map((n) => [n, false] as const),
    ]);
    const result = engine.select(requirements, explicit);
    return toolResult(result, withinBudget(renderSelection(result), max_tokens));
  },
});
