import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HINT, HINT_IN_URL, patternTemplate } from '../../src/core/catalogue/template.js';

/** What `bek new` writes, with each hint replaced by text: a valid document, whatever the fields below. */
export function filledTemplate(text: string): string {
  return text
    .replaceAll(`https://example.com/${HINT_IN_URL}-replace-with-a-primary-source`, 'https://example.org/team')
    .replaceAll(`${HINT}: `, 'Team text: ');
}

interface Doc {
  scope?: string;
  aliases?: string[];
  related?: string[];
  overrides?: string;
  problem?: string;
}

/** A valid team document (bek new's template, filled in) with these fields. */
export function teamDoc(id: string, doc: Doc = {}): string {
  let text = filledTemplate(
    patternTemplate({ id, scope: doc.scope ?? 'api', level: 'intermediate', today: '2026-12-01' }),
  );
  if (doc.overrides) text = text.replace('\nlevel:', `\noverrides: ${doc.overrides}\nlevel:`);
  if (doc.related) text = text.replace('related: []', `related: [${doc.related.join(', ')}]`);
  if (doc.aliases)
    text = text.replace(/aliases:\n {2}- .*\n/, `aliases: [${doc.aliases.map((a) => JSON.stringify(a)).join(', ')}]\n`);
  if (doc.problem) text = text.replace(/## Problem\n\n.*\n/, `## Problem\n\n${doc.problem}\n`);
  return text;
}

/** A fresh team folder holding these documents (id → document) and, when given, a bek.yaml. */
export function teamFolder(docs: Record<string, string>, manifest?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'bek-team-'));
  mkdirSync(dir, { recursive: true });
  for (const [id, text] of Object.entries(docs)) writeFileSync(join(dir, `${id}.md`), text);
  if (manifest !== undefined) writeFileSync(join(dir, 'bek.yaml'), manifest);
  return dir;
}
