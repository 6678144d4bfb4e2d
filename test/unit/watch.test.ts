import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { afterEach, describe, expect, it } from 'vitest';
import { type LiveEngine, type ReloadOutcome, watchCatalogue } from '../../src/core/store/live.js';
import { loadWithTeams } from '../../src/core/store/teams.js';
import { loadHttpConfig, startHttpServer } from '../../src/transports/http.js';
import { setLogLevel } from '../../src/util/log.js';
import { shippedEngine } from '../helpers/engine.js';
import { connectInProcess } from '../helpers/mcp.js';
import { teamDoc, teamFolder } from '../helpers/team.js';

// bek serve --watch, in process: the live engine over a real team folder and fs.watch, a real SDK client
// over serveStdio (the stdio transport's code path, on an in-memory pair of streams).

const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const doc = (problem: string, scope = 'api') =>
  teamDoc('team-live-doc', { scope, aliases: ['quokka cache stampede'], problem });

/** A watched team folder with one document, and every reload's outcome as it happens. */
function watched() {
  const dir = teamFolder({ 'team-live-doc': doc('First version of the problem.') });
  const load = () => loadWithTeams(shippedEngine(), [dir]);
  const first = load().engine;
  if (!first) throw new Error('the team folder should load');
  const reloads: ReloadOutcome[] = [];
  const waiters: (() => void)[] = [];
  const live = watchCatalogue(first, [dir], load, {
    onReload: (o) => {
      reloads.push(o);
      for (const w of waiters.splice(0)) w();
    },
  });
  cleanups.push(() => {
    live.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const nextReload = () => new Promise<void>((resolve) => waiters.push(resolve));
  const save = (text: string, name = 'team-live-doc.md') => writeFileSync(join(dir, name), text);
  return { dir, live, reloads, nextReload, save };
}

async function client(era: 'legacy' | 'modern', live: LiveEngine) {
  const connected = await connectInProcess(era, live);
  cleanups.push(connected.close);
  const seen: string[] = [];
  for (const method of ['notifications/resources/list_changed', 'notifications/tools/list_changed'] as const)
    connected.client.setNotificationHandler(method, () => void seen.push(method));
  if (era === 'modern')
    cleanups.push((await connected.client.listen({ resourcesListChanged: true, toolsListChanged: true })).close);
  const read = async () =>
    ((await connected.client.readResource({ uri: 'bek://patterns/team-live-doc' })).contents[0] as { text: string })
      .text;
  return { client: connected.client, seen, read };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe.each(['legacy', 'modern'] as const)('bek serve --watch (%s era)', (era) => {
  it('declares listChanged only when watching, and shortens the cache hints', async () => {
    const { live } = watched();
    const { client: watching } = await client(era, live);
    expect(watching.getServerCapabilities()?.resources?.listChanged).toBe(true);
    expect(watching.getServerCapabilities()?.tools?.listChanged).toBe(true);
    const fixed = await connectInProcess(era);
    cleanups.push(fixed.close);
    expect(fixed.client.getServerCapabilities()?.resources?.listChanged).toBe(false);
    expect(fixed.client.getServerCapabilities()?.tools?.listChanged).toBe(false);
    const hint = (await watching.listResources()) as { ttlMs?: number };
    expect(hint.ttlMs).toBe(era === 'modern' ? 10_000 : undefined);
  });

  it('a live edit reaches a connected client through list_changed and a fresh read', async () => {
    const { live, nextReload, save } = watched();
    const { seen, read } = await client(era, live);
    expect(await read()).toContain('First version of the problem.');
    const reloaded = nextReload();
    save(doc('Second version of the problem.'));
    await reloaded;
    await settle();
    expect(seen).toEqual(['notifications/resources/list_changed']);
    expect(await read()).toContain('Second version of the problem.');
  });

  it('a broken edit is refused with every problem, and the last good catalogue keeps serving', async () => {
    const { live, reloads, nextReload, save } = watched();
    const { client: c, seen, read } = await client(era, live);
    const before = live.current().catalogue.version;
    let reloaded = nextReload();
    save(
      doc('Broken version.')
        .replace('## Checklist', '## Checklist, renamed')
        .replace('level: intermediate', 'level: guru'),
    );
    await reloaded;
    expect(reloads.at(-1)?.result).toBe('refused');
    expect(reloads.at(-1)?.problems.map((p) => p.field)).toEqual(['level']);
    expect(live.current().catalogue.version).toBe(before);
    const search = await c.callTool({ name: 'search_patterns', arguments: { query: 'quokka cache stampede' } });
    expect((search.structuredContent as { results: { id: string }[] }).results[0]?.id).toBe('team-live-doc');
    await settle();
    expect(seen).toEqual([]);
    expect(await read()).toContain('First version of the problem.');

    reloaded = nextReload();
    save(doc('Fixed version.'));
    await reloaded;
    expect(reloads.at(-1)?.result).toBe('swapped');
    expect(await read()).toContain('Fixed version.');
  });

  it('a burst of 20 saves causes one reload', async () => {
    const { live, reloads, nextReload, save } = watched();
    const { seen } = await client(era, live);
    const reloaded = nextReload();
    for (let i = 0; i < 20; i++) {
      save(doc(`Save number ${i}.`));
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await reloaded;
    await new Promise((resolve) => setTimeout(resolve, 400)); // longer than the debounce: no second reload comes
    expect(reloads.map((r) => r.result)).toEqual(['swapped']);
    expect(live.current().catalogue.byId.get('team-live-doc')?.sections[0]?.text).toBe('Save number 19.');
    expect(seen).toEqual(['notifications/resources/list_changed']);
  });

  it('a scope the folder starts declaring changes search_patterns, and tools/list_changed says so', async () => {
    const { live, nextReload, save } = watched();
    const { client: c, seen } = await client(era, live);
    const reloaded = nextReload();
    save('scopes: [payments]\n', 'bek.yaml');
    save(doc('Now in payments.', 'payments'));
    await reloaded;
    await settle();
    expect(seen).toContain('notifications/tools/list_changed');
    const { tools } = await c.listTools();
    const tool = tools.find((t) => t.name === 'search_patterns');
    const scope = (tool?.inputSchema.properties ?? {}) as Record<string, { enum?: string[] }>;
    expect(scope.scope?.enum).toContain('payments');
    const search = await c.callTool({ name: 'search_patterns', arguments: { query: 'quokka', scope: 'payments' } });
    expect((search.structuredContent as { results: { id: string }[] }).results[0]?.id).toBe('team-live-doc');
  });
});

describe('bek serve --http --watch', () => {
  it('a 2026-07-28 client listening on subscriptions/listen is told of a swap, and its next request sees it', async () => {
    const { live, nextReload, save } = watched();
    setLogLevel('silent');
    const service = await startHttpServer(live, loadHttpConfig({ port: '0' }, {}));
    const client = new Client(
      { name: 'bek-watch-http', version: '1.0.0' },
      { versionNegotiation: { mode: { pin: '2026-07-28' } } },
    );
    cleanups.push(
      () => service.close(),
      () => setLogLevel('info'),
    );
    await client.connect(new StreamableHTTPClientTransport(new URL(service.url)));
    cleanups.push(() => client.close());
    const told = new Promise<void>((resolve) =>
      client.setNotificationHandler('notifications/resources/list_changed', () => resolve()),
    );
    const subscription = await client.listen({ resourcesListChanged: true });
    cleanups.push(() => subscription.close());
    const reloaded = nextReload();
    save(doc('Over HTTP.'));
    await reloaded;
    await told;
    const read = await client.readResource({ uri: 'bek://patterns/team-live-doc' });
    expect((read.contents[0] as { text: string }).text).toContain('Over HTTP.');
  });
});
