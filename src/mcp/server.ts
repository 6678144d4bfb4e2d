import { McpServer } from '@modelcontextprotocol/server';
import type { Engine } from '../engine.js';
import { registerSkillPrompt } from './prompt.js';
import { registerResources } from './resources.js';
import { registerGetPatternTool } from './tools/get-pattern.js';
import { registerGetReferenceTool } from './tools/get-reference.js';
import { registerSearchPatternsTool } from './tools/search-patterns.js';
import { registerSelectPatternTool } from './tools/select-pattern.js';

export const SERVER_NAME = 'backend-patterns';

const INSTRUCTIONS = `A curated catalogue of backend engineering patterns (API, database, security, reliability, observability, architecture).
- Designing a system: call select_pattern with the requirements; it runs the skill's selection matrix and returns patterns with reasons, caveats and the absolute constraints.
- A specific problem or symptom: call search_patterns, then get_pattern for the document (ask for sections to save tokens).
- The big picture of a scope: get_reference (api-patterns, database-patterns, ...). The prompt "backend-patterns" carries the whole skill.`;

/** Builds a fresh MCP server over the engine; nothing is global, so each transport may build as many as it needs. */
export function createServer(engine: Engine, version: string): McpServer {
  const server = new McpServer(
    { name: SERVER_NAME, title: 'Backend Patterns', version },
    { instructions: INSTRUCTIONS, capabilities: { logging: {} } },
  );
  registerSearchPatternsTool(server, engine);
  registerSelectPatternTool(server, engine);
  registerGetPatternTool(server, engine);
  registerGetReferenceTool(server, engine);
  registerResources(server, engine);
  registerSkillPrompt(server, engine);
  return server;
}
