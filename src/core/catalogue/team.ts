import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from './front-matter.js';
import { deepFreeze, fileReader, loadPatterns } from './load.js';
import { TEAM_MANIFEST, TEAM_SELECTION, teamFrontMatter, TeamManifest } from './schema.js';
import { parseSelection } from './selection.js';
import type { Pattern, Problem, TeamFolder } from './types.js';

// A team folder is a flat folder of pattern documents, DIR/<id>.md, with the built-in documents' front
// matter and sections, and an optional DIR/bek.yaml that declares the extra scope names its documents
// use (`scopes: [payments, internal-platform]`), and an optional DIR/selection.json in the built-in
// selection data's format (skill/selection.json) that adds needs, evidence and supporting rules, so the
// folder's patterns take part in select_pattern. Anything else in the folder is ignored.

export interface TeamLoad {
  folder?: TeamFolder;
  /**
   * Each pattern whole, its text kept (a team folder is small): a broken save while --watch serves it
   * cannot make the last good text unreadable.
   */
  patterns: Pattern[];
  /** The sha256 of each pattern's file, in `patterns` order. */
  digests: string[];
  /** Hash of every file read: changes whenever a document or the manifest does. */
  version: string;
}

/** The .md files of a team folder, sorted, or the problem that keeps it from being listed (missing, a file, no permission). */
export function teamDocuments(dir: string): string[] | Problem {
  const problem = (message: string): Problem => ({ file: dir, field: '(folder)', message });
  try {
    if (!statSync(dir).isDirectory()) return problem('not a folder');
    return readdirSync(dir)
      .filter((f) => f.endsWith('.md'))
      .sort()
      .map((f) => join(dir, f));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return problem(code === 'ENOENT' ? 'missing: the team folder does not exist (any more)' : `unreadable (${code})`);
  }
}

/** Every file the loader reads in a team folder (the cache keys on them). */
export const teamFiles = (dir: string): string[] => {
  const docs = teamDocuments(dir);
  return [...(Array.isArray(docs) ? docs : []), join(dir, TEAM_MANIFEST), join(dir, TEAM_SELECTION)];
};

/** Loads and validates one team folder (`dir` absolute); the folder is returned only when it has no problem. */
export function loadTeamFolder(dir: string, problems: Problem[]): TeamLoad {
  const before = problems.length;
  const { read, version } = fileReader(dir, problems, (path) => path);
  const docs = teamDocuments(dir);
  if (!Array.isArray(docs)) {
    problems.push(docs);
    return { patterns: [], digests: [], version: version() };
  }
  const manifestPath = join(dir, TEAM_MANIFEST);
  const manifest = existsSync(manifestPath) ? read(manifestPath) : undefined;
  // Read as a document's front matter would be: the same YAML-only parser and the same problem records.
  const declared = manifest
    ? parseDocument(
        Buffer.concat([Buffer.from('---\n'), manifest.bytes, Buffer.from('\n---\n')]),
        manifestPath,
        TeamManifest,
        problems,
      )?.data.scopes
    : [];
  const selectionPath = join(dir, TEAM_SELECTION);
  const selectionFile = existsSync(selectionPath) ? read(selectionPath) : undefined;
  const selection = selectionFile && parseSelection(selectionFile.bytes, problems, selectionPath);
  const patterns: Pattern[] = [];
  const { digests } = loadPatterns({
    root: dir,
    paths: docs,
    fileOf: (path) => path,
    schema: teamFrontMatter(declared ?? []),
    origin: dir,
    read,
    problems,
    onPattern: (p) => patterns.push(deepFreeze(p)),
  });
  if (docs.length === 0) problems.push({ file: dir, field: '(folder)', message: 'no pattern documents (*.md) found' });
  const ok = problems.length === before;
  const folder = ok ? { dir, scopes: [...new Set(declared ?? [])], ...(selection && { selection }) } : undefined;
  return { ...(folder && { folder }), patterns, digests, version: version() };
}
