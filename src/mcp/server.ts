import { McpServer } from '@modelcontextprotocol/server';
import type { Engine } from '../engine.js';
import { PATTERN_URI_TEMPLATE } from '../catalogue/uri.js';
import { registerCompletions } from './completion.js';
import { registerSkillPrompt, SKILL_PROMPT, taskCompleter } from './prompt.js';
import { patternIdCompleter, registerResources } from './resources.js';
import { outcomeOf, type ToolOutcome } from './result.js';
import { registerGetPatternTool } from './tools/get-pattern.js';
import { registerGetReferenceTool } from './tools/get-reference.js';
import { registerSearchPatternsTool } from './tools/search-patterns.js';
import { registerSelectPatternTool } from './tools/select-pattern.js';

const SERVER_NAME = 'backend-patterns';

const INSTRUCTIONS = `A curated catalogue of backend engineering patterns (API, database, security, reliability, observability, architecture).
- Designing a system: call select_pattern with the requirements; it runs the skill's selection matrix and returns patterns with reasons, caveats and the absolute constraints.
- A specific problem or symptom: call search_patterns, then get_pattern for the document (ask for sections to save tokens).
- The big picture of a scope: get_reference (api-patterns, database-patterns, ...). The prompt "backend-patterns" carries the whole skill.`;

/** One finished tool call, as an observer sees it. */
export interface ToolCallEvent {
  tool: string;
  durationMs: number;
  outcome: ToolOutcome;
}

/** Watches tools without the tools knowing: which exist, and every call that reached a tool body. */
export interface ToolObserver {
  /** A tool was registered on a fresh server (so a transport can tell real tool names from made-up ones). */
  registered?(tool: string): void;
  /** A tool body finished (the SDK had already validated the arguments). */
  called(event: ToolCallEvent): void;
}

/** Builds a fresh MCP server over the engine; nothing is global, so each transport may build as many as it needs. */
export function createServer(engine: Engine, version: string, observer?: ToolObserver): McpServer {
  const server = new McpServer(
    { name: SERVER_NAME, title: 'Backend Patterns', version },
    { instructions: INSTRUCTIONS, capabilities: { logging: {} } },
  );
  if (observer) observeTools(server, observer);
  registerSearchPatternsTool(server, engine);
  registerSelectPatternTool(server, engine);
  registerGetPatternTool(server, engine);
  registerGetReferenceTool(server, engine);
  registerResources(server, engine);
  registerSkillPrompt(server, engine);
  registerCompletions(server, {
    [`prompt:${SKILL_PROMPT}`]: { task: taskCompleter(engine) },
    [`resource:${PATTERN_URI_TEMPLATE}`]: { id: patternIdCompleter(engine) },
  });
  return server;
}

type AnyCallback = (...args: unknown[]) => unknown;

// Wrapping registration (rather than each tool file) times every tool the same way and keeps the tools unaware of it.
function observeTools(server: McpServer, observer: ToolObserver): void {
  const register = server.registerTool.bind(server) as (name: string, config: unknown, callback: AnyCallback) => unknown;
  const timed = (tool: string, callback: AnyCallback): AnyCallback => async (...args) => {
    const started = performance.now();
    let outcome: ToolOutcome = 'exception';
    try {
      const result = await callback(...args);
      outcome = outcomeOf(result as Parameters<typeof outcomeOf>[0]);
      return result;
    } finally {
      observer.called({ tool, durationMs: performance.now() - started, outcome });
    }
  };
  server.registerTool = ((name: string, config: unknown, callback: AnyCallback) => {
    observer.registered?.(name);
    return register(name, config, timed(name, callback));
  }) as unknown as McpServer['registerTool'];
}
