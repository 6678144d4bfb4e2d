import { z } from 'zod';
import { DEFAULT_LIMIT, Level, Limit, Query } from '../../output/inputs.js';
import { withinBudget } from '../../output/budget.js';
import { renderSearch } from '../../output/render.js';
import { SearchResult, searchResult } from '../../output/results.js';
import type { Catalogue } from '../../core/catalogue/types.js';
import { defineTool, toolResult } from './tool.js';
import { maxTokens } from './shared.js';

// The scopes are the catalogue's: a team folder may declare more than the built-in six.
const input = (catalogue: Catalogue) =>
  z.object({
    query: Query.describe('A problem, symptom or pattern name in plain words'),
    scope: z
      .enum(catalogue.scopes as [string, ...string[]])
      .optional()
      .describe('Filter by scope'),
    level: Level.optional().describe('Filter by level'),
    limit: Limit.default(DEFAULT_LIMIT).describe('Most results (default 5)'),
    max_tokens: maxTokens(20000),
  });

export const searchPatterns = defineTool({
  name: 'search_patterns',
  title: 'Search backend patterns',
  description:
    'Find the backend pattern (API, database, security, reliability, observability, architecture) for a problem, ' +
    'symptom or name, e.g. "charged twice on retry". Ranked ids, summaries; read one with get_pattern. ' +
    'Score >=0.5: nearly always right; 0.3-0.5: check the summary; <0.3: a guess. No results: not covered.',
  input: (engine) => input(engine.catalogue),
  view: true,
  output: SearchResult,
  run(engine, { query, scope, level, limit, max_tokens }) {
    const result = searchResult(engine, query, { scope, level, limit });
    // No description on the links: the summary is already in the text and in structuredContent.
    const links = result.results.map((h) => ({
      type: 'resource_link' as const,
      uri: h.uri,
      name: h.id,
      title: h.title,
      mimeType: 'text/markdown',
    }));
    return toolResult(result, withinBudget(renderSearch(result), max_tokens), links);
  },
});
