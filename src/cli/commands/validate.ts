import { resolve } from 'node:path';
import { formatProblems } from '../../core/catalogue/problems.js';
import { loadEngine } from '../../core/engine.js';
import { PACKAGE_ROOT } from '../../util/paths.js';
import { atMostPositionals } from '../args.js';
import { command, emit } from '../command.js';

export const validate = command({
  name: 'validate',
  summary: 'Check a catalogue: front matter, sections, ids, links to related patterns',
  usage: 'bek validate [DIR] [--json]',
  description: `Loads the catalogue under DIR (a folder holding skill/SKILL.md and references/;
default: the built-in one) and prints every problem with its file and field.
Exits 1 when there is any problem.`,
  options: { json: { help: 'print { ok, root, patterns, guides, version, problems }' } },
  run({ values, positionals }, ctx) {
    atMostPositionals(positionals, 1);
    const root = positionals[0] ? resolve(positionals[0]) : PACKAGE_ROOT;
    const { engine, problems } = loadEngine(root);
    const summary = engine
      ? {
          ok: true,
          root,
          patterns: engine.catalogue.patterns.length,
          guides: engine.catalogue.guides.length,
          version: engine.catalogue.version,
          problems,
        }
      : { ok: false, root, problems };
    if (!engine && !values.json) {
      ctx.io.err(
        `${formatProblems(problems)}\n\n${problems.length} problem${problems.length === 1 ? '' : 's'} in ${root}`,
      );
      return 1;
    }
    emit(
      ctx,
      values.json,
      summary,
      () =>
        `OK: ${summary.patterns} patterns and ${summary.guides ?? 0} guides in ${root} (version ${summary.version})`,
    );
    return engine ? 0 : 1;
  },
});
