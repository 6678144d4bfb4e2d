import { existsSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { parseMatter } from '../../core/catalogue/front-matter.js';
import { relativeLinks } from '../../core/catalogue/markdown.js';
import type { SkillFile } from '../../core/catalogue/skill-files.js';

/** An Agent Skill's name: lowercase words joined by hyphens, at most 64 characters. */
export const isSkillName = (name: string) => /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(name) && name.length <= 64;

/**
 * What would stop an agent from loading the folder: SKILL.md's front matter (a valid name equal to the
 * folder's; a description of 1 to 1,024 characters) and every relative link in every file resolving
 * inside the folder.
 */
export function skillProblems(folder: string, name: string, files: SkillFile[]): string[] {
  const problems: string[] = [];
  const skill = files.find((f) => f.path === 'SKILL.md')?.data ?? Buffer.alloc(0);
  const front = parseMatter(skill).data as { name?: unknown; description?: unknown };
  const given = String(front.name ?? '');
  if (!isSkillName(given))
    problems.push('SKILL.md: name must be lowercase words joined by hyphens, at most 64 characters');
  if (given !== name) problems.push(`SKILL.md: name "${given}" differs from the folder's name "${name}"`);
  const description = String(front.description ?? '');
  if (description.length < 1 || description.length > 1024)
    problems.push('SKILL.md: description must be 1 to 1,024 characters');
  for (const f of files) {
    for (const target of relativeLinks(f.data.toString('utf8'))) {
      const resolved = normalize(join(dirname(f.path), target));
      if (resolved.startsWith('..') || !existsSync(join(folder, resolved)))
        problems.push(`${f.path}: link to ${target} does not resolve`);
    }
  }
  return problems;
}
