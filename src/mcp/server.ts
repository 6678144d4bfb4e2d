import { McpServer } from '@modelcontextprotocol/server';
import type { Engine } from '../core/engine.js';
import { PATTERN_URI_TEMPLATE } from '../core/catalogue/uri.js';
import { registerCompletions } from './completion.js';
import { registerSkillPrompt, SKILL_PROMPT, taskCompleter } from './prompt.js';
import { registerAppView } from './app.js';
import { patternIdCompleter, registerResources } from './resources.js';
import { TOOLS } from './tools/index.js';
import type { ToolObserver } from './tools/tool.js';

const SERVER_NAME = 'backend-patterns';

const INSTRUCTIONS = `A curated catalogue of backend engineering patterns (API, database, security, reliability, observability, architecture).
- Designing a system: call select_pattern with the requirements; it runs the skill's selection matrix and returns patterns with reasons, caveats and the absolute constraints.
- A specific problem or symptom: call search_patterns, then get_pattern for the document (ask for sections to save tokens).
- The big picture of a scope: get_reference (api-patterns, database-patterns, ...). The prompt "backend-patterns" carries the whole skill.`;

/**
 * The catalogue cannot change while the process runs (it is loaded once), so every cacheable 2026-07-28
 * result may be kept an hour, by shared caches too: nothing in it depends on who asked.
 */
const CACHEABLE = { ttlMs: 3_600_000, cacheScope: 'public' } as const;
const CACHE_HINTS = {
  'server/discover': CACHEABLE,
  'tools/list': CACHEABLE,
  'prompts/list': CACHEABLE,
  'resources/list': CACHEABLE,
  'resources/templates/list': CACHEABLE,
  'resources/read': CACHEABLE,
};

/** Builds a fresh MCP server over the engine; nothing is global, so each transport may build as many as it needs. */
export function createServer(engine: Engine, version: string, observe?: ToolObserver): McpServer {
  const server = new McpServer(
    { name: SERVER_NAME, title: 'Backend Patterns', version },
    { instructions: INSTRUCTIONS, capabilities: { logging: {} }, cacheHints: CACHE_HINTS },
  );
  for (const tool of TOOLS) tool.register(server, engine, observe);
  registerResources(server, engine);
  registerAppView(server);
  registerSkillPrompt(server, engine);
  registerCompletions(server, {
    [`prompt:${SKILL_PROMPT}`]: { task: taskCompleter(engine) },
    [`resource:${PATTERN_URI_TEMPLATE}`]: { id: patternIdCompleter(engine) },
  });
  return server;
}
