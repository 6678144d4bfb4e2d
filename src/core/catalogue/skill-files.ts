import { resolve } from 'node:path';
import { BekError } from '../../util/errors.js';
import { readCatalogueFile, realRootOf } from './files.js';
import { BUILT_IN } from './schema.js';
import type { Catalogue } from './types.js';

// The catalogue as an Agent Skill: a folder named after the skill with SKILL.md at its root and the
// guides and pattern documents under references/. `bek export skill` writes these files and the MCP
// skills extension serves them as skill://<name>/<path>, so both give agents the same bytes.

export interface SkillFile {
  /** Inside the skill folder, "/"-separated. */
  path: string;
  data: Buffer;
}

/**
 * The skill folder's files, read from the catalogue's root as the loader reads them (a file swapped for a
 * FIFO or a symlink out of the folder since is an error, never a hang); SKILL.md's links lose their "../".
 */
export function skillFiles(root: string, catalogue: Catalogue): SkillFile[] {
  const realRoots = new Map<string, string>();
  // A built-in document's file is relative to the catalogue's root; a team document's is absolute, inside its folder.
  const read = (file: string, base = root) => {
    let realRoot = realRoots.get(base);
    if (realRoot === undefined) realRoots.set(base, (realRoot = realRootOf(base)));
    const got = readCatalogueFile(realRoot, resolve(base, file));
    if ('problem' in got) throw new BekError('broken_catalogue', `${file}: ${got.problem}; restart to serve it`);
    return got.bytes;
  };
  const skill = read(catalogue.skill.file).toString('utf8').replaceAll('](../references/', '](references/');
  return [
    { path: 'SKILL.md', data: Buffer.from(skill) },
    ...catalogue.guides.map((g) => ({ path: `references/${g.name}.md`, data: read(g.file) })),
    ...catalogue.patterns.map((p) => ({
      path: `references/patterns/${p.id}.md`,
      data: read(p.file, p.origin === BUILT_IN ? root : p.origin),
    })),
  ];
}
