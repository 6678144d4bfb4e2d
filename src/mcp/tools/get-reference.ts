import type { McpServer } from '@modelcontextprotocol/server';
import { z } from 'zod';
import { guideUri, SKILL_URI } from '../../catalogue/uri.js';
import type { Engine } from '../../engine.js';
import { withinBudget } from '../../render.js';
import { guarded, toolResult } from '../result.js';
import { maxTokens, READ_ONLY } from './shared.js';

const Output = z.object({ name: z.string(), title: z.string(), uri: z.string(), text: z.string() });

/** The skill and the reference guides, for clients that never let the model read resources. */
export function registerGetReferenceTool(server: McpServer, engine: Engine) {
  const { guides, skill } = engine.catalogue;
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
      outputSchema: Output,
      annotations: READ_ONLY,
    },
    ({ name, max_tokens }) =>
      guarded(() => {
        const guide = guides.find((g) => g.name === name);
        const result = guide
          ? { name, title: guide.title, uri: guideUri(guide.name), text: guide.body }
          : { name, title: 'Backend Patterns skill', uri: SKILL_URI, text: skill.text };
        return toolResult(result, withinBudget(result.text, max_tokens));
      }),
  );
}
