// `npm run session`: what an agent spends in context on three design sessions played end to end over
// stdio against the built server (build first): each step's tokens on each channel (the text content,
// and structuredContent, which some clients also hand to the model), at about 4 characters a token.
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../src/util/paths.js';
import { McpProcess } from './process.js';

const CLI = join(PACKAGE_ROOT, 'dist/cli.js');
const tokens = (value: unknown) =>
  Math.round((typeof value === 'string' ? value : JSON.stringify(value ?? '')).length / 4);

interface Step {
  label: string;
  method: string;
  params: Record<string, unknown>;
}
const tool = (label: string, name: string, args: Record<string, unknown>): Step => ({
  label,
  method: 'tools/call',
  params: { name, arguments: args },
});

const SESSIONS: { name: string; steps: Step[] }[] = [
  {
    name: 'Payments API with webhooks',
    steps: [
      tool('select', 'select_pattern', {
        requirements: 'Public REST API for payments; partners receive webhooks; calls a flaky bank API',
      }),
      tool('search', 'search_patterns', { query: 'customer charged twice when the client retries', limit: 3 }),
      tool('read Solution+Example', 'get_pattern', {
        id: 'api-idempotency-keys',
        sections: ['Solution', 'Example'],
        max_tokens: 1500,
      }),
      tool('read Checklist', 'get_pattern', { id: 'api-webhook-signatures', sections: ['Checklist'] }),
      tool('review', 'review_checklist', {
        patterns: ['api-idempotency-keys', 'api-webhook-signatures', 'rel-retries-backoff'],
      }),
    ],
  },
  {
    name: 'Event-driven order service',
    steps: [
      tool('select', 'select_pattern', {
        requirements:
          'Order service that publishes events after each write; consumers in other teams; must not lose events',
      }),
      tool('search', 'search_patterns', { query: 'publish event after database commit without losing it', limit: 3 }),
      tool('read Solution', 'get_pattern', { id: 'rel-outbox', sections: ['Solution'], max_tokens: 800 }),
      tool('review', 'review_checklist', { patterns: ['rel-outbox', 'rel-dead-letter-queue'], review: 'reliability' }),
    ],
  },
  {
    name: 'Internal admin CRUD app',
    steps: [
      tool('select', 'select_pattern', {
        requirements: 'Internal admin tool to list, create, edit and delete products; two developers',
      }),
      tool('read guide', 'get_reference', { name: 'api-patterns', max_tokens: 600 }),
      tool('review', 'review_checklist', { review: 'api' }),
    ],
  },
];

const server = new McpProcess(process.execPath, [CLI, 'serve'], { ...process.env, NO_COLOR: '1' });
try {
  await server.initialize();
  const list = await server.request('tools/list');
  const definitions = (list.tools as Record<string, unknown>[]).map((t) => ({
    name: t.name,
    description: t.description,
    inputSchema: t.inputSchema,
  }));
  console.log(`# agent context cost, ${new Date().toISOString()}\n`);
  console.log(`tools/list as a model sees it (name, description, input schema): ${tokens(definitions)} tokens\n`);
  for (const session of SESSIONS) {
    let text = 0;
    let structured = 0;
    console.log(`## ${session.name}\n\n| step | text | structuredContent |\n|---|---:|---:|`);
    for (const step of session.steps) {
      const result = await server.request(step.method, step.params);
      const content = (result.content as { type: string; text?: string }[] | undefined) ?? [];
      const t = content.reduce((n, c) => n + tokens(c.type === 'text' ? (c.text ?? '') : c), 0);
      const s = tokens(result.structuredContent);
      text += t;
      structured += s;
      console.log(`| ${step.label} | ${t} | ${s} |`);
    }
    console.log(`| **total** | **${text}** | **${structured}** |\n`);
  }
} finally {
  await server.close();
}
