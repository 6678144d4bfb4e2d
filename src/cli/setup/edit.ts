import { BekError } from '../../util/errors.js';
import { JsonError, memberOf, type Node, parseJson, sameJson } from './jsonc.js';

export type Action = 'created' | 'updated' | 'unchanged';

export interface Change {
  action: Action;
  /** The file's new text (the old one when unchanged). */
  text: string;
}

interface Target {
  /** The object holding the servers: "mcpServers" or "servers". */
  key: string;
  name: string;
  entry: unknown;
  jsonc: boolean;
  force: boolean;
}

/**
 * Puts `entry` at `key.name` in a client's file and changes nothing else: the new text is spliced into the
 * old one, then read back and compared with the intended value, so a wrong splice is refused, never written.
 */
export function mergeEntry(old: string | undefined, file: string, t: Target): Change {
  if (old === undefined || old.trim() === '') {
    const text = `${JSON.stringify({ [t.key]: { [t.name]: t.entry } }, null, 2)}\n`;
    return { action: old === undefined ? 'created' : 'updated', text };
  }
  const { value, node } = read(old, file, t.jsonc);
  if (node.kind !== 'object') throw refused(file, 'its top level is not a JSON object');
  const servers = memberOf(node, t.key);
  if (servers && servers.value.kind !== 'object') throw refused(file, `its "${t.key}" is not an object`);
  const existing = servers && memberOf(servers.value, t.name);
  const current = (value as Record<string, Record<string, unknown>>)[t.key]?.[t.name];
  if (existing && sameJson(current, t.entry)) return { action: 'unchanged', text: old };
  if (existing && !t.force)
    throw refused(
      file,
      `it already has a server "${t.name}" that differs: ${JSON.stringify(current)}. ` +
        'Pass --force to replace it, or --name to add another',
    );
  const style = styleOf(old);
  const text = existing
    ? splice(old, existing.value.start, existing.value.end, format(t.entry, lineIndent(old, existing.keyStart), style))
    : servers
      ? insert(old, servers.value, t.name, t.entry, style)
      : insert(old, node, t.key, { [t.name]: t.entry }, style);
  const intended = {
    ...(value as object),
    [t.key]: { ...(value as Record<string, object>)[t.key], [t.name]: t.entry },
  };
  if (!sameJson(read(text, file, t.jsonc).value, intended))
    throw new Error(`editing ${file} would have changed more than the "${t.name}" entry; nothing was written`);
  return { action: 'updated', text };
}

function read(text: string, file: string, jsonc: boolean) {
  try {
    return parseJson(text, jsonc);
  } catch (error) {
    if (!(error instanceof JsonError)) throw error;
    throw refused(file, `it is not valid ${jsonc ? 'JSON with comments' : 'JSON'} (${error.message})`);
  }
}

function refused(file: string, why: string): BekError {
  return new BekError('refused', `left ${file} untouched: ${why}`);
}

interface Style {
  unit: string;
  eol: string;
}

/** The file's own indentation unit and line ending, so an inserted entry looks like its neighbours. */
function styleOf(text: string): Style {
  const indented = /\n([ \t]+)\S/.exec(text)?.[1];
  return { unit: indented?.startsWith('\t') ? '\t' : (indented ?? '  '), eol: text.includes('\r\n') ? '\r\n' : '\n' };
}

function lineIndent(text: string, at: number): string {
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart))?.[0] ?? '';
}

function format(value: unknown, indent: string, style: Style): string {
  return JSON.stringify(value, null, style.unit).replaceAll('\n', `${style.eol}${indent}`);
}

function splice(text: string, start: number, end: number, replacement: string): string {
  return text.slice(0, start) + replacement + text.slice(end);
}

/** Adds `"key": value` as the last member of `object`, after any comment that ends the last member's line. */
function insert(text: string, object: Node, key: string, value: unknown, style: Style): string {
  if (object.kind !== 'object') throw new Error('not an object');
  const last = object.members.at(-1);
  const indent = lineIndent(text, object.start);
  if (!last) {
    const inner = `${indent}${style.unit}`;
    const member = `${style.eol}${inner}${JSON.stringify(key)}: ${format(value, inner, style)}`;
    const body = text.slice(object.start + 1, object.end - 1);
    // An empty body is replaced; one holding comments keeps them after the new member.
    return body.trim() === ''
      ? splice(text, object.start + 1, object.end - 1, `${member}${style.eol}${indent}`)
      : splice(text, object.start + 1, object.start + 1, `${member}${body.trimStart().startsWith('/') ? ',' : ''}`);
  }
  const memberIndent = lineIndent(text, last.keyStart);
  const oneLine = !text.slice(object.start, last.keyStart).includes('\n');
  const member = oneLine
    ? ` ${JSON.stringify(key)}: ${JSON.stringify(value)}`
    : `${style.eol}${memberIndent}${JSON.stringify(key)}: ${format(value, memberIndent, style)}`;
  let at = last.value.end;
  const comma = /^[ \t]*,/.exec(text.slice(at));
  if (comma) at += comma[0].length;
  const lineComment = /^[ \t]*\/\/[^\n]*?(?=\r?\n)/.exec(text.slice(at));
  if (!oneLine && lineComment) at += lineComment[0].length;
  // With a trailing comma already after the last member, the new one takes the comma's place and keeps the style.
  if (comma) return splice(text, at, at, `${member}${object.trailingComma ? ',' : ''}`);
  return splice(splice(text, at, at, member), last.value.end, last.value.end, ',');
}
