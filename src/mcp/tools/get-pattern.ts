import { z } from 'zod';
import { PatternId, Section } from '../../output/inputs.js';
import { findPattern } from '../../core/lookup.js';
import { renderPattern } from '../../output/render.js';
import { PatternResult, patternResult } from '../../output/results.js';
import { defineTool, toolResult } from './tool.js';
import { patternWithinBudget, withinBudget, withoutLists } from '../../output/budget.js';
import { maxTokens } from './shared.js';

const Input = z.object({
  id: PatternId.describe('Pattern id, e.g. "api-idempotency-keys"'),
  sections: z.array(Section).optional().describe('Only these sections; all when omitted'),
  max_tokens: maxTokens(50000),
});

export const getPattern = defineTool({
  name: 'get_pattern',
  title: 'Get a pattern document',
  description:
    'Read one pattern document by id: problem, when (not) to use, solution, TypeScript example, pitfalls, checklist. ' +
    'Ask only for the sections you need, e.g. ["Solution", "Example"].',
  input: () => Input,
  output: PatternResult,
  run(engine, { id, sections, max_tokens }) {
    const result = patternResult(engine.catalogue, findPattern(engine, id), sections);
    // Asked for some sections, the structured result holds those and not the lists about the document.
    const structured = sections && sections.length > 0 ? withoutLists(result) : result;
    return toolResult(patternWithinBudget(structured, max_tokens), withinBudget(renderPattern(result), max_tokens));
  },
});
