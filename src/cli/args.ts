import { parseArgs, type ParseArgsConfig } from 'node:util';
import { z } from 'zod';
import { BekError } from '../util/errors.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** parseArgs with one clear error line for unknown flags and missing values. */
export function parse<O extends Options>(argv: string[], options: O) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new BekError('bad_input', (error as Error).message.replace(/\. To specify a positional argument.*$/s, '.'));
  }
}

/** Validates one flag's value with a zod schema, naming the flag and the accepted values on failure; an absent flag stays undefined. */
export function flag<T extends z.ZodType>(name: string, schema: T, value: string): z.infer<T>;
export function flag<T extends z.ZodType>(name: string, schema: T, value: string | undefined): z.infer<T> | undefined;
export function flag<T extends z.ZodType>(name: string, schema: T, value: string | undefined): z.infer<T> | undefined {
  if (value === undefined) return undefined;
  // A number's rules live in its schema; the flag's text becomes a number only when it is one.
  const input =
    schema instanceof z.ZodNumber ? (/^\s*-?\d+(\.\d+)?\s*$/.test(value) ? Number(value) : Number.NaN) : value;
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const problem =
    schema instanceof z.ZodEnum
      ? `expected one of: ${schema.options.join(', ')}`
      : (parsed.error.issues[0]?.message ?? 'invalid value');
  throw new BekError('bad_input', `--${name}: ${problem} (got "${value}")`);
}

/** Joins positionals into one text argument checked by its schema, or fails naming what is missing or wrong. */
export function text(positionals: string[], what: string, usage: string, schema: z.ZodType<string>): string {
  const value = positionals.join(' ').trim();
  if (!value) throw new BekError('bad_input', `missing ${what}. Usage: ${usage}`);
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new BekError('bad_input', parsed.error.issues[0]?.message ?? `invalid ${what}`);
  return parsed.data;
}

/** Fails on positional arguments past the `allowed` first ones, e.g. `bek serve http` when `--http` was meant. */
export function atMostPositionals(positionals: string[], allowed: number, flags: string[] = []): void {
  const extra = positionals[allowed];
  if (extra === undefined) return;
  throw new BekError(
    'bad_input',
    `unexpected argument "${extra}"${flags.includes(extra) ? ` (did you mean --${extra}?)` : ''}`,
  );
}
