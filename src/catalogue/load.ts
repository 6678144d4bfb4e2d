import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import matter from 'gray-matter';
import type { z } from 'zod';
import { checkPattern, checkRelations } from './checks.js';
import { splitSections } from './markdown.js';
import { GuideFrontMatter, PatternFrontMatter } from './schema.js';
import { parseSkill } from './skill.js';
import type { Catalogue, Guide, Pattern, Problem } from './types.js';

export interface LoadResult {
  catalogue?: Catalogue;
  problems: Problem[];
}

const markdownFiles = (dir: string) =>
  existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.md')).sort().map((f) => join(dir, f)) : [];

/** Parses front matter with gray-matter and validates it; records every problem instead of stopping. */
function parseDocument<T extends z.ZodType>(text: string, file: string, schema: T, problems: Problem[]) {
  let doc: matter.GrayMatterFile<string>;
  try {
    doc = matter(text);
  } catch (error) {
    problems.push({ file, field: '(front matter)', message: `unreadable YAML: ${(error as Error).message.split('\n')[0]}` });
    return undefined;
  }
  const parsed = schema.safeParse(doc.data);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      problems.push({ file, field: issue.path.join('.') || '(front matter)', message: issue.message });
    }
    return undefined;
  }
  return { data: parsed.data as z.infer<T>, body: doc.content.trim() };
}

/**
 * Loads the content under `root` (skill/SKILL.md, references/*.md, references/patterns/*.md),
 * validating everything. The catalogue is returned only when there are no problems.
 */
export function loadCatalogue(root: string): LoadResult {
  const problems: Problem[] = [];
  const hash = createHash('sha256');
  const read = (path: string) => {
    const text = readFileSync(path, 'utf8');
    hash.update(path.slice(root.length)).update(text);
    return text;
  };
  const rel = (path: string) => relative(root, path);

  const patterns: Pattern[] = [];
  for (const path of markdownFiles(join(root, 'references/patterns'))) {
    const file = rel(path);
    const doc = parseDocument(read(path), file, PatternFrontMatter, problems);
    if (!doc) continue;
    const pattern: Pattern = { ...doc.data, file, body: doc.body, sections: splitSections(doc.body) };
    checkPattern(pattern, basename(path, '.md'), problems);
    patterns.push(pattern);
  }
  const byId = checkRelations(patterns, problems);

  const guides: Guide[] = [];
  for (const path of markdownFiles(join(root, 'references'))) {
    const file = rel(path);
    const doc = parseDocument(read(path), file, GuideFrontMatter, problems);
    if (doc) guides.push({ ...doc.data, name: basename(path, '.md'), file, body: doc.body });
  }

  const skillPath = join(root, 'skill/SKILL.md');
  const skill = existsSync(skillPath)
    ? parseSkill(read(skillPath), rel(skillPath), problems)
    : void problems.push({ file: 'skill/SKILL.md', field: '(file)', message: 'missing' });

  if (patterns.length === 0) problems.push({ file: 'references/patterns', field: '(folder)', message: 'no pattern documents found' });
  if (problems.length > 0 || !skill) return { problems };
  const catalogue: Catalogue = { patterns, byId, guides, skill, version: hash.digest('hex').slice(0, 12) };
  return { catalogue: deepFreeze(catalogue), problems };
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value) && !(value instanceof Map)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
