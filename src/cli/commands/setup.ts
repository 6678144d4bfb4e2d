import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { BekError } from '../../util/errors.js';
import { PACKAGE_ROOT } from '../../util/paths.js';
import { PACKAGE_NAME } from '../../util/version.js';
import { atMostPositionals, flag } from '../args.js';
import { command, emit } from '../command.js';
import { CLIENTS, configFile, type Launch, type Platform, serverEntry } from '../setup/clients.js';
import { mergeEntry } from '../setup/edit.js';
import { readConfig, writeConfig } from '../setup/file.js';

const ClientName = z.enum(Object.keys(CLIENTS) as [string, ...string[]]);
const ScopeName = z.enum(['user', 'project']);
const ServerName = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_-]{0,63}$/, 'a letter, then letters, digits, "-" or "_" (64 at most)');
const Url = z
  .url({ protocol: /^https?$/, error: 'an http:// or https:// URL' })
  .refine((u) => !/^[a-z]+:\/\/[^/]*@/i.test(u), 'a URL without credentials in it (use --token-env)');
const EnvName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'an environment variable name');

export const setup = command({
  name: 'setup',
  summary: "Add this server to an MCP client's configuration file",
  usage: `bek setup <${ClientName.options.join('|')}> [--scope user|project] [--local | --http URL [--token-env NAME]] [--print] [--json]`,
  description: `Writes this server's entry into the client's MCP configuration file, at its standard place on
Linux, macOS and Windows, keeping every other entry and key: by default the stdio form
"npx -y ${PACKAGE_NAME} serve". A file that exists is copied to <file>.<time>.bak first and replaced
in one rename; a file that cannot be read as the client reads it (JSON; JSON with comments for
VS Code) is refused and left untouched, as is one whose entry of that name differs (see --force).
Running it again with the same options changes nothing.`,
  options: {
    scope: { value: 'S', help: 'user (default: every project) or project (the project folder; not Claude Desktop)' },
    dir: { value: 'DIR', help: 'the project folder for --scope project (default: the current folder)' },
    name: { value: 'NAME', help: 'the entry name (default backend-patterns)' },
    local: { help: "start this installation's dist/cli.js with node instead of npx" },
    http: { value: 'URL', help: 'reach a running bek serve --http at URL instead (not Claude Desktop)' },
    'token-env': {
      value: 'NAME',
      help: 'with --http: send "Authorization: Bearer" with the token the client reads\nfrom its environment variable NAME (the token itself is never written)',
    },
    force: { help: 'replace an entry of that name that differs' },
    print: { help: 'show the file and its new content; write nothing' },
    json: { help: 'print { client, scope, file, name, action, backup, entry, warnings }' },
  },
  footer: `Files, user scope (Linux | macOS | Windows):
  claude-desktop  claude_desktop_config.json in $XDG_CONFIG_HOME/Claude (default ~/.config/Claude) |
                  ~/Library/Application Support/Claude | %APPDATA%\\Claude
  claude-code     ~/.claude.json                       project scope: .mcp.json
  cursor          ~/.cursor/mcp.json                   project scope: .cursor/mcp.json
  vscode          mcp.json in $XDG_CONFIG_HOME/Code/User (default ~/.config/Code/User) |
                  ~/Library/Application Support/Code/User | %APPDATA%\\Code\\User; project scope: .vscode/mcp.json

Examples:
  bek setup claude-desktop
  bek setup vscode --scope project --print
  bek setup cursor --http https://bek.example.com/mcp --token-env BEK_TOKEN

Exit codes: 0 written or already there, 1 file refused, 2 bad usage.`,
  run({ values, positionals }, ctx) {
    atMostPositionals(positionals, 1);
    if (!positionals[0])
      throw new BekError('bad_input', `which client? Usage: bek setup <${ClientName.options.join('|')}>`);
    const clientName = flag('client', ClientName, positionals[0]);
    const client = CLIENTS[clientName] as (typeof CLIENTS)[string];
    const scope = flag('scope', ScopeName, values.scope) ?? 'user';
    if (values.dir !== undefined && scope !== 'project')
      throw new BekError('bad_input', '--dir goes with --scope project');
    if (values.local && values.http)
      throw new BekError('bad_input', '--local and --http are two different forms: pick one');
    if (values['token-env'] !== undefined && !values.http)
      throw new BekError('bad_input', '--token-env goes with --http');
    const name = flag('name', ServerName, values.name) ?? 'backend-patterns';
    const launch = launchOf(values);
    const platform: Platform =
      process.platform === 'win32' || process.platform === 'darwin' ? process.platform : 'linux';
    const entry = serverEntry(client, launch, platform);
    const file = configFile(client, scope, { platform, env: ctx.io.env, dir: resolve(values.dir ?? '.') });

    const old = readConfig(file);
    const change = mergeEntry(old?.text, file, {
      key: client.key,
      name,
      entry,
      jsonc: client.jsonc,
      force: !!values.force,
    });
    const warnings = [
      ...(launch.kind === 'http' ? httpWarnings(launch, client.label, ctx.io.env) : localWarnings(launch)),
      ...(scope === 'user' && client.movedBy && ctx.io.env[client.movedBy]
        ? [`${client.movedBy} is set: ${client.label} may read its user file from there, not ${file}`]
        : []),
    ];
    const backup = values.print || change.action === 'unchanged' ? undefined : writeConfig(file, change.text, old);
    for (const w of warnings) ctx.io.err(`warning: ${w}`);
    const result = {
      client: clientName,
      scope,
      file,
      name,
      action: change.action,
      backup: backup ?? null,
      entry,
      warnings,
    };
    if (values.print)
      return emit(ctx, values.json, { ...result, printed: true, content: change.text }, () =>
        [
          `# ${file} (${change.action === 'unchanged' ? 'unchanged' : `would be ${change.action}`})`,
          change.text.trimEnd(),
        ].join('\n'),
      );
    return emit(ctx, values.json, result, () =>
      change.action === 'unchanged'
        ? `unchanged: ${file} already has this "${name}" entry`
        : [
            `${change.action} ${file}: ${client.label} server "${name}" (${describe(launch)})`,
            ...(backup ? [`backup: ${backup}`] : []),
            client.next,
          ].join('\n'),
    );
  },
});

function launchOf(values: { local?: boolean; http?: string; 'token-env'?: string }): Launch {
  if (values.http !== undefined)
    return {
      kind: 'http',
      url: flag('http', Url, values.http),
      tokenEnv: flag('token-env', EnvName, values['token-env']),
    };
  if (!values.local) return { kind: 'stdio', command: 'npx', args: ['-y', PACKAGE_NAME, 'serve'] };
  const cli = join(PACKAGE_ROOT, 'dist', 'cli.js');
  if (!existsSync(cli)) throw new BekError('refused', `--local: no built server at ${cli} (run npm run build first)`);
  return { kind: 'stdio', command: 'node', args: [cli, 'serve'] };
}

function localWarnings(launch: Launch): string[] {
  const path = launch.kind === 'stdio' ? (launch.args[0] ?? '') : '';
  return /[\\/]_npx[\\/]/.test(path)
    ? [`${path} is in npx's cache, which npm may clear: install the package, or leave out --local`]
    : [];
}

function httpWarnings(launch: Extract<Launch, { kind: 'http' }>, label: string, env: NodeJS.ProcessEnv): string[] {
  const warnings: string[] = [];
  if (launch.tokenEnv && !env[launch.tokenEnv])
    warnings.push(`${launch.tokenEnv} is not set here; ${label} must find it in its own environment when it starts`);
  const host = new URL(launch.url).hostname;
  const loopback = host === 'localhost' || host === '[::1]' || host.startsWith('127.');
  if (launch.tokenEnv && launch.url.startsWith('http:') && !loopback)
    warnings.push(`${launch.url} is plain HTTP to another machine: the token would cross the network unencrypted`);
  return warnings;
}

function describe(launch: Launch): string {
  return launch.kind === 'stdio' ? [launch.command, ...launch.args].join(' ') : `HTTP ${launch.url}`;
}
