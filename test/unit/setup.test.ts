import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLIENTS, configFile, type Platform, serverEntry } from '../../src/cli/setup/clients.js';
import { mergeEntry } from '../../src/cli/setup/edit.js';
import { readConfig, writeConfig } from '../../src/cli/setup/file.js';
import { parseJson } from '../../src/cli/setup/jsonc.js';
import { bekWith } from '../helpers/cli.js';

// Every test runs against a temporary home folder passed as HOME (and XDG_CONFIG_HOME unset): the real
// home of whoever runs the suite is never read or written.

const NAMES = ['claude-desktop', 'claude-code', 'cursor', 'vscode'] as const;
const TOKEN = 'a-secret-token-value-1234';

let home = '';
let env: NodeJS.ProcessEnv = {};
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'bek-setup-'));
  env = { HOME: home, BEK_TOKEN: TOKEN };
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

const setup = (...argv: string[]) => bekWith(env, 'setup', ...argv);
const fileOf = (client: string, scope: 'user' | 'project' = 'user') =>
  configFile(CLIENTS[client] as (typeof CLIENTS)[string], scope, { platform: 'linux', env, dir: join(home, 'repo') });
const keyOf = (client: string) => CLIENTS[client]?.key ?? '';
const readJson = (file: string) => parseJson(readFileSync(file, 'utf8'), true).value as Record<string, never>;
const backups = (file: string) => readdirSync(dirname(file)).filter((f) => f.endsWith('.bak'));
const write = (file: string, text: string) => {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
};

describe('where each client keeps its file, from the injected environment', () => {
  const cases: [string, Platform, NodeJS.ProcessEnv, string][] = [
    ['claude-desktop', 'linux', { HOME: '/h' }, '/h/.config/Claude/claude_desktop_config.json'],
    ['claude-desktop', 'linux', { HOME: '/h', XDG_CONFIG_HOME: '/x' }, '/x/Claude/claude_desktop_config.json'],
    ['claude-desktop', 'linux', { HOME: '/h', XDG_CONFIG_HOME: 'rel' }, '/h/.config/Claude/claude_desktop_config.json'],
    [
      'claude-desktop',
      'darwin',
      { HOME: '/Users/u' },
      '/Users/u/Library/Application Support/Claude/claude_desktop_config.json',
    ],
    [
      'claude-desktop',
      'win32',
      { APPDATA: 'C:\\Users\\u\\AppData\\Roaming', USERPROFILE: 'C:\\Users\\u' },
      'C:\\Users\\u\\AppData\\Roaming\\Claude\\claude_desktop_config.json',
    ],
    [
      'claude-desktop',
      'win32',
      { USERPROFILE: 'C:\\Users\\u' },
      'C:\\Users\\u\\AppData\\Roaming\\Claude\\claude_desktop_config.json',
    ],
    ['claude-code', 'linux', { HOME: '/h' }, '/h/.claude.json'],
    ['claude-code', 'darwin', { HOME: '/Users/u' }, '/Users/u/.claude.json'],
    ['claude-code', 'win32', { USERPROFILE: 'C:\\Users\\u' }, 'C:\\Users\\u\\.claude.json'],
    ['cursor', 'linux', { HOME: '/h' }, '/h/.cursor/mcp.json'],
    ['cursor', 'darwin', { HOME: '/Users/u' }, '/Users/u/.cursor/mcp.json'],
    ['cursor', 'win32', { USERPROFILE: 'C:\\Users\\u' }, 'C:\\Users\\u\\.cursor\\mcp.json'],
    ['vscode', 'linux', { HOME: '/h' }, '/h/.config/Code/User/mcp.json'],
    ['vscode', 'linux', { HOME: '/h', XDG_CONFIG_HOME: '/x' }, '/x/Code/User/mcp.json'],
    ['vscode', 'darwin', { HOME: '/Users/u' }, '/Users/u/Library/Application Support/Code/User/mcp.json'],
    ['vscode', 'win32', { APPDATA: 'D:\\Roaming', USERPROFILE: 'C:\\Users\\u' }, 'D:\\Roaming\\Code\\User\\mcp.json'],
  ];
  it.each(cases)('%s on %s with %j: %s', (client, platform, given, expected) => {
    const c = CLIENTS[client] as (typeof CLIENTS)[string];
    expect(configFile(c, 'user', { platform, env: given, dir: '/p' })).toBe(expected);
  });

  it('the project scope is a file under the project folder, and Claude Desktop has none', () => {
    const where = { platform: 'win32' as const, env: {}, dir: 'C:\\repo' };
    expect(configFile(CLIENTS.vscode as never, 'project', where)).toBe('C:\\repo\\.vscode\\mcp.json');
    expect(configFile(CLIENTS['claude-code'] as never, 'project', { ...where, platform: 'linux', dir: '/r' })).toBe(
      '/r/.mcp.json',
    );
    expect(() => configFile(CLIENTS['claude-desktop'] as never, 'project', where)).toThrow(/no project/);
  });

  it('on Windows npx is started through cmd /c (npx.cmd cannot be spawned without a shell); node is not', () => {
    const npx = { kind: 'stdio' as const, command: 'npx', args: ['-y', 'backend-patterns-mcp', 'serve'] };
    expect(serverEntry(CLIENTS.cursor as never, npx, 'win32')).toEqual({
      command: 'cmd',
      args: ['/c', 'npx', '-y', 'backend-patterns-mcp', 'serve'],
    });
    expect(serverEntry(CLIENTS.vscode as never, { ...npx, command: 'node', args: ['C:\\b\\cli.js'] }, 'win32')).toEqual(
      {
        type: 'stdio',
        command: 'node',
        args: ['C:\\b\\cli.js'],
      },
    );
    expect(serverEntry(CLIENTS.cursor as never, npx, 'darwin')).toMatchObject({ command: 'npx' });
  });

  it('without a home folder it stops with a usage error and writes nothing', async () => {
    env = {};
    const r = await setup('cursor');
    expect([r.code, r.stderr]).toEqual([2, 'bek setup: no home folder: set HOME']);
  });
});

describe.each(NAMES)('bek setup %s', (client) => {
  it('creates the file and its folders when there is none', async () => {
    const r = await setup(client, '--json');
    const file = fileOf(client);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ client, file, action: 'created', backup: null });
    const entry = readJson(file)[keyOf(client)]?.['backend-patterns'];
    expect(entry).toMatchObject({ command: 'npx', args: ['-y', 'backend-patterns-mcp', 'serve'] });
    expect((entry as unknown as { type?: string }).type).toBe(CLIENTS[client]?.typed ? 'stdio' : undefined);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('keeps every other server and key, backs up the old file, and is idempotent', async () => {
    const file = fileOf(client);
    const old = JSON.stringify({ theme: 'dark', [keyOf(client)]: { other: { command: 'other-server', args: [] } } });
    write(file, old);
    const first = await setup(client, '--json');
    expect(JSON.parse(first.stdout)).toMatchObject({ action: 'updated' });
    const after = readJson(file);
    expect(after.theme).toBe('dark');
    expect(after[keyOf(client)]).toMatchObject({ other: { command: 'other-server', args: [] } });
    expect(Object.keys(after[keyOf(client)] ?? {})).toEqual(['other', 'backend-patterns']);
    const backup = JSON.parse(first.stdout).backup as string;
    expect(readFileSync(backup, 'utf8')).toBe(old);

    const again = await setup(client);
    expect([again.code, again.stdout]).toEqual([0, `unchanged: ${file} already has this "backend-patterns" entry`]);
    expect(backups(file)).toHaveLength(1);
  });

  it('refuses a file it cannot parse, exit 1, leaving it untouched and without a backup', async () => {
    const file = fileOf(client);
    write(file, '{ "mcpServers": { "x": 1 ');
    const r = await setup(client);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`left ${file} untouched: it is not valid JSON.*line 1, column 26`));
    expect(readFileSync(file, 'utf8')).toBe('{ "mcpServers": { "x": 1 ');
    expect(backups(file)).toEqual([]);
  });

  it('refuses an entry of the same name that differs, unless --force', async () => {
    const file = fileOf(client);
    const old = JSON.stringify({ [keyOf(client)]: { 'backend-patterns': { command: 'old' } } }, null, 2);
    write(file, old);
    const r = await setup(client);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/already has a server "backend-patterns" that differs: \{"command":"old"\}/);
    expect(readFileSync(file, 'utf8')).toBe(old);
    expect((await setup(client, '--force')).code).toBe(0);
    expect(readJson(file)[keyOf(client)]?.['backend-patterns']).toMatchObject({ command: 'npx' });
  });

  it('--print shows the file and its new content and writes nothing', async () => {
    const file = fileOf(client);
    const r = await setup(client, '--print', '--name', 'bek');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe(`# ${file} (would be created)`);
    expect(parseJson(r.stdout.slice(r.stdout.indexOf('\n'))).value).toMatchObject({ [keyOf(client)]: { bek: {} } });
    expect(() => statSync(file)).toThrow(/ENOENT/);
  });

  it('--http with --token-env writes the variable reference the client expands, never the token', async () => {
    const r = await setup(client, '--http', 'https://bek.example.com/mcp', '--token-env', 'BEK_TOKEN');
    const file = fileOf(client);
    if (client === 'claude-desktop') {
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/Settings > Connectors/);
      expect(() => statSync(file)).toThrow(/ENOENT/);
      return;
    }
    expect([r.code, r.stderr]).toEqual([0, '']);
    const reference = { 'claude-code': `\${BEK_TOKEN}`, cursor: `\${env:BEK_TOKEN}`, vscode: `\${env:BEK_TOKEN}` }[
      client
    ];
    expect(readJson(file)[keyOf(client)]?.['backend-patterns']).toEqual({
      ...(CLIENTS[client]?.typed && { type: 'http' }),
      url: 'https://bek.example.com/mcp',
      headers: { Authorization: `Bearer ${reference}` },
    });
    expect(readFileSync(file, 'utf8')).not.toContain(TOKEN);
  });
});

describe('bek setup: formats, scopes and options', () => {
  it('VS Code: keeps comments and trailing commas of its JSON-with-comments file byte for byte', async () => {
    const file = fileOf('vscode');
    const old =
      '{\n\t// mine\n\t"servers": {\n\t\t"a": { "type": "stdio", "command": "a" }, // keep\n\t},\n\t/* end */\n}\n';
    write(file, old);
    expect((await setup('vscode')).code).toBe(0);
    const text = readFileSync(file, 'utf8');
    expect(
      text.startsWith('{\n\t// mine\n\t"servers": {\n\t\t"a": { "type": "stdio", "command": "a" }, // keep\n'),
    ).toBe(true);
    expect(text).toContain('\t\t"backend-patterns": {\n\t\t\t"type": "stdio",');
    expect(text.endsWith('\t},\n\t/* end */\n}\n')).toBe(true);
  });

  it('a client that reads strict JSON refuses comments rather than dropping them', async () => {
    write(fileOf('cursor'), '{ // note\n "mcpServers": {} }');
    const r = await setup('cursor');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/not valid JSON \(line 1, column 3: a comment, which JSON does not allow\)/);
  });

  it('keeps a one-line file on one line, CRLF line endings, a byte-order mark and a symlinked file', async () => {
    const real = join(home, 'dotfiles', 'claude.json');
    write(real, '\uFEFF{\r\n    "numStartups": 3,\r\n    "mcpServers": {"x": {"command": "x"}}\r\n}\r\n');
    symlinkSync(real, join(home, '.claude.json'));
    expect((await setup('claude-code')).code).toBe(0);
    expect(readFileSync(real, 'utf8')).toBe(
      '\uFEFF{\r\n    "numStartups": 3,\r\n    "mcpServers": {"x": {"command": "x"}, "backend-patterns": ' +
        '{"type":"stdio","command":"npx","args":["-y","backend-patterns-mcp","serve"]}}\r\n}\r\n',
    );
    write(fileOf('cursor'), '{\r\n    "other": true\r\n}');
    expect((await setup('cursor')).code).toBe(0);
    expect(readFileSync(fileOf('cursor'), 'utf8')).toMatch(
      /^\{\r\n {4}"other": true,\r\n {4}"mcpServers": \{\r\n {8}"/,
    );
  });

  it("Claude Code: the user entry goes at the top level of ~/.claude.json, not into a project's", async () => {
    const state = { numStartups: 7, projects: { '/r': { mcpServers: { p: { command: 'p' } }, history: [1, 2] } } };
    write(fileOf('claude-code'), JSON.stringify(state, null, 2));
    expect((await setup('claude-code')).code).toBe(0);
    const after = readJson(fileOf('claude-code'));
    expect(after).toMatchObject(state);
    expect(Object.keys(after.mcpServers ?? {})).toEqual(['backend-patterns']);
  });

  it('--scope project writes under --dir; Claude Desktop has no project file', async () => {
    const r = await setup('vscode', '--scope', 'project', '--dir', join(home, 'repo'), '--json');
    expect(JSON.parse(r.stdout)).toMatchObject({ scope: 'project', file: join(home, 'repo', '.vscode', 'mcp.json') });
    expect(readJson(fileOf('vscode', 'project')).servers).toHaveProperty('backend-patterns');
    expect((await setup('claude-desktop', '--scope', 'project')).code).toBe(2);
  });

  it('refuses bad usage with exit 2 and one line', async () => {
    const cases = [
      [[], /which client\?/],
      [['zed'], /expected one of: claude-desktop, claude-code, cursor, vscode/],
      [['cursor', '--local', '--http', 'http://127.0.0.1:3000/mcp'], /pick one/],
      [['cursor', '--token-env', 'X'], /--token-env goes with --http/],
      [['cursor', '--http', 'ftp://x/mcp'], /--http: an http:\/\/ or https:\/\/ URL/],
      [['cursor', '--http', 'https://u:p@x/mcp'], /without credentials/],
      [['cursor', '--http', 'https://x/mcp', '--token-env', 'a-b'], /--token-env: an environment variable name/],
      [['cursor', '--name', '../x'], /--name: a letter, then/],
      [['cursor', '--dir', '/tmp'], /--dir goes with --scope project/],
    ] as const;
    for (const [argv, message] of cases) {
      const r = await setup(...argv);
      expect([r.code, r.stderr.split('\n').length], argv.join(' ')).toEqual([2, 1]);
      expect(r.stderr).toMatch(message);
    }
    expect(readdirSync(home)).toEqual([]);
  });

  it('warns when a variable that moves the user file is set, as bek does not follow it', async () => {
    env = { HOME: home, CLAUDE_CONFIG_DIR: join(home, 'elsewhere') };
    const r = await setup('claude-code');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      `warning: CLAUDE_CONFIG_DIR is set: Claude Code may read its user file from there, not ${join(home, '.claude.json')}`,
    );
  });

  it('warns when the token variable is unset here, or would cross the network in clear', async () => {
    env = { HOME: home };
    const r = await setup('cursor', '--http', 'http://10.0.0.5:3000/mcp', '--token-env', 'BEK_TOKEN');
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/warning: BEK_TOKEN is not set here/);
    expect(r.stderr).toMatch(/warning: http:\/\/10\.0\.0\.5:3000\/mcp is plain HTTP to another machine/);
  });
});

describe('merging an entry into any JSON file', () => {
  const isSubsequence = (small: string, big: string) => {
    let i = 0;
    for (const c of big) if (c === small[i]) i++;
    return i === small.length;
  };
  const entry = { command: 'npx', args: ['-y', 'backend-patterns-mcp', 'serve'] };

  it('adds only the entry, only by inserting text, whatever the file holds and however it is laid out', () => {
    const servers = fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 4 });
    const file = fc.record({
      other: fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 4 }),
      servers: fc.option(servers),
    });
    fc.assert(
      fc.property(file, fc.constantFrom(0, 2, '\t'), ({ other, servers }, indent) => {
        const value = servers === null ? other : { ...other, mcpServers: servers };
        const old = JSON.stringify(value, null, indent);
        const target = { key: 'mcpServers', name: 'backend-patterns', entry, jsonc: false, force: false };
        const change = mergeEntry(old, 'f', target);
        // Through JSON, as the file holds it: fast-check's -0 is written as 0.
        const merged = { ...value, mcpServers: { ...servers, 'backend-patterns': entry } };
        expect(JSON.parse(change.text)).toEqual(JSON.parse(JSON.stringify(merged)));
        expect(isSubsequence(old, change.text)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('writing a file', () => {
  it('refuses, writing nothing and keeping no backup, when the client changed the file since it was read', () => {
    const file = join(home, '.claude.json');
    write(file, '{"numStartups": 1}');
    const old = readConfig(file);
    writeFileSync(file, '{"numStartups": 2}'); // Claude Code rewrites its file while it runs
    expect(() => writeConfig(file, '{"mcpServers": {}}', old)).toThrow(/changed while bek was updating it/);
    expect(readFileSync(file, 'utf8')).toBe('{"numStartups": 2}');
    expect(readdirSync(home)).toEqual(['.claude.json']);
  });

  it('keeps the mode of the file it replaces', () => {
    const file = join(home, 'mcp.json');
    write(file, '{}');
    chmodSync(file, 0o640);
    const backup = writeConfig(file, '{"servers": {}}', readConfig(file));
    expect(statSync(file).mode & 0o777).toBe(0o640);
    expect(readFileSync(backup ?? '', 'utf8')).toBe('{}');
  });
});

describe('the JSON reader', () => {
  it('reads what JSON.parse reads, the same way', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(0, 2, '\t'), (value, indent) => {
        const text = JSON.stringify(value, null, indent);
        expect(parseJson(text).value).toEqual(JSON.parse(text));
        expect(parseJson(text, true).value).toEqual(JSON.parse(text));
      }),
      { numRuns: 300 },
    );
  });

  it('refuses in strict mode what JSON.parse refuses', () => {
    for (const text of [
      '',
      '{',
      '{"a":1,}',
      '[1,]',
      "{'a':1}",
      '01',
      '1.',
      '-',
      '"\\x"',
      '"a\nb"',
      '{"a" 1}',
      'nul',
      '1 2',
    ])
      expect(() => parseJson(text), text).toThrow(/line \d+, column \d+/);
    expect(() => parseJson('['.repeat(100_000))).toThrow(/nested too deeply/);
  });

  it('keeps a "__proto__" key as data', () => {
    expect(Object.keys(parseJson('{"__proto__": {"x": 1}}').value as object)).toEqual(['__proto__']);
  });
});
