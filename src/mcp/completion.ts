import type { McpServer } from '@modelcontextprotocol/server';

/** Suggests values for one argument, given what the user has typed so far. */
export type Completer = (value: string) => string[];

/** Completers by reference: `prompt:<name>` or `resource:<uri template>`, then argument name. */
export type Completers = Record<string, Record<string, Completer>>;

const MAX_VALUES = 100; // the specification's cap on values in one completion result

// Own properties only: a client's argument name such as "constructor" must not reach Object.prototype.
const own = <T>(record: Record<string, T> | undefined, key: string) =>
  record && Object.hasOwn(record, key) ? record[key] : undefined;

/**
 * One `completion/complete` handler for the server. The SDK's built-in one answers -32602 for a prompt
 * or template it does not know; completion is only a typing aid, so an unknown reference or argument gets
 * an empty list instead, which is what the official conformance suite's completion-complete scenario expects.
 */
export function registerCompletions(server: McpServer, completers: Completers): void {
  server.server.registerCapabilities({ completions: {} });
  server.server.setRequestHandler('completion/complete', (request) => {
    const { ref, argument } = request.params;
    const key = ref.type === 'ref/prompt' ? `prompt:${ref.name}` : `resource:${ref.uri}`;
    const values = own(own(completers, key), argument.name)?.(argument.value) ?? [];
    return {
      completion: { values: values.slice(0, MAX_VALUES), total: values.length, hasMore: values.length > MAX_VALUES },
    };
  });
}
