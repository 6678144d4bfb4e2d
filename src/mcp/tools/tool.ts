import type { CallToolResult, McpServer } from '@modelcontextprotocol/server';
import { z } from 'zod';
import type { Engine } from '../../core/engine.js';
import { BekError } from '../../util/errors.js';
import { log } from '../../util/log.js';
import { APP_TOOL_META } from '../app.js';
import { READ_ONLY } from './shared.js';

/** How a tool call ended: a normal result, an error result the model can act on, or an unexpected exception. */
export type ToolOutcome = 'ok' | 'error_result' | 'exception';

/** One finished tool call, as an observer sees it. */
export interface ToolCallEvent {
  tool: string;
  durationMs: number;
  outcome: ToolOutcome;
}

/** Watches every call that reached a tool body (the SDK had already validated the arguments). */
export type ToolObserver = (event: ToolCallEvent) => void;

/** One tool: what a client sees of it, and its body over the engine. */
interface ToolSpec<I extends z.ZodObject> {
  name: string;
  title: string;
  description: string;
  /** The input schema; built from the engine when it depends on the catalogue (guide names, scopes). */
  input: (engine: Engine) => I;
  output: z.ZodObject;
  /** True for the tools whose results the MCP Apps view shows (app.ts). */
  view?: boolean;
  /** The body: a result, or a BekError that becomes an error result the model can act on. */
  run(engine: Engine, args: z.infer<I>): CallToolResult;
}

/**
 * A tool ready to register on a server: the type of its arguments stays inside. Each call runs on the
 * engine `current` gives then; `register` returns what to call after the engine was swapped, which updates
 * the input schema (and so sends tools/list_changed) only when the new catalogue changes it.
 */
export interface Tool {
  name: string;
  description: string;
  register(server: McpServer, current: () => Engine, observe?: ToolObserver): (next: Engine) => void;
}

export function defineTool<I extends z.ZodObject>(spec: ToolSpec<I>): Tool {
  return {
    name: spec.name,
    description: spec.description,
    register(server, current, observe) {
      const config = {
        title: spec.title,
        description: spec.description,
        inputSchema: spec.input(current()),
        outputSchema: spec.output,
        annotations: READ_ONLY,
        ...(spec.view && { _meta: APP_TOOL_META }),
      };
      const registered = server.registerTool(spec.name, config, ((args: z.infer<I>) =>
        call(spec.name, () => spec.run(current(), args), observe)) as never);
      let shape = JSON.stringify(z.toJSONSchema(config.inputSchema));
      return (next) => {
        const input = spec.input(next);
        const nextShape = JSON.stringify(z.toJSONSchema(input));
        if (nextShape === shape) return;
        shape = nextShape;
        registered.update({ paramsSchema: input as never });
      };
    },
  };
}

/** Runs a tool body, timing it for the observer; no stack trace or raw exception ever reaches the client. */
function call(tool: string, body: () => CallToolResult, observe?: ToolObserver): CallToolResult {
  const started = performance.now();
  let outcome: ToolOutcome = 'ok';
  let result: CallToolResult;
  try {
    result = body();
    if (result.isError) outcome = 'error_result';
  } catch (error) {
    outcome = error instanceof BekError ? 'error_result' : 'exception';
    const text =
      error instanceof BekError
        ? error.message
        : 'Internal error while running the tool; the server log has the details.';
    if (outcome === 'exception') log('error', 'tool failed', { tool, error: String(error) });
    result = { isError: true, content: [{ type: 'text', text }] };
  }
  observe?.({ tool, durationMs: performance.now() - started, outcome });
  return result;
}

/** A tool result with both the structured object and its Markdown rendering. */
export function toolResult(structured: object, text: string, extra: CallToolResult['content'] = []): CallToolResult {
  return { structuredContent: structured as Record<string, unknown>, content: [{ type: 'text', text }, ...extra] };
}
