import { posix, win32 } from 'node:path';
import { BekError } from '../../util/errors.js';

// Where each client keeps its MCP servers and the shape of an entry, from each client's documentation
// (checked 2026-12-01):
// - Claude Desktop: modelcontextprotocol.io/docs/develop/connect-local-servers (claude_desktop_config.json,
//   "mcpServers"); remote servers are added under Settings > Connectors, not in this file
//   (support.claude.com/en/articles/11503834).
// - Claude Code: code.claude.com/docs/en/mcp ("user" scope: ~/.claude.json; "project": .mcp.json; ${VAR}
//   expanded in command, args, env, url and headers).
// - Cursor: cursor.com/docs/mcp (~/.cursor/mcp.json and .cursor/mcp.json; ${env:NAME} interpolation).
// - VS Code: code.visualstudio.com/docs/copilot/reference/mcp-configuration (mcp.json in the user profile or
//   .vscode/mcp.json, "servers", a "type" on each server, ${env:NAME} from the variables reference; VS Code
//   reads its configuration files as JSON with comments).
// The user profile folders of Claude Desktop and VS Code are Electron's appData folder: %APPDATA% on Windows,
// ~/Library/Application Support on macOS, $XDG_CONFIG_HOME or ~/.config on Linux.

export type Platform = 'linux' | 'darwin' | 'win32';
export type Scope = 'user' | 'project';

export type Launch =
  | { kind: 'stdio'; command: string; args: string[] }
  | { kind: 'http'; url: string; tokenEnv?: string };

interface Folders {
  home: string;
  appData: string;
}

export interface Client {
  label: string;
  /** The object of the file that holds the servers by name. */
  key: 'mcpServers' | 'servers';
  /** Whether the client reads the file as JSON with comments (and trailing commas). */
  jsonc: boolean;
  /** The user-scope file. */
  user(folders: Folders): string[];
  /** The project-scope file, under the project folder; absent when the client has none. */
  project?: string[];
  /** Whether each entry names its transport in a "type" field. */
  typed: boolean;
  /** How the client's file refers to an environment variable; absent when it cannot take an HTTP server. */
  envReference?: (name: string) => string;
  /** Why an HTTP entry cannot be written, for a client without one. */
  noHttp?: string;
  /** What to do after the file changed. */
  next: string;
  /** An environment variable that can move the user file elsewhere, which bek does not follow. */
  movedBy?: string;
}

export const CLIENTS: Record<string, Client> = {
  'claude-desktop': {
    label: 'Claude Desktop',
    key: 'mcpServers',
    jsonc: false,
    user: (f) => [f.appData, 'Claude', 'claude_desktop_config.json'],
    typed: false,
    noHttp:
      'Claude Desktop starts only local (stdio) servers from claude_desktop_config.json; add a remote server ' +
      'under Settings > Connectors instead, or run bek setup claude-desktop without --http',
    next: 'Quit and reopen Claude Desktop to load it.',
  },
  'claude-code': {
    label: 'Claude Code',
    key: 'mcpServers',
    jsonc: false,
    user: (f) => [f.home, '.claude.json'],
    project: ['.mcp.json'],
    typed: true,
    envReference: (name) => `\${${name}}`,
    next: 'Start a new Claude Code session; /mcp lists it.',
    movedBy: 'CLAUDE_CONFIG_DIR',
  },
  cursor: {
    label: 'Cursor',
    key: 'mcpServers',
    jsonc: false,
    user: (f) => [f.home, '.cursor', 'mcp.json'],
    project: ['.cursor', 'mcp.json'],
    typed: false,
    envReference: (name) => `\${env:${name}}`,
    next: 'Enable it in Cursor Settings > MCP (restart Cursor if it is not listed).',
  },
  vscode: {
    label: 'VS Code',
    key: 'servers',
    jsonc: true,
    user: (f) => [f.appData, 'Code', 'User', 'mcp.json'],
    project: ['.vscode', 'mcp.json'],
    typed: true,
    envReference: (name) => `\${env:${name}}`,
    next: 'Run "MCP: List Servers" in VS Code to start it.',
    movedBy: 'VSCODE_APPDATA',
  },
};

interface Where {
  platform: Platform;
  env: NodeJS.ProcessEnv;
  /** The project folder, for the project scope (absolute). */
  dir: string;
}

/** The configuration file of `client` for `scope`, from the home and app-data folders named by `where.env`. */
export function configFile(client: Client, scope: Scope, where: Where): string {
  const path = where.platform === 'win32' ? win32 : posix;
  if (scope === 'project') {
    if (!client.project) throw new BekError('bad_input', `${client.label} has no project configuration file`);
    return path.join(where.dir, ...client.project);
  }
  return path.join(...client.user(folders(where)));
}

function folders({ platform, env }: Where): Folders {
  const path = platform === 'win32' ? win32 : posix;
  const given = (value: string | undefined) => (value && path.isAbsolute(value) ? value : undefined);
  const home = given(platform === 'win32' ? (env.USERPROFILE ?? env.HOME) : env.HOME);
  if (!home) throw new BekError('bad_config', `no home folder: set ${platform === 'win32' ? 'USERPROFILE' : 'HOME'}`);
  const appData =
    platform === 'win32'
      ? (given(env.APPDATA) ?? path.join(home, 'AppData', 'Roaming'))
      : platform === 'darwin'
        ? path.join(home, 'Library', 'Application Support')
        : (given(env.XDG_CONFIG_HOME) ?? path.join(home, '.config'));
  return { home, appData };
}

/** The entry `client` needs to start (stdio) or reach (HTTP) this server; a token only as a variable reference. */
export function serverEntry(client: Client, launch: Launch, platform: Platform): Record<string, unknown> {
  if (launch.kind === 'stdio') {
    // Windows installs npx as npx.cmd, a batch file, which a client that starts servers without a shell
    // cannot run ("spawn npx ENOENT"); the Claude Code documentation gives this cmd /c form for Windows.
    const viaCmd = platform === 'win32' && launch.command === 'npx';
    const [command, args] = viaCmd ? ['cmd', ['/c', 'npx', ...launch.args]] : [launch.command, launch.args];
    return { ...(client.typed && { type: 'stdio' }), command, args };
  }
  if (!client.envReference) throw new BekError('bad_input', client.noHttp ?? `${client.label} takes no HTTP server`);
  const headers = launch.tokenEnv && { headers: { Authorization: `Bearer ${client.envReference(launch.tokenEnv)}` } };
  return { ...(client.typed && { type: 'http' }), url: launch.url, ...headers };
}
