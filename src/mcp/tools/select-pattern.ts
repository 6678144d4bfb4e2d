import type { McpServer } from '@modelcontextprotocol/server';
import { z } from 'zod';
import type { Engine } from '../../engine.js';
import { renderSelection, withinBudget } from '../../render.js';
import { SelectionResult } from '../../results.js';
import { NEED_KEYS, NEEDS } from '../../selection/needs.js';
import { guarded, toolResult } from '../result.js';
import { maxTokens, READ_ONLY } from './shared.js';

const Needs = z
  .object(Object.fromEntries(NEED_KEYS.map((k) => [k, z.boolean().optional().describe(NEEDS[k].description)])))
  .partial()
  .describe('Optional facts you already know: true adds a need, false rules it out even if the text suggests it');

const Input = z.object({
  requirements: z
    .string()
    .trim()
    .min(3)
    .max(4000)
    .describe('The system to build, in plain words: users, data, integrations, scale, teams, e.g. "public REST API for payments, 3 teams, calls a flaky bank API"'),
  needs: Needs.optional(),
  max_tokens: maxTokens(20000),
});

export const registerSelectPatternTool = (server: McpServer, engine: Engine) =>
  server.registerTool(
    'select_pattern',
    {
      title: 'Select patterns for requirements',
      description:
        "Run the backend-patterns skill's selection matrix over a system's requirements and get the architecture and API patterns to use, " +
        'each with why, the matrix row it came from and caveats; supporting patterns (rate limiting, idempotency, outbox, ...) the requirements call for; ' +
        'patterns considered and declined (microservices without team boundaries) with what to do instead; and the absolute constraints. ' +
        'Use it at the start of a design, before writing code.',
      inputSchema: Input,
      outputSchema: SelectionResult,
      annotations: READ_ONLY,
    },
    ({ requirements, needs, max_tokens }) =>
      guarded(() => {
        const result = engine.select(requirements, needs);
        return toolResult(result, withinBudget(renderSelection(result), max_tokens));
      }),
  );
