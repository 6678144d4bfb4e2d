import type { CallToolResult } from '@modelcontextprotocol/server';
import { BekError } from '../errors.js';
import { log } from '../log.js';

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
    if (!(error instanceof BekError)) log('error', 'tool failed', { error: String(error) });
    return { isError: true, content: [{ type: 'text', text }] };
  }
}
