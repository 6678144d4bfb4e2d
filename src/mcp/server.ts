import { McpServer } from '@modelcontextprotocol/server';
import type { Engine } from '../core/engine.js';
import { PATTERN_URI_TEMPLATE } from '../core/catalogue/uri.js';
import { registerCompletions } from './completion.js';
import { discoverEveryVersion } from './discover.js';
import { registerSkillPrompt, SKILL_PROMPT, taskCompleter } from './prompt.js';
import { registerAppView } from './app.js';
import { patternIdCompleter, registerResources } from './resources.js';
import { registerSkills } from './skills.js';
import { TOOLS } from './tools/index.js';
import type { ToolObserver } from './tools/tool.js';

const SERVER_NAME = 'backend-patterns';

const INSTRUCTIONS = `A curated catalogue of backend engineering patterns (API, database, security, reliability, observability, architecture).
- Designing a system: call select_pattern with the requirements; it runs the skill's selection matrix and returns patterns with reasons, caveats and the absolute constraints.
- A specific problem or symptom: call search_patterns, then get_pattern for the document (ask for sections to save tokens).
- The big picture of a scope: get_reference (api-patterns, database-patterns, ...). The prompt "backend-patterns" carries the whole skill.`;

/**
 * Without --watch the catalogue cannot change while the process runs (it is loaded once), so every
 * cacheable 2026-07-28 result may be kept an hour, by shared caches too: nothing in it depends on who
 * asked. With --watch a save is served within a second or so: a list may be kept 10 s (list_changed
 * tells a listening client sooner, and its cache drops the list), a document not at all, as no
 * notification would tell a client to drop its copy.
 */
const cacheHints = (listTtlMs: number, readTtlMs: number) => {
  const list = { ttlMs: listTtlMs, cacheScope: 'public' } as const;
  return {
    'server/discover': list,
    'tools/list': list,
    'prompts/list': list,
    'resources/list': list,
    'resources/templates/list': list,
    'resources/read': { ttlMs: readTtlMs, cacheScope: 'public' },
  } as const;
};
const CACHE_HINTS = cacheHints(3_600_000, 3_600_000);
const WATCH_CACHE_HINTS = cacheHints(10_000, 0);

/** What a connected server does when the catalogue was swapped (see announceSwap). */
const onSwap = new WeakMap<McpServer, (next: Engine) => void>();

/**
 * Builds a fresh MCP server over the engine; nothing is global, so each transport may build as many as it
 * needs. Given a function (`bek serve --watch`), every request reads the engine it returns then, and the
 * server declares listChanged for tools and resources; the prompt's list never changes (the skill is not
 * watched), so it never declares it.
 */
export function createServer(engine: Engine | (() => Engine), version: string, observe?: ToolObserver): McpServer {
  const watching = typeof engine === 'function';
  const current = watching ? engine : () => engine;
  const listChanged = { listChanged: watching };
  const hints = watching ? WATCH_CACHE_HINTS : CACHE_HINTS;
  const server = new McpServer(
    { name: SERVER_NAME, title: 'Backend Patterns', version },
    {
      instructions: INSTRUCTIONS,
      capabilities: { logging: {}, tools: listChanged, resources: listChanged, prompts: { listChanged: false } },
      cacheHints: hints,
    },
  );
  const refreshTools = TOOLS.map((tool) => tool.register(server, current, observe));
  registerResources(server, current);
  registerSkills(server, current, hints['resources/read']);
  registerAppView(server);
  registerSkillPrompt(server, current);
  registerCompletions(server, {
    [`prompt:${SKILL_PROMPT}`]: { task: taskCompleter(current()) },
    [`resource:${PATTERN_URI_TEMPLATE}`]: { id: patternIdCompleter(current) },
  });
  onSwap.set(server, (next) => {
    for (const refresh of refreshTools) refresh(next);
    server.sendResourceListChanged();
  });
  discoverEveryVersion(server);
  return server;
}

/**
 * Tells a connected server's client that the catalogue was swapped: resources/list_changed always (the
 * patterns changed), tools/list_changed when a tool's input did (a new team scope). On a 2026-07-28
 * connection the SDK delivers them on the client's subscriptions/listen stream.
 */
export const announceSwap = (server: McpServer, next: Engine) => onSwap.get(server)?.(next);
