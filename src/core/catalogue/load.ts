import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import type { z } from 'zod';
import { BekError } from '../../util/errors.js';
import { sha256Hex } from '../../util/hash.js';
import { checkPattern, checkRelations } from './checks.js';
import { readCatalogueFile, realRootOf } from './files.js';
import { parseDocument, parseMatter } from './front-matter.js';
import { splitSections } from './markdown.js';
import { BUILT_IN, GuideFrontMatter, PatternFrontMatter, SCOPES, type TeamFrontMatter } from './schema.js';
import { checkSelection, parseSelection, SELECTION_FILE } from './selection.js';
import { parseSkill } from './skill.js';
import { type PatternMeta, withTextOnDemand } from './text.js';
import type { Catalogue, Guide, Pattern, Problem } from './types.js';

export interface LoadResult {
  catalogue?: Catalogue;
  problems: Problem[];
  /** With a catalogue: the sha256 of each pattern's file, in catalogue order (what its text is checked against). */
  digests?: string[];
}

/** The .md files of a folder, sorted; a folder that is missing or cannot be listed (a file, no permission) has none. */
function markdownFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  try {
    return readdirSync(dir)
      .filter((f) => f.endsWith('.md'))
      .sort()
      .map((f) => join(dir, f));
  } catch {
    return [];
  }
}

/** Every file the loader reads under `root`, in the order it reads them. */
export const catalogueFiles = (root: string) => [
  ...markdownFiles(join(root, 'references/patterns')),
  ...markdownFiles(join(root, 'references')),
  join(root, 'skill/SKILL.md'),
  join(root, SELECTION_FILE),
];

/**
 * The body and sections of a pattern document, read again from its file when asked for. They are
 * what was validated: a file changed since is an error, not a document served unchecked.
 */
function textFromFile(root: string, file: string, loaded: string) {
  return () => {
    const read = readCatalogueFile(realRootOf(root), resolve(root, file));
    if ('problem' in read) throw new BekError('broken_catalogue', `${file}: ${read.problem}; restart to serve it`);
    const { bytes } = read;
    if (sha256Hex(bytes) !== loaded)
      throw new BekError('broken_catalogue', `${file} changed after the catalogue was loaded; restart to serve it`);
    const body = parseMatter(bytes).content.trim();
    return deepFreeze({ body, sections: splitSections(body) });
  };
}

/** A pattern of a catalogue loaded earlier (see cache.ts): its text is read, and checked, as it is for any other. */
export const reloadedPattern = (root: string, meta: PatternMeta, sha: string): Pattern =>
  withTextOnDemand(deepFreeze(meta), textFromFile(root, meta.file, sha));

/** Reads catalogue files under `root` safely (files.ts), recording a problem for each it refuses and hashing the rest. */
export function fileReader(root: string, problems: Problem[], display: (path: string) => string) {
  const hash = createHash('sha256');
  const realRoot = realRootOf(root);
  const read = (path: string) => {
    const got = readCatalogueFile(realRoot, path);
    if ('problem' in got) {
      problems.push({ file: display(path), field: '(file)', message: got.problem });
      return undefined;
    }
    const { bytes } = got;
    const sha = sha256Hex(bytes);
    hash.update(relative(root, path)).update(sha); // relative: the same files give the same version wherever they are
    return { bytes, sha };
  };
  return { read, version: () => hash.digest('hex').slice(0, 12) };
}

/** How loadPatterns reads one folder of pattern documents. */
export interface PatternFiles {
  root: string;
  paths: string[];
  /** The `file` a pattern and its problems carry. */
  fileOf: (path: string) => string;
  schema: z.ZodType<TeamFrontMatter>;
  origin: string;
  read: ReturnType<typeof fileReader>['read'];
  problems: Problem[];
  onPattern?: ((pattern: Pattern) => void) | undefined;
}

/** Parses, validates and checks each pattern document; patterns keep no text (see withTextOnDemand). */
export function loadPatterns(f: PatternFiles): { patterns: Pattern[]; digests: string[] } {
  const patterns: Pattern[] = [];
  const digests: string[] = [];
  for (const path of f.paths) {
    const file = f.fileOf(path);
    const got = f.read(path);
    if (!got) continue;
    const { bytes, sha } = got;
    const doc = parseDocument(bytes, file, f.schema, f.problems);
    if (!doc) continue;
    // Copied through JSON: js-yaml's strings are slices of the whole front matter, and would keep every
    // document's (~26 MB for 10,000 documents).
    const meta = deepFreeze({ ...(JSON.parse(JSON.stringify(doc.data)) as typeof doc.data), origin: f.origin, file });
    const pattern: Pattern = { ...meta, body: doc.body, sections: splitSections(doc.body) };
    checkPattern(pattern, basename(path, '.md'), f.problems);
    f.onPattern?.(pattern);
    patterns.push(withTextOnDemand(meta, textFromFile(f.root, file, sha)));
    digests.push(sha);
  }
  return { patterns, digests };
}

/**
 * Loads the content under `root` (skill/SKILL.md, references/*.md, references/patterns/*.md),
 * validating everything. The catalogue is returned only when there are no problems. Its patterns keep
 * no text (see withTextOnDemand): `onPattern` sees each whole pattern once, as it is loaded.
 */
export function loadCatalogue(root: string, onPattern?: (pattern: Pattern) => void): LoadResult {
  const problems: Problem[] = [];
  const rel = (path: string) => relative(root, path);
  const { read, version } = fileReader(root, problems, rel);
  const { patterns, digests } = loadPatterns({
    root,
    paths: markdownFiles(join(root, 'references/patterns')),
    fileOf: rel,
    schema: PatternFrontMatter,
    origin: BUILT_IN,
    read,
    problems,
    onPattern,
  });
  const byId = checkRelations(patterns, problems);

  const guides: Guide[] = [];
  for (const path of markdownFiles(join(root, 'references'))) {
    const file = rel(path);
    const got = read(path);
    const doc = got && parseDocument(got.bytes, file, GuideFrontMatter, problems);
    if (doc) guides.push({ ...doc.data, name: basename(path, '.md'), file, body: doc.body });
  }

  const skillPath = join(root, 'skill/SKILL.md');
  const skillFile = existsSync(skillPath) ? read(skillPath) : undefined;
  if (!existsSync(skillPath)) problems.push({ file: 'skill/SKILL.md', field: '(file)', message: 'missing' });
  const skill = skillFile && parseSkill(skillFile.bytes, rel(skillPath), problems);
  const selectionPath = join(root, SELECTION_FILE);
  const selectionFile = existsSync(selectionPath) ? read(selectionPath) : undefined;
  if (!existsSync(selectionPath)) problems.push({ file: SELECTION_FILE, field: '(file)', message: 'missing' });
  const selection = selectionFile && parseSelection(selectionFile.bytes, problems);

  if (patterns.length === 0)
    problems.push({ file: 'references/patterns', field: '(folder)', message: 'no pattern documents found' });
  if (skill && selection) problems.push(...checkSelection(selection, byId, skill));
  if (problems.length > 0 || !skill || !selection) return { problems };
  const catalogue: Catalogue = {
    patterns,
    byId,
    guides,
    skill,
    selection,
    scopes: SCOPES,
    folders: [],
    version: version(),
  };
  return { catalogue: deepFreeze(catalogue), problems, digests };
}

export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value) && !(value instanceof Map)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
