import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const ROOT = join(import.meta.dirname, '../..');

export interface ServedBek {
  child: ChildProcess;
  /** The MCP endpoint the server logged, e.g. http://127.0.0.1:41234/mcp. */
  url: string;
  /** Its stderr, one parsed JSON log line each, as they arrive. */
  logs: Record<string, unknown>[];
  /** What it wrote on stdout (nothing, in HTTP mode). */
  stdout(): string;
}

/** Starts the built `bek serve --http` on a free loopback port (no BEK_ settings inherited) and waits for its URL. */
export async function serveBuilt(env: NodeJS.ProcessEnv = {}): Promise<ServedBek> {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('BEK_')));
  const child = spawn(process.execPath, ['dist/cli.js', 'serve', '--http', '--port', '0'], {
    cwd: ROOT,
    env: { ...clean, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  const logs: Record<string, unknown>[] = [];
  child.stdout?.on('data', (c: Buffer) => (stdout += c.toString()));
  const lines = createInterface({ input: child.stderr as NodeJS.ReadableStream });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`server exited early with ${code}: ${JSON.stringify(logs)}`)));
    lines.on('line', (line) => {
      const entry = JSON.parse(line) as Record<string, unknown>;
      logs.push(entry);
      if (entry.msg === 'listening') resolve(String(entry.url));
    });
  });
  return { child, url, logs, stdout: () => stdout };
}
