import { Client, InMemoryTransport } from '@modelcontextprotocol/client';
import type { Engine } from '../src/core/engine.js';
import { createServer } from '../src/mcp/server.js';
import { median } from './stats.js';

/** Characters per token, the usual estimate for English text and JSON. */
const CHARS_PER_TOKEN = 4;

export interface ResultSize {
  calls: number;
  /** Calls that returned the full five hits, and the median size of those results. */
  fiveHitCalls: number;
  fiveHitTokens: number;
  fiveHitTextTokens: number;
  medianTokens: number;
  maxTokens: number;
}

/**
 * What a client receives from `search_patterns` with the default limit of 5, measured as the JSON of the whole
 * tool result (text, resource links and structuredContent) over a real in-process MCP connection.
 */
export async function measureResultSize(engine: Engine, queries: string[]): Promise<ResultSize> {
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  const server = createServer(engine, 'bench');
  const client = new Client({ name: 'bek-bench', version: '1.0.0' });
  await server.connect(serverSide);
  await client.connect(clientSide);
  const whole: number[] = [];
  const fiveWhole: number[] = [];
  const fiveText: number[] = [];
  try {
    for (const query of queries) {
      const result = await client.callTool({ name: 'search_patterns', arguments: { query } });
      const { content, structuredContent } = result as {
        content: { type: string; text?: string }[];
        structuredContent: { results: unknown[] };
      };
      const tokens = JSON.stringify({ content, structuredContent }).length / CHARS_PER_TOKEN;
      whole.push(tokens);
      if (structuredContent.results.length !== 5) continue;
      fiveWhole.push(tokens);
      fiveText.push(
        content.filter((c) => c.type === 'text').reduce((n, c) => n + (c.text?.length ?? 0), 0) / CHARS_PER_TOKEN,
      );
    }
  } finally {
    await client.close();
    await server.close();
  }
  return {
    calls: queries.length,
    fiveHitCalls: fiveWhole.length,
    fiveHitTokens: median(fiveWhole),
    fiveHitTextTokens: median(fiveText),
    medianTokens: median(whole),
    maxTokens: Math.max(...whole),
  };
}
