import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { BekError } from '../../util/errors.js';
import { VERSION } from '../../util/version.js';
import { atMostPositionals } from '../args.js';
import { PATTERNS_DIR } from '../catalogue-flags.js';
import { command, emit } from '../command.js';

/** A folder bek may replace: absent, empty, or a gallery it wrote before (it has the gallery's script). */
const replaceable = (dir: string) =>
  !existsSync(dir) ||
  (statSync(dir).isDirectory() && (readdirSync(dir).length === 0 || existsSync(join(dir, 'assets', 'gallery.js'))));

export const gallery = command({
  name: 'gallery',
  summary: 'Write the pattern gallery: a static site of every pattern',
  usage: 'bek gallery --out DIR [--json]',
  description: `Writes the pattern gallery into DIR: an index with filters by scope and level and a search
box that ranks as bek search does, a page per pattern, and the selection and review pages
(which, static, show the bek command to run). Open DIR/index.html from disk or put DIR on any
static host. bek serve --http serves the same pages at / with answers from the server.
DIR must be empty, absent, or a gallery written before (it is replaced whole).`,
  options: {
    out: { value: 'DIR', help: 'the folder to write the site into' },
    ...PATTERNS_DIR,
    json: { help: 'print { path, files, patterns }' },
  },
  footer: 'Example:\n  bek gallery --out site && open site/index.html',
  async run({ values, positionals }, ctx) {
    atMostPositionals(positionals, 0);
    if (!values.out) throw new BekError('bad_input', 'missing --out DIR. Usage: bek gallery --out DIR');
    const target = resolve(values.out);
    if (!replaceable(target))
      throw new BekError('bad_input', `${target} is neither empty nor a gallery bek wrote: choose another --out`);
    const engine = ctx.engine(values['patterns-dir']);
    const { gallerySite } = await import('../../gallery/site.js'); // markdown-it and highlight.js only for this command
    const site = gallerySite(engine, { catalogueVersion: engine.catalogue.version, version: VERSION });
    const files = site.paths.flatMap((path) => site.file(path) ?? []);
    // Written beside the target and renamed into place, so an interrupted run leaves the old gallery whole.
    const staging = join(dirname(target), `.${basename(target)}.bek-${process.pid}`);
    try {
      for (const f of files) {
        mkdirSync(dirname(join(staging, f.path)), { recursive: true });
        writeFileSync(join(staging, f.path), f.data);
      }
      rmSync(target, { recursive: true, force: true });
      renameSync(staging, target);
    } finally {
      rmSync(staging, { recursive: true, force: true });
    }
    const result = { path: target, files: files.length, patterns: engine.catalogue.patterns.length };
    return emit(ctx, values.json, result, () => `wrote ${target} (${files.length} files, ${result.patterns} patterns)`);
  },
});
