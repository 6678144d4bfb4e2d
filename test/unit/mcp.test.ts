import type { Client } from '@modelcontextprotocol/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SECTIONS } from '../../src/core/catalogue/schema.js';
import { shippedEngine } from '../helpers/engine.js';
import { connectInProcess } from '../helpers/mcp.js';

type Content = { type: string; text?: string; uri?: string };
const textOf = (content: unknown) =>
  (content as Content[])
    .filter((c) => c.type === 'text')
    .map((c) => c.text)
    .join('\n');

describe.each(['legacy', 'modern'] as const)('MCP server in-process (%s era)', (era) => {
  let client: Client;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ client, close } = await connectInProcess(era));
  });
  afterAll(() => close());

  it('negotiates the era it was asked for', () => {
    expect(client.getProtocolEra()).toBe(era);
  });

  it('lists the tools with titles, read-only annotations, output schemas and described fields', async () => {
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual([
      'get_pattern',
      'get_reference',
      'review_checklist',
      'search_patterns',
      'select_pattern',
    ]);
    for (const tool of tools) {
      expect(tool.title, tool.name).toBeTruthy();
      expect(tool.description?.length, tool.name).toBeGreaterThan(80);
      expect(tool.annotations).toMatchObject({ readOnlyHint: true, openWorldHint: false });
      expect(tool.outputSchema?.type).toBe('object');
      const props = tool.inputSchema.properties as Record<string, { description?: string }>;
      for (const [name, schema] of Object.entries(props))
        expect(schema.description, `${tool.name}.${name}`).toBeTruthy();
    }
  });

  it('says the catalogue is cacheable: an hour, public, on every list and read (2026-07-28)', async () => {
    const results = [
      await client.listTools(),
      await client.listPrompts(),
      await client.listResources(),
      await client.listResourceTemplates(),
      await client.readResource({ uri: 'bek://patterns/rel-outbox' }),
    ] as { ttlMs?: number; cacheScope?: string }[];
    for (const r of results) {
      if (era === 'modern') expect(r).toMatchObject({ ttlMs: 3_600_000, cacheScope: 'public' });
      else expect(r.ttlMs).toBeUndefined();
    }
  });

  it('max_tokens bounds structuredContent as well as the text, and says what was cut', async () => {
    for (const max_tokens of [300, 600, 1000]) {
      const result = await client.callTool({ name: 'get_pattern', arguments: { id: 'rel-outbox', max_tokens } });
      const structured = result.structuredContent as { truncated?: boolean; omitted?: string[] };
      expect(JSON.stringify(structured).length / 4, `structured at ${max_tokens}`).toBeLessThanOrEqual(
        max_tokens * 1.1,
      );
      expect(((result.content as { text: string }[])[0]?.text.length ?? 0) / 4).toBeLessThanOrEqual(max_tokens * 1.1);
      expect(structured.truncated).toBe(true);
      expect(structured.omitted?.length).toBeGreaterThan(0);
    }
    const whole = await client.callTool({
      name: 'get_pattern',
      arguments: { id: 'rel-outbox', sections: ['Checklist'] },
    });
    expect((whole.structuredContent as { truncated?: boolean }).truncated).toBeUndefined();
    const review = await client.callTool({
      name: 'review_checklist',
      arguments: { review: 'security', max_tokens: 800 },
    });
    const r = review.structuredContent as { truncated?: boolean; omitted?: string[]; constraints: unknown[] };
    expect(JSON.stringify(r).length / 4).toBeLessThanOrEqual(880);
    expect(r.truncated).toBe(true);
    expect(r.omitted?.length).toBeGreaterThan(0);
    expect(r.constraints.length).toBeGreaterThan(0);
    const guide = await client.callTool({ name: 'get_reference', arguments: { name: 'skill', max_tokens: 200 } });
    expect(JSON.stringify(guide.structuredContent).length / 4).toBeLessThanOrEqual(220);
    expect((guide.structuredContent as { truncated?: boolean }).truncated).toBe(true);
  });

  it('keeps tool definitions, as a model sees them, within 1,200 tokens in a fixed order', async () => {
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name)).toEqual([
      'search_patterns',
      'select_pattern',
      'get_pattern',
      'review_checklist',
      'get_reference',
    ]);
    const seen = tools.map((t) =>
      JSON.stringify({ name: t.name, description: t.description, inputSchema: t.inputSchema }),
    );
    expect(seen.join('').length / 4).toBeLessThanOrEqual(1200);
  });

  it('select_pattern takes needs and without as lists of need names', async () => {
    const result = await client.callTool({
      name: 'select_pattern',
      arguments: { requirements: 'Platform for an online shop', needs: ['team_boundaries', 'independent_deployment'] },
    });
    const r = result.structuredContent as { recommendations: { id: string }[] };
    expect(r.recommendations.map((x) => x.id)).toContain('arch-microservices');
    const ruled = await client.callTool({
      name: 'select_pattern',
      arguments: { requirements: 'Several teams own parts of a large scalable shop', without: ['team_boundaries'] },
    });
    const out = ruled.structuredContent as { recommendations: { id: string }[] };
    expect(out.recommendations.map((x) => x.id)).not.toContain('arch-microservices');
    const bad = await client.callTool({
      name: 'select_pattern',
      arguments: { requirements: 'An online shop', without: ['no_such_need'] },
    });
    expect(bad.isError).toBe(true);
    expect((bad.content as { text: string }[])[0]?.text).toMatch(/no_such_need/);
  });

  it('review_checklist merges the constraints and each pattern items once, with stable ids', async () => {
    const result = await client.callTool({
      name: 'review_checklist',
      arguments: { patterns: ['api-idempotency-keys', 'rel-outbox', 'api-idempotency-keys'] },
    });
    const r = result.structuredContent as {
      constraints: { id: string }[];
      patterns: { id: string; items: { id: string; text: string }[] }[];
      total: number;
    };
    expect(r.constraints[0]?.id).toBe('constraint#1');
    expect(r.patterns.map((p) => p.id)).toEqual(['api-idempotency-keys', 'rel-outbox']);
    const ids = [...r.constraints, ...r.patterns.flatMap((p) => p.items)].map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(r.total).toBe(ids.length);
    expect(r.patterns[0]?.items[0]?.id).toBe('api-idempotency-keys#1');
    const text = (result.content as { text: string }[])[0]?.text ?? '';
    expect(text.indexOf('Absolute constraints')).toBeLessThan(text.indexOf('Idempotency Keys'));
  });

  it('review_checklist runs each named review, and refuses an unknown id naming the closest', async () => {
    for (const review of ['api', 'database', 'security', 'reliability', 'production-readiness', 'multi-tenancy']) {
      const result = await client.callTool({ name: 'review_checklist', arguments: { review } });
      expect(result.isError, review).toBeFalsy();
      const r = result.structuredContent as { review: { name: string }; patterns: unknown[] };
      expect(r.review.name).toBe(review);
      expect(r.patterns.length, review).toBeGreaterThan(0);
    }
    const unknown = await client.callTool({ name: 'review_checklist', arguments: { patterns: ['rel-outbx'] } });
    expect(unknown.isError).toBe(true);
    expect((unknown.content as { text: string }[])[0]?.text).toMatch(/Closest ids: rel-outbox/);
    const empty = await client.callTool({ name: 'review_checklist', arguments: {} });
    expect(empty.isError).toBe(true);
  });

  it('search_patterns ranks API Error Model first for "error model" in scope api, with uris and resource links', async () => {
    const result = await client.callTool({
      name: 'search_patterns',
      arguments: { query: 'error model', scope: 'api' },
    });
    const structured = result.structuredContent as {
      query: string;
      total: number;
      results: { id: string; uri: string; scope: string }[];
    };
    expect(result.isError).toBeFalsy();
    expect(structured.results[0]?.id).toBe('api-error-model');
    expect(structured.results.every((r) => r.scope === 'api')).toBe(true);
    expect(structured.results[0]?.uri).toBe('bek://patterns/api-error-model');
    const links = (result.content as Content[]).filter((c) => c.type === 'resource_link');
    expect(links.map((l) => l.uri)).toEqual(structured.results.map((r) => r.uri));
    expect(textOf(result.content)).toContain('API Error Model');
  });

  it('search_patterns honours limit and says so when nothing matches', async () => {
    const limited = await client.callTool({ name: 'search_patterns', arguments: { query: 'database', limit: 2 } });
    expect((limited.structuredContent as { results: unknown[] }).results).toHaveLength(2);
    const none = await client.callTool({ name: 'search_patterns', arguments: { query: 'banana smoothie recipe' } });
    const s = none.structuredContent as {
      total: number;
      results: unknown[];
      suggestions?: { message: string; scopes: string[] };
    };
    expect(s.total).toBe(0);
    expect(s.suggestions?.message).toMatch(/No pattern matches/);
    expect(s.suggestions?.scopes.length).toBeGreaterThan(0);
  });

  it('search_patterns answers questions from other fields with no result, and documents its score bands', async () => {
    const search = async (query: string) =>
      (await client.callTool({ name: 'search_patterns', arguments: { query } })).structuredContent as {
        total: number;
        results: { id: string; score: number }[];
      };
    // Each of these got a least-bad hit before (Rate Limiting, Dead-Letter Queue, Retries...).
    for (const query of [
      'center a div vertically with flexbox',
      'useEffect runs twice in strict mode',
      'pandas merge two dataframes on a column',
      'excel vlookup returns n/a',
    ]) {
      expect(await search(query), query).toMatchObject({ total: 0, results: [] });
    }
    // Another field's word does not turn away a question the catalogue answers.
    const covered = await search('where do I keep oauth tokens for a react spa');
    expect(covered.results[0]?.id).toBe('arch-backends-for-frontends');
    const tools = (await client.listTools()).tools;
    expect(tools.find((t) => t.name === 'search_patterns')?.description).toMatch(/>=0\.5.*<0\.3/);
  });

  it('rejects bad arguments with an error result that says what to send, without a stack trace', async () => {
    const result = await client.callTool({
      name: 'search_patterns',
      arguments: { query: 'x', scope: 'frontend', limit: 0 },
    });
    expect(result.isError).toBe(true);
    const text = textOf(result.content);
    expect(text).toMatch(/scope/);
    expect(text).toMatch(/api.*database.*security/s);
    expect(text).not.toMatch(/\n\s+at /);
  });

  it('select_pattern runs the matrix and returns the absolute constraints', async () => {
    const result = await client.callTool({
      name: 'select_pattern',
      arguments: { requirements: 'A simple CRUD API for a todo app backed by PostgreSQL' },
    });
    const s = result.structuredContent as {
      recommendations: { id: string; requirement: string }[];
      constraints: string[];
    };
    expect(s.recommendations.map((r) => r.id)).toEqual(
      expect.arrayContaining(['api-rest', 'arch-mvc', 'db-repository']),
    );
    expect(s.recommendations.find((r) => r.id === 'api-rest')?.requirement).toBe('Simple CRUD API');
    expect(s.constraints).toContain('MANDATORY: Implement rate limiting for public APIs (how: sec-rate-limiting)');
    // The constraint behind "sanitize all output" names its document.
    expect(s.constraints.find((c) => c.includes('Sanitize all output'))).toMatch(/\(how: sec-injection-prevention\)$/);
  });

  it('get_pattern returns only the sections asked for, and advice for an unknown id', async () => {
    const result = await client.callTool({
      name: 'get_pattern',
      arguments: { id: 'rel-outbox', sections: ['Checklist'] },
    });
    const p = result.structuredContent as { id: string; sections: { name: string; text: string }[] };
    expect(p.id).toBe('rel-outbox');
    expect(p.sections.map((s) => s.name)).toEqual(['Checklist']);
    expect(textOf(result.content)).toContain('- [ ]');
    const full = await client.callTool({ name: 'get_pattern', arguments: { id: 'rel-outbox' } });
    expect((full.structuredContent as { sections: unknown[] }).sections).toHaveLength(SECTIONS.length);
    const unknown = await client.callTool({ name: 'get_pattern', arguments: { id: 'outbox' } });
    expect(unknown.isError).toBe(true);
    expect(textOf(unknown.content)).toMatch(/Unknown pattern id "outbox".*rel-outbox.*search/s);
  });

  it('get_reference reaches the skill and every guide', async () => {
    const skill = await client.callTool({ name: 'get_reference', arguments: { name: 'skill' } });
    expect(textOf(skill.content)).toContain('Absolute Constraints');
    const guide = await client.callTool({
      name: 'get_reference',
      arguments: { name: 'api-patterns', max_tokens: 100 },
    });
    expect(textOf(guide.content).length).toBeLessThan(600);
    expect(textOf(guide.content)).toMatch(/omitted/);
  });

  it('lists the skill, the guides and every pattern as resources, and reads each one', async () => {
    const { resources } = await client.listResources();
    const names = resources.map((r) => r.name);
    expect(names).toEqual(expect.arrayContaining(['skill', 'api-patterns', 'database-patterns', 'security-patterns']));
    const engine = shippedEngine();
    for (const p of engine.catalogue.patterns)
      expect(resources.find((r) => r.uri === `bek://patterns/${p.id}`)?.title).toBe(p.title);
    // The MCP Apps view (ui://) is read from the build's dist/, so test/e2e/app-view.test.ts reads it.
    for (const r of resources.filter((x) => x.uri.startsWith('bek://'))) {
      const read = await client.readResource({ uri: r.uri });
      const first = read.contents[0] as { text?: string; mimeType?: string };
      expect(first.text?.length, r.uri).toBeGreaterThan(200);
      expect(first.mimeType).toBe('text/markdown');
    }
    const { resourceTemplates } = await client.listResourceTemplates();
    expect(resourceTemplates.map((t) => t.uriTemplate)).toContain('bek://patterns/{id}');
  });

  it('completes pattern ids in the resource template and the prompt argument', async () => {
    const ids = await client.complete({
      ref: { type: 'ref/resource', uri: 'bek://patterns/{id}' },
      argument: { name: 'id', value: 'rel-' },
    });
    expect(ids.completion.values).toEqual(expect.arrayContaining(['rel-outbox', 'rel-timeouts']));
    expect(ids.completion.values.every((v) => v.startsWith('rel-'))).toBe(true);
    const tasks = await client.complete({
      ref: { type: 'ref/prompt', name: 'backend-patterns' },
      argument: { name: 'task', value: 'crud' },
    });
    expect(tasks.completion.values).toContain('Simple CRUD API');
    expect(tasks.completion.values.every((v) => v.toLowerCase().includes('crud'))).toBe(true);
  });

  it('answers completion for an unknown prompt or argument with an empty list, not an error', async () => {
    const unknown = await client.complete({
      ref: { type: 'ref/prompt', name: 'no-such-prompt' },
      argument: { name: 'x', value: 'a' },
    });
    expect(unknown.completion.values).toEqual([]);
    const wrongArg = await client.complete({
      ref: { type: 'ref/resource', uri: 'bek://patterns/{id}' },
      argument: { name: 'nope', value: 'rel' },
    });
    expect(wrongArg.completion.values).toEqual([]);
    for (const name of ['constructor', 'hasOwnProperty', 'toString']) {
      const inherited = await client.complete({
        ref: { type: 'ref/prompt', name: 'backend-patterns' },
        argument: { name, value: 'a' },
      });
      expect(inherited.completion.values, name).toEqual([]);
    }
  });

  it('serves the skill prompt with mission, trigger, matrix and constraints, applied to a task', async () => {
    const { prompts } = await client.listPrompts();
    expect(prompts.map((p) => p.name)).toContain('backend-patterns');
    const plain = await client.getPrompt({ name: 'backend-patterns' });
    const text = (plain.messages[0]?.content as Content | undefined)?.text ?? '';
    for (const part of [
      'Objective:',
      'Success criteria:',
      '## Trigger',
      'ANALYZE REQUIREMENTS',
      'High scalability',
      'NEVER hardcode secrets',
    ]) {
      expect(text).toContain(part);
    }
    const withTask = await client.getPrompt({
      name: 'backend-patterns',
      arguments: { task: 'Live notifications for a chat app' },
    });
    const taskText = (withTask.messages[0]?.content as Content | undefined)?.text ?? '';
    expect(taskText).toContain('Live notifications for a chat app');
    expect(taskText).toContain('arch-websocket-events');
    expect(taskText.split('## Absolute constraints')).toHaveLength(2); // once, not again with the selection
  });
});
