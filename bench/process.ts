import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

// Child processes measured from the outside: what a client or a shell sees, spawn included.

const TIMEOUT_MS = 60_000;

interface JsonRpcResponse {
  id: number;
  result?: Record<string, unknown>;
  error?: { message: string };
}

/** Milliseconds from spawn to exit (stdout and stderr drained); fails on a non-zero exit. */
export function timeToExit(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const start = performance.now();
  const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stdout.resume();
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => {
      if (code === 0) resolve(performance.now() - start);
      else reject(new Error(`${command} ${args.join(' ')} exited ${code}: ${stderr.slice(0, 500)}`));
    });
  });
}

/** An MCP server over stdio, spoken to in newline-delimited JSON-RPC, the way a client spawns it. */
export class McpProcess {
  readonly startedAt = performance.now();
  private readonly child: ChildProcess;
  private readonly pending = new Map<number, { resolve: (r: JsonRpcResponse) => void; reject: (e: Error) => void }>();
  private nextId = 1;
  private buffer = '';
  private stderr = '';
  private readonly exited: Promise<void>;

  constructor(command: string, args: string[], env: NodeJS.ProcessEnv = process.env) {
    this.child = spawn(command, args, { env, stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stdout?.setEncoding('utf8').on('data', (chunk: string) => this.receive(chunk));
    this.child.stderr
      ?.setEncoding('utf8')
      .on('data', (chunk: string) => (this.stderr = (this.stderr + chunk).slice(-2000)));
    this.exited = new Promise((resolve) => this.child.once('exit', () => resolve()));
    void this.exited.then(() => this.failAll(new Error(`server exited: ${this.stderr}`)));
  }

  private receive(chunk: string): void {
    this.buffer += chunk;
    let newline: number;
    while ((newline = this.buffer.indexOf('\n')) >= 0) {
      const line = this.buffer.slice(0, newline).trim();
      this.buffer = this.buffer.slice(newline + 1);
      if (!line.startsWith('{')) continue; // not JSON-RPC, e.g. V8's --trace-gc lines when profiling the server
      const message = JSON.parse(line) as Partial<JsonRpcResponse>;
      if (typeof message.id !== 'number') continue;
      this.pending.get(message.id)?.resolve(message as JsonRpcResponse);
      this.pending.delete(message.id);
    }
  }

  private failAll(error: Error): void {
    for (const p of this.pending.values()) p.reject(error);
    this.pending.clear();
  }

  /** Sends a request and resolves with its result; an error response rejects. */
  request(method: string, params: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
    const id = this.nextId++;
    const answer = new Promise<JsonRpcResponse>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      setTimeout(() => reject(new Error(`${method} timed out; stderr: ${this.stderr}`)), TIMEOUT_MS).unref();
    });
    this.child.stdin?.write(`${JSON.stringify({ jsonrpc: '2.0', id, method, params })}\n`);
    return answer.then((r) => {
      if (r.error) throw new Error(`${method}: ${r.error.message}`);
      return r.result ?? {};
    });
  }

  /** The 2025-11-25 opening every shipped client uses: initialize, then the initialized notification. */
  async initialize(): Promise<void> {
    await this.request('initialize', {
      protocolVersion: '2025-11-25',
      capabilities: {},
      clientInfo: { name: 'bek-bench', version: '1.0.0' },
    });
    this.child.stdin?.write(`${JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' })}\n`);
  }

  /** Calls a tool; a tool-level error (isError) rejects, so a benchmark never times failures. */
  async callTool(name: string, args: Record<string, unknown>): Promise<Record<string, unknown>> {
    const result = await this.request('tools/call', { name, arguments: args });
    if (result.isError) throw new Error(`${name} failed: ${JSON.stringify(result.content)}`);
    return result;
  }

  /** Resident set size and its peak, in MB, from /proc (Linux). */
  memory(): { rss: number; peak: number } {
    const status = readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? Number.NaN);
    return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
  }

  /** Closes stdin, as a client does, and waits for the exit; a server that lingers is killed. */
  async close(): Promise<void> {
    this.child.stdin?.end();
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 3000);
    await this.exited;
    clearTimeout(timer);
  }
}

/** Milliseconds from spawn to the answer to tools/list, after the initialize handshake. */
export async function timeToToolsList(command: string, args: string[], env?: NodeJS.ProcessEnv): Promise<number> {
  const server = new McpProcess(command, args, env);
  try {
    await server.initialize();
    await server.request('tools/list');
    return performance.now() - server.startedAt;
  } finally {
    await server.close();
  }
}
