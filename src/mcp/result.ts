import type { CallToolResult } from '@modelcontextprotocol/server';
import { BekError } from '../errors.js';
import { log } from '../log.js';

/** How a tool call ended: a normal result, an error result the model can act on, or an unexpected exception. */
export type ToolOutcome = 'ok' | 'error_result' | 'exception';

// Results guarded() built from an unexpected exception; a WeakSet keeps the marker off the wire.
const fromException = new WeakSet<CallToolResult>();

/** A tool result with both the structured object and its Markdown rendering. */
export function toolResult(structured: object, text: string, extra: CallToolResult['content'] = []): CallToolResult {
  return { structuredContent: structured as Record<string, unknown>, content: [{ type: 'text', text }, ...extra] };
}

/** Runs a tool body; a BekError becomes an error result the model can act on, anything else a generic one (no stack traces). */
export async function guarded(body: () => CallToolResult | Promise<CallToolResult>): Promise<CallToolResult> {
  try {
    return await body();
  } catch (error) {
    const text = error instanceof BekError ? error.message : 'Internal error while running the tool; the server log has the details.';
    const result: CallToolResult = { isError: true, content: [{ type: 'text', text }] };
    if (!(error instanceof BekError)) {
      log('error', 'tool failed', { error: String(error) });
      fromException.add(result);
    }
    return result;
  }
}

/** Classifies a tool result, telling guarded()'s exception results apart from deliberate error results. */
export function outcomeOf(result: CallToolResult): ToolOutcome {
  if (fromException.has(result)) return 'exception';
  return result.isError ? 'error_result' : 'ok';
}
