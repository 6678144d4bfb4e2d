import { spawn } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { createInterface } from 'node:readline';
import { Client } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { afterAll, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/util/paths.js';
import { teamDoc, teamFolder } from '../helpers/team.js';

// `bek serve --watch` as a client starts it: the built binary over real stdio pipes and over HTTP, a real
// team folder changed on disk.

const CLI = join(PACKAGE_ROOT, 'dist/cli.js');
const doc = (problem: string) => teamDoc('team-watched', { aliases: ['wombat queue drain'], problem });
const dir = teamFolder({ 'team-watched': doc('Before the edit.') });
const save = (text: string) => writeFileSync(join(dir, 'team-watched.md'), text);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const within = <T>(ms: number, what: string, promise: Promise<T>) =>
  Promise.race([
    promise,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no ${what} in ${ms} ms`)), ms)),
  ]);

describe('the built `bek serve --watch`', () => {
  it('over stdio: an edit reaches the client as resources/list_changed and a fresh read; a broken one is logged', async () => {
    save(doc('Before the edit.'));
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: [CLI, 'serve', '--watch', '--patterns-dir', dir],
      env: { PATH: process.env.PATH ?? '', BEK_CACHE_DIR: 'off' },
      stderr: 'pipe',
    });
    const logs: { msg: string; file?: string; field?: string }[] = [];
    const client = new Client({ name: 'bek-watch-test', version: '1.0.0' });
    await client.connect(transport);
    if (transport.stderr)
      createInterface({ input: transport.stderr as Readable }).on('line', (l) => logs.push(JSON.parse(l)));
    try {
      expect(client.getServerCapabilities()?.resources?.listChanged).toBe(true);
      const read = async () =>
        ((await client.readResource({ uri: 'bek://patterns/team-watched' })).contents[0] as { text: string }).text;
      expect(await read()).toContain('Before the edit.');
      const changed = new Promise<void>((resolve) =>
        client.setNotificationHandler('notifications/resources/list_changed', () => resolve()),
      );
      save(doc('After the edit.'));
      await within(5_000, 'resources/list_changed', changed);
      expect(await read()).toContain('After the edit.');

      save(doc('Broken.').replace('level: intermediate', 'level: guru'));
      const refused = new Promise<void>((resolve) => {
        const check = () => (logs.some((l) => l.msg === 'catalogue problem') ? resolve() : setTimeout(check, 20));
        check();
      });
      await within(5_000, 'logged problem', refused);
      expect(logs.find((l) => l.msg === 'catalogue problem')).toMatchObject({
        file: join(dir, 'team-watched.md'),
        field: 'level',
      });
      expect(await read()).toContain('After the edit.');
    } finally {
      await client.close();
    }
  }, 30_000);

  it('over HTTP: the next request sees the swapped catalogue', async () => {
    save(doc('Before the edit.'));
    const child = spawn(process.execPath, [CLI, 'serve', '--http', '--port', '0', '--watch', '--patterns-dir', dir], {
      env: { PATH: process.env.PATH ?? '', BEK_CACHE_DIR: 'off' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const lines = createInterface({ input: child.stderr });
      const logs: { msg: string; url?: string }[] = [];
      const next = (msg: string) =>
        within(
          5_000,
          `log "${msg}"`,
          new Promise<{ url?: string }>((resolve) => {
            const seen = logs.find((l) => l.msg === msg);
            if (seen) return resolve(seen);
            lines.on('line', () => {
              const hit = logs.find((l) => l.msg === msg);
              if (hit) resolve(hit);
            });
          }),
        );
      lines.on('line', (l) => logs.unshift(JSON.parse(l)));
      const url = new URL(String((await next('listening')).url));
      const health = async () =>
        (await (await fetch(new URL('/healthz', url))).json()) as { patterns: number; version: string };
      const before = await health();
      save(doc('After the edit.'));
      await next('catalogue reloaded');
      const after = await health();
      expect(after.patterns).toBe(before.patterns);
      expect(after.version).not.toBe(before.version);
    } finally {
      child.kill('SIGTERM');
    }
  }, 30_000);
});
