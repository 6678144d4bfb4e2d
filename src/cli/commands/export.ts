import { existsSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { loadEngine } from '../../core/engine.js';
import { teamDirs } from '../../core/store/source.js';
import { loadWithTeams } from '../../core/store/teams.js';
import { formatProblems } from '../../core/catalogue/problems.js';
import { BekError } from '../../util/errors.js';
import { PACKAGE_ROOT } from '../../util/paths.js';
import { atMostPositionals } from '../args.js';
import { PATTERNS_DIR } from '../catalogue-flags.js';
import { command, emit } from '../command.js';

export const exportCommand = command({
  name: 'export',
  summary: 'Export the catalogue as an Agent Skill folder (or zip)',
  usage: 'bek export skill <DIR> [--json] | bek export skill --zip FILE [--json]',
  description: `Writes a self-contained Agent Skill: DIR/<name>/SKILL.md with its front matter (name,
description), the reference guides under references/ and every pattern document under
references/patterns/, with each link inside resolving. The catalogue is validated first, as
bek validate does; BEK_CATALOGUE_DIR exports another catalogue. --zip writes one archive
instead, for clients that take an uploaded skill. Team folders (--patterns-dir, BEK_PATTERNS_DIR)
are exported beside the built-in documents.`,
  options: {
    zip: { value: 'FILE', help: 'write a .zip archive of the skill folder instead of a folder' },
    ...PATTERNS_DIR,
    json: { help: 'print { name, path, files, zip? }' },
  },
  footer: 'Examples:\n  bek export skill ~/.claude/skills\n  bek export skill --zip backend-patterns.zip',
  async run({ values, positionals }, ctx) {
    atMostPositionals(positionals, values.zip ? 1 : 2);
    if (positionals[0] !== 'skill') throw new BekError('bad_input', 'what to export: bek export skill <DIR>');
    const target = values.zip ? undefined : positionals[1];
    if (!values.zip && !target) throw new BekError('bad_input', 'missing DIR. Usage: bek export skill <DIR>');
    if (target && existsSync(target) && !statSync(target).isDirectory())
      throw new BekError('bad_input', `${resolve(target)} is a file: DIR is the folder the skill's folder goes into`);
    if (values.zip && existsSync(values.zip) && statSync(values.zip).isDirectory())
      throw new BekError('bad_input', `${resolve(values.zip)} is a folder: --zip names the archive file to write`);
    const root = ctx.io.env.BEK_CATALOGUE_DIR ? resolve(ctx.io.env.BEK_CATALOGUE_DIR) : PACKAGE_ROOT;
    const { isSkillName, skillProblems } = await import('../export/skill.js');
    const { skillFiles } = await import('../../core/catalogue/skill-files.js');
    const { zip } = await import('../export/zip.js'); // node:zlib only for this command
    const dirs = teamDirs(ctx.io.env, values['patterns-dir']);
    let { engine, problems } = loadEngine(root);
    if (engine && dirs.length > 0) ({ engine, problems } = loadWithTeams(engine, dirs));
    if (!engine)
      throw new BekError('broken_catalogue', `the catalogue in ${root} has problems:\n${formatProblems(problems)}`);
    const name = engine.catalogue.skill.name;
    // Checked before it names a folder: "x/../../elsewhere" must not write outside DIR.
    if (!isSkillName(name))
      throw new BekError(
        'broken_catalogue',
        `the skill's name "${name.slice(0, 80)}" must be lowercase words joined by hyphens, at most 64 characters`,
      );
    const files = skillFiles(root, engine.catalogue);
    // Written to a fresh folder beside the target and renamed into place: the old skill stays whole until the new one is.
    const base = values.zip ? resolve(dirname(values.zip)) : resolve(target ?? '.');
    const staging = join(base, `.${name}.bek-${process.pid}`);
    const folder = join(staging, name);
    try {
      for (const f of files) {
        mkdirSync(dirname(join(folder, f.path)), { recursive: true });
        writeFileSync(join(folder, f.path), f.data);
      }
      const found = skillProblems(folder, name, files);
      if (found.length > 0)
        throw new BekError('broken_catalogue', `the exported skill would not load:\n${found.join('\n')}`);
      if (values.zip) {
        const archive = resolve(values.zip);
        const partial = `${archive}.${process.pid}.partial`;
        writeFileSync(partial, zip(files.map((f) => ({ path: `${name}/${f.path}`, data: f.data }))));
        renameSync(partial, archive);
        return emit(
          ctx,
          values.json,
          { name, zip: archive, files: files.length },
          () => `wrote ${archive} (${files.length} files)`,
        );
      }
      const path = join(base, name);
      const previous = join(staging, `${name}.previous`);
      if (existsSync(path)) renameSync(path, previous); // removed with the staging folder below
      renameSync(folder, path);
      return emit(ctx, values.json, { name, path, files: files.length }, () => `wrote ${path} (${files.length} files)`);
    } finally {
      rmSync(staging, { recursive: true, force: true });
    }
  },
});
