import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import type { Catalogue } from '../../core/catalogue/types.js';

// The catalogue as an Agent Skill: a folder named after the skill with SKILL.md at its root and the
// guides and pattern documents under references/, so agents that load skills natively need no MCP.

export interface SkillFile {
  /** Inside the skill folder, "/"-separated. */
  path: string;
  data: Buffer;
}

/** The skill folder's files, read from the catalogue's root; SKILL.md's links lose their "../". */
export function skillFiles(root: string, catalogue: Catalogue): SkillFile[] {
  const read = (file: string) => readFileSync(join(root, file));
  const skill = read('skill/SKILL.md').toString('utf8').replaceAll('](../references/', '](references/');
  return [
    { path: 'SKILL.md', data: Buffer.from(skill) },
    ...catalogue.guides.map((g) => ({ path: `references/${g.name}.md`, data: read(g.file) })),
    ...catalogue.patterns.map((p) => ({ path: `references/patterns/${p.id}.md`, data: read(p.file) })),
  ];
}

const NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * What would stop an agent from loading the folder: SKILL.md's front matter (name: lowercase words and
 * hyphens, at most 64 characters, equal to the folder's name; description: 1 to 1,024 characters) and
 * every relative link in every file resolving inside the folder.
 */
export function skillProblems(folder: string, name: string, files: SkillFile[]): string[] {
  const problems: string[] = [];
  const skill = files.find((f) => f.path === 'SKILL.md')?.data.toString('utf8') ?? '';
  const front = /^---\n([\s\S]*?)\n---\n/.exec(skill)?.[1] ?? '';
  const field = (key: string) => new RegExp(`^${key}:\\s*"?(.*?)"?\\s*$`, 'm').exec(front)?.[1] ?? '';
  if (!NAME.test(field('name')) || field('name').length > 64)
    problems.push('SKILL.md: name must be lowercase words joined by hyphens, at most 64 characters');
  if (field('name') !== name)
    problems.push(`SKILL.md: name "${field('name')}" differs from the folder's name "${name}"`);
  const description = field('description');
  if (description.length < 1 || description.length > 1024)
    problems.push('SKILL.md: description must be 1 to 1,024 characters');
  for (const f of files) {
    const prose = f.data.toString('utf8').replace(/```[\s\S]*?```/g, '');
    for (const [, target] of prose.matchAll(/\]\(([^)\s#]+)(?:#[^)]*)?\)/g)) {
      if (!target || /^[a-z]+:/.test(target)) continue;
      const resolved = normalize(join(dirname(f.path), target));
      if (resolved.startsWith('..') || !existsSync(join(folder, resolved)))
        problems.push(`${f.path}: link to ${target} does not resolve`);
    }
  }
  return problems;
}
