import { z } from 'zod';
import { PatternId, Section } from '../../output/inputs.js';
import { findPattern } from '../../core/lookup.js';
import { renderPattern, withinBudget } from '../../output/render.js';
import { PatternResult, patternResult } from '../../output/results.js';
import { defineTool, toolResult } from './tool.js';
import { maxTokens } from './shared.js';

const Input = z.object({
  id: PatternId.describe('Pattern id from search_patterns or select_pattern, e.g. "api-idempotency-keys"'),
  sections: z
    .array(Section)
    .optional()
    .describe('Only these sections, to save tokens (e.g. ["Checklist"] or ["Solution", "Example"]); all when omitted'),
  max_tokens: maxTokens(50000),
});

export const getPattern = defineTool({
  name: 'get_pattern',
  title: 'Get a pattern document',
  description:
    'Read one pattern document by id: problem, when to use and not, solution, a TypeScript example, pitfalls, checklist, related patterns and sources. ' +
    'Call it after search_patterns or select_pattern; ask only for the sections you need (for example the Checklist when reviewing code).',
  input: () => Input,
  output: PatternResult,
  run(engine, { id, sections, max_tokens }) {
    const result = patternResult(engine.catalogue, findPattern(engine, id), sections);
    return toolResult(result, withinBudget(renderPattern(result), max_tokens));
  },
});
