import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { formatProblems } from '../../core/catalogue/problems.js';
import type { Problem } from '../../core/catalogue/types.js';
import { type Engine, loadEngine } from '../../core/engine.js';
import { teamDirs } from '../../core/store/source.js';
import { checkTeamsAlone, loadWithTeams } from '../../core/store/teams.js';
import { PACKAGE_ROOT } from '../../util/paths.js';
import { atMostPositionals } from '../args.js';
import { PATTERNS_DIR } from '../catalogue-flags.js';
import { command, emit } from '../command.js';

const NO_TSC =
  'TypeScript examples not compiled: no typescript package found (install it in the project, npm i -D typescript @types/node zod, or pass --no-examples)';

export const validate = command({
  name: 'validate',
  summary: 'Check a catalogue or a team folder: front matter, sections, ids, related links, examples',
  usage: 'bek validate [DIR] [--patterns-dir DIR]... [--alone] [--no-examples] [--json]',
  description: `DIR is a team folder (pattern documents DIR/*.md, an optional DIR/bek.yaml) or a whole
catalogue (a folder holding skill/SKILL.md and references/; default: the built-in one).
A team folder is checked with the built-in catalogue (id clashes, overrides, related
links into built-in ids), or on its own with --alone; the TypeScript examples of its
documents are type-checked with the typescript of the project in the current folder
(or of bek's own checkout). Prints every problem with
its file and field; exits 1 when there is any, 0 when there is none.`,
  options: {
    ...PATTERNS_DIR,
    alone: { help: 'check the team folders on their own, without the built-in catalogue' },
    'no-examples': { help: "do not type-check the team documents' TypeScript examples" },
    json: { help: 'print { ok, root, folders, patterns, version, examples, problems: [{ file, field, message }] }' },
  },
  footer: `In CI, a GitHub Actions step after npm ci (typescript, @types/node and zod in devDependencies):
  - name: Validate team patterns
    run: npx bek validate patterns`,
  async run({ values, positionals }, ctx) {
    atMostPositionals(positionals, 1);
    const given = positionals[0] ? resolve(positionals[0]) : undefined;
    const isCatalogue = !given || existsSync(join(given, 'skill/SKILL.md'));
    const root = isCatalogue ? (given ?? PACKAGE_ROOT) : PACKAGE_ROOT;
    const folders = teamDirs(ctx.io.env, [
      ...(isCatalogue || !given ? [] : [given]),
      ...(values['patterns-dir'] ?? []),
    ]);
    const problems: Problem[] = [];
    let engine: Engine | undefined;
    let patterns = 0;
    if (values.alone) {
      const alone = checkTeamsAlone(folders);
      problems.push(...alone.problems);
      patterns = alone.patterns;
    } else {
      const base = loadEngine(root); // the full loader, never the cache
      problems.push(...base.problems);
      const merged = base.engine && folders.length > 0 ? loadWithTeams(base.engine, folders) : base;
      if (merged !== base) problems.push(...merged.problems);
      engine = merged.engine;
      patterns = engine?.catalogue.patterns.length ?? 0;
    }
    // Loaded here: it spawns tsc, which no other command needs at start-up.
    const examples = folders.length > 0 && !values['no-examples'] ? await import('../examples.js') : undefined;
    const tsc = examples?.findTsc(process.cwd());
    if (tsc) problems.push(...(await (examples?.exampleProblems(folders, tsc) ?? [])));
    else if (folders.length > 0 && !values['no-examples']) ctx.io.err(`bek validate: ${NO_TSC}`);
    const ok = problems.length === 0;
    const summary = {
      ok,
      root,
      folders,
      patterns,
      ...(engine && { guides: engine.catalogue.guides.length, version: engine.catalogue.version }),
      examples: folders.length === 0 || values['no-examples'] ? 'not asked' : tsc ? 'compiled' : 'no typescript',
      problems,
    };
    if (!ok && !values.json) {
      const where = [...(values.alone ? [] : [root]), ...folders].join(', ');
      ctx.io.err(
        `${formatProblems(problems)}\n\n${problems.length} problem${problems.length === 1 ? '' : 's'} in ${where}`,
      );
      return 1;
    }
    emit(ctx, values.json, summary, () => {
      const teams = folders.length > 0 ? ` (team folders: ${folders.join(', ')})` : '';
      return `OK: ${patterns} patterns${engine ? ` and ${engine.catalogue.guides.length} guides in ${root}` : ''}${teams}${engine ? ` (version ${engine.catalogue.version})` : ''}`;
    });
    return ok ? 0 : 1;
  },
});
