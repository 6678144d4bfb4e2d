import type { McpServer } from '@modelcontextprotocol/server';
import { z } from 'zod';
import { SECTIONS } from '../../catalogue/schema.js';
import type { Engine } from '../../engine.js';
import { findPattern } from '../../lookup.js';
import { renderPattern, withinBudget } from '../../render.js';
import { PatternResult, patternResult } from '../../results.js';
import { guarded, toolResult } from '../result.js';
import { maxTokens, READ_ONLY } from './shared.js';

const Input = z.object({
  id: z.string().trim().min(1).max(100).describe('Pattern id from search_patterns or select_pattern, e.g. "api-idempotency-keys"'),
  sections: z
    .array(z.enum(SECTIONS))
    .optional()
    .describe('Only these sections, to save tokens (e.g. ["Checklist"] or ["Solution", "Example"]); all when omitted'),
  max_tokens: maxTokens(50000),
});

export const registerGetPatternTool = (server: McpServer, engine: Engine) =>
  server.registerTool(
    'get_pattern',
    {
      title: 'Get a pattern document',
      description:
        'Read one pattern document by id: problem, when to use and not, solution, a TypeScript example, pitfalls, checklist, related patterns and sources. ' +
        'Call it after search_patterns or select_pattern; ask only for the sections you need (for example the Checklist when reviewing code).',
      inputSchema: Input,
      outputSchema: PatternResult,
      annotations: READ_ONLY,
    },
    ({ id, sections, max_tokens }) =>
      guarded(() => {
        const result = patternResult(engine.catalogue, findPattern(engine, id), sections);
        return toolResult(result, withinBudget(renderPattern(result), max_tokens));
      }),
  );
