/**
 * A JSON reader that keeps where each value sits in the text, so `bek setup` can change one entry of a
 * client's file and leave every other byte (comments, order, spacing) as it was. Strict JSON by default;
 * with `jsonc` it also accepts comments and trailing commas (VS Code's "JSON with Comments").
 */

export type Node =
  | { kind: 'object'; start: number; end: number; members: Member[]; trailingComma: boolean }
  | { kind: 'array' | 'scalar'; start: number; end: number };

export interface Member {
  key: string;
  keyStart: number;
  value: Node;
}

export class JsonError extends Error {}

const MAX_DEPTH = 512;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERALS: Record<string, unknown> = { true: true, false: false, null: null };

/** Parses `text` into its value and the positions of its nodes; throws JsonError naming line and column. */
export function parseJson(text: string, jsonc = false): { value: unknown; node: Node } {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;

  const fail = (what: string, at = i): never => {
    const before = text.slice(0, at).split('\n');
    throw new JsonError(`line ${before.length}, column ${(before.at(-1)?.length ?? 0) + 1}: ${what}`);
  };

  const skip = () => {
    for (;;) {
      while (i < text.length && ' \t\r\n'.includes(text.charAt(i))) i++;
      if (text[i] !== '/') return;
      if (!jsonc && (text[i + 1] === '/' || text[i + 1] === '*')) fail('a comment, which JSON does not allow');
      if (text[i + 1] === '/') {
        const eol = text.indexOf('\n', i);
        i = eol < 0 ? text.length : eol;
      } else if (text[i + 1] === '*') {
        const close = text.indexOf('*/', i + 2);
        if (close < 0) fail('unterminated comment');
        i = close + 2;
      } else return;
    }
  };

  const string = (): string => {
    const start = i++;
    while (i < text.length && text[i] !== '"') {
      if (text.charCodeAt(i) < 0x20) fail('control character in a string');
      i += text[i] === '\\' ? 2 : 1;
    }
    if (i >= text.length) fail('unterminated string', start);
    i++;
    try {
      return JSON.parse(text.slice(start, i)) as string;
    } catch {
      return fail('invalid escape in a string', start);
    }
  };

  const value = (depth: number): { value: unknown; node: Node } => {
    if (depth > MAX_DEPTH) fail('nested too deeply');
    skip();
    const start = i;
    const c = text[i];
    if (c === '{' || c === '[') return c === '{' ? object(depth, start) : array(depth, start);
    if (c === '"') return { value: string(), node: { kind: 'scalar', start, end: i } };
    NUMBER.lastIndex = i;
    const number = NUMBER.exec(text);
    if (number) {
      i += number[0].length;
      return { value: Number(number[0]), node: { kind: 'scalar', start, end: i } };
    }
    const word = /^[a-z]+/.exec(text.slice(i, i + 6))?.[0] ?? '';
    if (!(word in LITERALS)) fail(i >= text.length ? 'unexpected end of the file' : `unexpected "${text[i]}"`);
    i += word.length;
    return { value: LITERALS[word], node: { kind: 'scalar', start, end: i } };
  };

  /** Runs `item` for each element up to `close`, handling commas; returns whether the last one had a trailing comma. */
  const elements = (close: string, item: () => void): boolean => {
    i++;
    skip();
    let trailing = false;
    while (text[i] !== close) {
      item();
      skip();
      trailing = false;
      if (text[i] === ',') {
        i++;
        skip();
        trailing = true;
        if (text[i] === close && !jsonc) fail(`trailing comma before "${close}"`);
      } else if (text[i] !== close) fail(`expected "," or "${close}"`);
    }
    i++;
    return trailing;
  };

  const object = (depth: number, start: number) => {
    const result: Record<string, unknown> = {};
    const members: Member[] = [];
    const trailingComma = elements('}', () => {
      if (text[i] !== '"') fail('expected a property name in double quotes');
      const keyStart = i;
      const key = string();
      skip();
      if (text[i] !== ':') fail('expected ":"');
      i++;
      const member = value(depth + 1);
      // defineProperty: a key named "__proto__" is data, as JSON.parse treats it.
      Object.defineProperty(result, key, { value: member.value, enumerable: true, writable: true, configurable: true });
      members.push({ key, keyStart, value: member.node });
    });
    return { value: result, node: { kind: 'object' as const, start, end: i, members, trailingComma } };
  };

  const array = (depth: number, start: number) => {
    const result: unknown[] = [];
    elements(']', () => result.push(value(depth + 1).value));
    return { value: result, node: { kind: 'array' as const, start, end: i } };
  };

  const parsed = value(0);
  skip();
  if (i < text.length) fail('unexpected text after the end');
  return parsed;
}

/** The last member named `key` (JSON.parse keeps the last of duplicate keys too). */
export function memberOf(node: Node, key: string): Member | undefined {
  return node.kind === 'object' ? node.members.findLast((m) => m.key === key) : undefined;
}

/** Deep equality of JSON values, ignoring the order of object keys. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  const bo = b as Record<string, unknown>;
  return ka.every((k) => Object.hasOwn(bo, k) && sameJson((a as Record<string, unknown>)[k], bo[k]));
}
