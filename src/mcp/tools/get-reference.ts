import type { McpServer } from '@modelcontextprotocol/server';
import { z } from 'zod';
import type { Engine } from '../../engine.js';
import { withinBudget } from '../../render.js';
import { ReferenceResult, referenceResult } from '../../results.js';
import { guarded, toolResult } from '../result.js';
import { maxTokens, READ_ONLY } from './shared.js';

/** The skill and the reference guides, for clients that never let the model read resources. */
export function registerGetReferenceTool(server: McpServer, engine: Engine) {
  const { guides } = engine.catalogue;
  const names = ['skill', ...guides.map((g) => g.name)] as [string, ...string[]];
  const Input = z.object({
    name: z.enum(names).describe(`"skill" for SKILL.md, or a guide: ${guides.map((g) => g.name).join(', ')}`),
    max_tokens: maxTokens(50000),
  });
  return server.registerTool(
    'get_reference',
    {
      title: 'Read the skill or a reference guide',
      description:
        'Read the backend-patterns skill (SKILL.md: mission, selection matrix, best practices, absolute constraints) or a reference guide that ties a scope ' +
        'together (api-patterns: REST vs GraphQL vs RPC; database-patterns; security-patterns; reliability-patterns; observability-patterns; architecture-patterns). ' +
        'Use it for the big picture of a scope; use get_pattern for one pattern.',
      inputSchema: Input,
      outputSchema: ReferenceResult,
      annotations: READ_ONLY,
    },
    ({ name, max_tokens }) =>
      guarded(() => {
        const result = referenceResult(engine.catalogue, name) as ReferenceResult; // `name` is one of the enum's
        return toolResult(result, withinBudget(result.text, max_tokens));
      }),
  );
}
