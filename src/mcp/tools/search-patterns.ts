import { z } from 'zod';
import { DEFAULT_LIMIT, Level, Limit, Query, Scope } from '../../output/inputs.js';
import { renderSearch, withinBudget } from '../../output/render.js';
import { SearchResult, searchResult } from '../../output/results.js';
import { defineTool, toolResult } from './tool.js';
import { maxTokens } from './shared.js';

const Input = z.object({
  query: Query.describe(
    'What you need, in plain words: a problem, symptom, requirement or pattern name, e.g. "client retries create duplicate orders" or "rate limiting"',
  ),
  scope: Scope.optional().describe('Only patterns of this scope'),
  level: Level.optional().describe('Only patterns of this level'),
  limit: Limit.default(DEFAULT_LIMIT).describe('Most results to return (1-50, default 5)'),
  max_tokens: maxTokens(20000),
});

export const searchPatterns = defineTool({
  name: 'search_patterns',
  title: 'Search backend patterns',
  description:
    'Find backend engineering patterns (API design, database, security, reliability, observability, architecture) that address a problem. ' +
    'Use it when a user describes a need or symptom ("charged twice when the client retries", "N+1 queries", "rate limit a public API") ' +
    'and you want the vetted pattern for it. Returns ranked ids with one-line summaries; fetch a full document with get_pattern. ' +
    'When nothing matches well, the result says so and names the closest patterns and scopes to try.',
  input: () => Input,
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
