import type { Engine } from '../core/engine.js';
import { parse } from './args.js';
import type { Io } from './io.js';

export interface Context {
  io: Io;
  /** Loads the catalogue on first use (once per process), with these team folders and BEK_PATTERNS_DIR's. */
  engine(patternsDirs?: readonly string[]): Engine;
}

export interface Command {
  name: string;
  summary: string;
  /** Full --help text, usage line first. */
  help: string;
  run(argv: string[], ctx: Context): number | Promise<number>;
}

/** One flag: with `value` (the placeholder shown in help) it takes a string, without it is a switch. */
export interface OptionSpec {
  value?: string;
  multiple?: boolean;
  help: string;
}

type Options = Record<string, OptionSpec>;

/** The parsed flags, typed from the option table. */
export type Values<O extends Options> = {
  [K in keyof O]?: O[K] extends { multiple: true } ? string[] : O[K] extends { value: string } ? string : boolean;
};

interface CommandSpec<O extends Options> {
  name: string;
  summary: string;
  usage: string;
  description: string;
  /** The one table of flags: what parsing accepts and what --help lists. */
  options: O;
  /** Text after the options (examples, environment). */
  footer?: string;
  run(args: { values: Values<O>; positionals: string[] }, ctx: Context): number | Promise<number>;
}

/** A command whose parser and help both come from its option table. */
export function command<const O extends Options>(spec: CommandSpec<O>): Command {
  const config = Object.fromEntries(
    Object.entries(spec.options).map(([name, o]) => [
      name,
      { type: o.value ? ('string' as const) : ('boolean' as const), multiple: o.multiple ?? false },
    ]),
  );
  return {
    name: spec.name,
    summary: spec.summary,
    help: [spec.usage, spec.description, `Options:\n${optionLines(spec.options)}`, spec.footer]
      .filter(Boolean)
      .join('\n\n'),
    run(argv, ctx) {
      const { values, positionals } = parse(argv, config);
      return spec.run({ values: values as Values<O>, positionals }, ctx);
    },
  };
}

function optionLines(options: Options): string {
  const heads = Object.entries(options).map(
    ([name, o]) => [`--${name}${o.value ? ` ${o.value}` : ''}`, o.help] as const,
  );
  const width = Math.max(...heads.map(([head]) => head.length)) + 3;
  return heads
    .map(([head, help]) => `  ${head.padEnd(width)}${help.split('\n').join(`\n  ${' '.repeat(width)}`)}`)
    .join('\n');
}

/** Prints a result as JSON or as its styled Markdown rendering. */
export function emit(ctx: Context, json: boolean | undefined, value: unknown, markdown: () => string): number {
  ctx.io.out(json ? JSON.stringify(value, null, 2) : markdown());
  return 0;
}
