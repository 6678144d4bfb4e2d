import type { Engine } from '../core/engine.js';
import type { Io } from './io.js';

export interface Context {
  io: Io;
  /** Loads the built-in catalogue on first use (once per process). */
  engine(): Engine;
}

export interface Command {
  name: string;
  summary: string;
  /** Full --help text, usage line first. */
  help: string;
  run(argv: string[], ctx: Context): number | Promise<number>;
}

/** Prints a result as JSON or as its styled Markdown rendering. */
export function emit(ctx: Context, json: boolean | undefined, value: unknown, markdown: () => string): number {
  ctx.io.out(json ? JSON.stringify(value, null, 2) : markdown());
  return 0;
}
