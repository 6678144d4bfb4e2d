import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BUILT_IN, SECTIONS } from '../../src/core/catalogue/schema.js';
import { loadWithTeams } from '../../src/core/store/teams.js';
import { bek } from '../helpers/cli.js';
import { shippedEngine } from '../helpers/engine.js';
import { connectInProcess } from '../helpers/mcp.js';
import { teamDoc, teamFolder } from '../helpers/team.js';

const made: string[] = [];
const folder = (...args: Parameters<typeof teamFolder>) => {
  const dir = teamFolder(...args);
  made.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

const ledger = teamDoc('team-zebra-ledger', {
  scope: 'payments',
  aliases: ['zebra ledger reconciliation', 'nightly ledger drift'],
  related: ['api-idempotency-keys'],
});
const good = () => folder({ 'team-zebra-ledger': ledger }, 'scopes: [payments]\n');

describe('team folders beside the built-in catalogue', () => {
  it('a team pattern is found by search and read by uri through a real MCP client, marked with its origin', async () => {
    const dir = good();
    const loaded = loadWithTeams(shippedEngine(), [dir]);
    expect(loaded.problems).toEqual([]);
    const { client, close } = await connectInProcess('legacy', loaded.engine);
    try {
      const search = await client.callTool({
        name: 'search_patterns',
        arguments: { query: 'zebra ledger reconciliation', scope: 'payments' },
      });
      const hits = (search.structuredContent as { results: { id: string; uri: string; origin: string }[] }).results;
      expect(hits[0]).toMatchObject({ id: 'team-zebra-ledger', origin: dir });
      expect((search.content as { text?: string }[])[0]?.text).toContain(`team ${dir}`);
      const read = await client.readResource({ uri: hits[0]?.uri ?? '' });
      const text = (read.contents[0] as { text: string }).text;
      expect(text).toContain('# Team Zebra Ledger');
      expect(text).toContain(`team ${dir}`);
      const builtIn = await client.callTool({ name: 'get_pattern', arguments: { id: 'api-idempotency-keys' } });
      expect(builtIn.structuredContent).toMatchObject({ origin: BUILT_IN });
      expect(builtIn.structuredContent).not.toHaveProperty('overrides');
    } finally {
      await close();
    }
  });

  it('a team document with a built-in id is refused with a clear message unless it says it overrides it', async () => {
    const clash = folder({ 'rel-outbox': teamDoc('rel-outbox') });
    const refused = loadWithTeams(shippedEngine(), [clash]);
    expect(refused.engine).toBeUndefined();
    expect(refused.problems).toEqual([
      {
        file: join(clash, 'rel-outbox.md'),
        field: 'id',
        message: expect.stringMatching(/"rel-outbox" is a built-in pattern's id: .*add "overrides: rel-outbox"/),
      },
    ]);
    const cli = await bek('search', 'outbox', '--patterns-dir', clash);
    expect(cli.code).toBe(1);
    expect(cli.stderr).toMatch(/rel-outbox\.md: id: "rel-outbox" is a built-in pattern's id/);
    expect(cli.stderr).not.toMatch(/\n\s+at /);

    const override = folder({ 'rel-outbox': teamDoc('rel-outbox', { overrides: 'rel-outbox' }) });
    const served = loadWithTeams(shippedEngine(), [override]);
    expect(served.problems).toEqual([]);
    expect(served.engine?.catalogue.patterns).toHaveLength(shippedEngine().catalogue.patterns.length);
    const { client, close } = await connectInProcess('modern', served.engine);
    try {
      const got = await client.callTool({ name: 'get_pattern', arguments: { id: 'rel-outbox' } });
      expect(got.structuredContent).toMatchObject({ id: 'rel-outbox', origin: override, overrides: 'rel-outbox' });
      expect((got.content as { text?: string }[])[0]?.text).toContain('overrides the built-in rel-outbox');
    } finally {
      await close();
    }
    const listed = JSON.parse((await bek('list', '--json', '--patterns-dir', override)).stdout) as {
      patterns: { id: string; origin: string; overrides?: string }[];
    };
    expect(listed.patterns.find((p) => p.id === 'rel-outbox')).toMatchObject({
      origin: override,
      overrides: 'rel-outbox',
    });
  });

  it('checks overrides, related ids, scopes and ids across folders', () => {
    const problems = (docs: Record<string, string>, manifest?: string) =>
      loadWithTeams(shippedEngine(), [folder(docs, manifest)]).problems.map((p) => `${p.field}: ${p.message}`);
    expect(problems({ 'team-a': teamDoc('team-a', { overrides: 'team-a' }) })).toEqual([
      'overrides: no built-in pattern has the id "team-a", so there is nothing to override',
    ]);
    expect(problems({ 'team-a': teamDoc('team-a', { related: ['rel-outbox', 'team-nowhere'] }) })).toEqual([
      'related.1: unknown pattern id "team-nowhere"',
    ]);
    expect(problems({ 'team-a': teamDoc('team-a', { scope: 'payments' }) })[0]).toMatch(
      /^scope: expected one of: api, .*architecture \(a team scope is declared in the folder's bek.yaml/,
    );
    expect(problems({ 'team-a': teamDoc('team-a') }, 'scopes: [api, Not Kebab]\n')).toEqual([
      'scopes.0: is a built-in scope already',
      'scopes.1: must be kebab-case, e.g. payments',
    ]);
    const [one, two] = [folder({ 'team-a': teamDoc('team-a') }), folder({ 'team-a': teamDoc('team-a') })];
    expect(loadWithTeams(shippedEngine(), [one, two]).problems).toEqual([
      {
        file: join(two, 'team-a.md'),
        field: 'id',
        message: `duplicate id "team-a", also used by ${join(one, 'team-a.md')}`,
      },
    ]);
  });

  it('reads bek.yaml and the documents with the same YAML-only, no-code loader as the built-in ones', () => {
    const marker = join(tmpdir(), `bek-hostile-${process.pid}`);
    const js = `---js\nrequire('node:fs').writeFileSync(${JSON.stringify(marker)}, 'ran')\n---\n`;
    const problems = loadWithTeams(shippedEngine(), [
      folder(
        { 'team-a': js + teamDoc('team-a').split('---\n').slice(2).join('---\n') },
        "scopes: !!js/function 'function () {}'\n",
      ),
    ]).problems;
    expect(existsSync(marker)).toBe(false);
    expect(problems.map((p) => `${p.file.split('/').at(-1)}: ${p.field}`)).toEqual([
      'bek.yaml: (front matter)',
      'team-a.md: (front matter)',
    ]);
    expect(problems[1]?.message).toMatch(/front matter must be YAML/);
  });

  it('a folder that is missing or not a folder is a clear one-line error from every command, not a crash', async () => {
    const gone = join(tmpdir(), 'bek-no-such-team-folder');
    for (const argv of [['search', 'outbox'], ['list'], ['show', 'rel-outbox']]) {
      const r = await bek(...argv, '--patterns-dir', gone);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`${gone}: (folder): missing: the team folder does not exist`);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    const file = join(good(), 'team-zebra-ledger.md');
    expect((await bek('list', '--patterns-dir', file)).stderr).toContain(`${file}: (folder): not a folder`);
  });

  it('keeps a validated set of folders in the cache, keyed by every file, and a folder removed since is an error', () => {
    const cache = mkdtempSync(join(tmpdir(), 'bek-team-cache-'));
    made.push(cache);
    const dir = good();
    const fresh = loadWithTeams(shippedEngine(), [dir], cache);
    expect(readdirSync(cache).filter((f) => f.startsWith('teams-'))).toHaveLength(1);
    const cached = loadWithTeams(shippedEngine(), [dir], cache).engine;
    expect(cached?.catalogue.version).toBe(fresh.engine?.catalogue.version);
    expect(cached?.search('nightly ledger drift').hits[0]?.id).toBe('team-zebra-ledger');
    expect(cached?.catalogue.byId.get('team-zebra-ledger')?.sections[0]?.name).toBe('Problem');

    writeFileSync(
      join(dir, 'team-zebra-ledger.md'),
      ledger.replace('Team text: the situation', 'Edited: the situation'),
    );
    const edited = loadWithTeams(shippedEngine(), [dir], cache).engine;
    expect(edited?.catalogue.version).not.toBe(fresh.engine?.catalogue.version);
    expect(edited?.catalogue.byId.get('team-zebra-ledger')?.sections[0]?.text).toMatch(/^Edited/);

    rmSync(dir, { recursive: true });
    const gone = loadWithTeams(shippedEngine(), [dir], cache);
    expect(gone.engine).toBeUndefined();
    expect(gone.problems[0]).toMatchObject({
      file: dir,
      field: '(folder)',
      message: expect.stringMatching(/^missing/),
    });
  });

  it('BEK_PATTERNS_DIR is a path list, added to the --patterns-dir folders', async () => {
    const { run } = await import('../../src/cli/run.js');
    const out: string[] = [];
    const [a, b] = [good(), folder({ 'team-other': teamDoc('team-other') })];
    const io = { out: (t: string) => out.push(t), err: () => {}, color: false, env: { BEK_PATTERNS_DIR: `${a}:${b}` } };
    expect(await run(['list', '--json'], io)).toBe(0);
    const ids = (JSON.parse(out.join('')) as { patterns: { id: string }[] }).patterns.map((p) => p.id);
    expect(ids).toEqual(expect.arrayContaining(['team-zebra-ledger', 'team-other', 'rel-outbox']));
  });
});

describe('bek new and bek validate DIR', () => {
  it('bek new writes every section with a hint; validate fails on each hint and passes once they are replaced', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bek-new-'));
    made.push(dir);
    const created = await bek(
      'new',
      'team-payment-retries',
      '--scope',
      'payments',
      '--level',
      'advanced',
      '--dir',
      dir,
    );
    expect(created.code).toBe(0);
    const file = join(dir, 'team-payment-retries.md');
    expect(readFileSync(join(dir, 'bek.yaml'), 'utf8')).toMatch(/scopes: \[payments\]/);
    const text = readFileSync(file, 'utf8');
    for (const s of SECTIONS) expect(text).toContain(`## ${s}\n\n`);

    const failing = await bek('validate', dir, '--json', '--no-examples');
    expect(failing.code).toBe(1);
    const report = JSON.parse(failing.stdout) as {
      ok: boolean;
      problems: { file: string; field: string; message: string }[];
    };
    expect(report.ok).toBe(false);
    expect(report.problems.map((p) => p.field)).toEqual([
      'summary',
      'aliases',
      'sources',
      ...SECTIONS.map((s) => `sections.${s}`),
    ]);
    expect(report.problems.every((p) => p.file === file && /hint from bek new/.test(p.message))).toBe(true);

    const { filledTemplate } = await import('../helpers/team.js');
    writeFileSync(file, filledTemplate(text));
    const passing = await bek('validate', dir);
    expect(passing.stderr).toBe('');
    expect(passing.code).toBe(0);
    expect(passing.stdout).toMatch(/^OK: 81 patterns and \d+ guides in .* \(team folders: /);
    expect((await bek('new', 'team-payment-retries', '--scope', 'api', '--level', 'advanced', '--dir', dir)).code).toBe(
      2,
    );
  });

  it("validate type-checks a team document's TypeScript examples and reports each error with file and field", async () => {
    const broken = teamDoc('team-typed').replace(
      'assert.equal(1 + 1, 2);',
      "const n: number = 'text';\nassert.equal(n, 2);",
    );
    const dir = folder({ 'team-typed': broken });
    const r = await bek('validate', dir, '--json');
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as {
      examples: string;
      problems: { file: string; field: string; message: string }[];
    };
    expect(report.examples).toBe('compiled');
    expect(report.problems).toEqual([
      {
        file: join(dir, 'team-typed.md'),
        field: 'sections.Example.0',
        message: expect.stringMatching(/^line 4, column 7 of the block: error TS2322: Type 'string' is not assignable/),
      },
    ]);
  }, 60_000);

  it('validate --alone checks the folder without the built-in catalogue: a related built-in id is then unknown', async () => {
    const dir = good();
    const alone = await bek('validate', dir, '--alone', '--no-examples');
    expect(alone.code).toBe(1);
    expect(alone.stderr).toContain('team-zebra-ledger.md: related.0: unknown pattern id "api-idempotency-keys"');
    expect((await bek('validate', dir, '--no-examples')).code).toBe(0);
    expect(existsSync(dir)).toBe(true);
  });
});
