import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The package as a user gets it: `npm pack`, then a global install into a temporary prefix and `npx`
// on the tarball, with no clone. dist/ is the one the global setup built (--ignore-scripts: the
// prepack build must not rebuild dist/ while other tests use it).

const ROOT = join(import.meta.dirname, '../..');
const work = mkdtempSync(join(tmpdir(), 'bek-package-'));
const quiet = { cwd: work, encoding: 'utf8' as const, timeout: 120_000 };
let tarball = '';

beforeAll(() => {
  execFileSync('npm', ['pack', '--ignore-scripts', '--pack-destination', work, ROOT], quiet);
  tarball = join(work, readdirSync(work).find((f) => f.endsWith('.tgz')) ?? '');
  execFileSync(
    'npm',
    ['install', '-g', '--prefix', join(work, 'prefix'), tarball, '--no-audit', '--no-fund', '--prefer-offline'],
    quiet,
  );
}, 180_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the packed package', () => {
  it('ships the bundle, the catalogue and the skill, and nothing from src/, test/ or bench/', () => {
    const listing = execFileSync('tar', ['-tzf', tarball], quiet).split('\n').filter(Boolean);
    expect(listing).toEqual(
      expect.arrayContaining([
        'package/dist/cli.js',
        'package/dist/bek.cjs',
        'package/skill/SKILL.md',
        'package/dist/gallery.js',
        'package/dist/gallery.css',
        'package/dist/app-view.html',
      ]),
    );
    expect(listing.filter((f) => /^package\/(src|test|bench|scripts)\//.test(f) || f.endsWith('.map'))).toEqual([]);
  });

  it('installs globally as a working bek: a search, and an MCP initialize over stdio', () => {
    const bek = join(work, 'prefix/bin/bek');
    expect(execFileSync(bek, ['search', 'circuit breaker', '--limit', '1'], quiet)).toMatch(/rel-circuit-breaker/);
    const site = JSON.parse(execFileSync(bek, ['gallery', '--out', join(work, 'site'), '--json'], quiet));
    expect(site).toMatchObject({ files: site.patterns + 8 });
    expect(readFileSync(join(work, 'site/assets/gallery.js'), 'utf8')).toContain('BEK_SEARCH');
    const init = JSON.stringify({
      jsonrpc: '2.0',
      id: 1,
      method: 'initialize',
      params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 't', version: '1' } },
    });
    const served = spawnSync(bek, ['serve'], { ...quiet, input: `${init}\n` });
    expect(served.status).toBe(0);
    expect(JSON.parse(served.stdout.split('\n')[0] ?? '{}')).toMatchObject({
      id: 1,
      result: { serverInfo: { name: 'backend-patterns' } },
    });
  });

  it('runs with npx from the tarball', () => {
    const out = execFileSync(
      'npx',
      ['-y', '--prefer-offline', '--package', tarball, 'backend-patterns-mcp', 'search', 'outbox', '--limit', '1'],
      { ...quiet, env: { ...process.env, npm_config_cache: join(work, 'npx-cache') } },
    );
    expect(out).toMatch(/rel-outbox/);
  });

  it('bek setup --local from the installed package names its own dist/cli.js, and warns from the npx cache', () => {
    const home = join(work, 'home');
    const env = { HOME: home, PATH: process.env.PATH ?? '', npm_config_cache: join(work, 'npx-cache') };
    const installed = execFileSync(join(work, 'prefix/bin/bek'), ['setup', 'cursor', '--local', '--json'], {
      ...quiet,
      env,
    });
    const cli = join(work, 'prefix/lib/node_modules/backend-patterns-mcp/dist/cli.js');
    expect(JSON.parse(installed)).toMatchObject({
      action: 'created',
      entry: { command: 'node', args: [cli, 'serve'] },
    });
    const cached = spawnSync(
      'npx',
      ['-y', '--prefer-offline', '--package', tarball, 'backend-patterns-mcp', 'setup', 'vscode', '--local', '--print'],
      { ...quiet, env },
    );
    expect(cached.status).toBe(0);
    expect(cached.stderr).toMatch(/warning: .*_npx.* is in npx's cache, which npm may clear/);
  });
});
