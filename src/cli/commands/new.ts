import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { Level, SCOPES, ScopeName, TEAM_MANIFEST } from '../../core/catalogue/schema.js';
import { HINT, patternTemplate } from '../../core/catalogue/template.js';
import { BekError } from '../../util/errors.js';
import { atMostPositionals, flag, text } from '../args.js';
import { command, emit } from '../command.js';

const USAGE = 'bek new <id> --scope S --level L [--dir DIR] [--json]';
const Id = z.string().regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, 'the id must be kebab-case, e.g. team-payment-retries');

export const newCommand = command({
  name: 'new',
  summary: 'Write a new pattern document, every section present, a hint in each',
  usage: USAGE,
  description: `Writes DIR/<id>.md (DIR defaults to the current folder): the front matter and the eight
sections of a pattern document, each holding a short hint marked "${HINT}". bek validate
fails while any hint is left, and passes once each is replaced by text.`,
  options: {
    scope: { value: 'S', help: `${SCOPES.join(', ')}, or a scope DIR/bek.yaml declares` },
    level: { value: 'L', help: `${Level.options.join(', ')}` },
    dir: { value: 'DIR', help: 'the team folder to write into (created if missing; default .)' },
    json: { help: 'print { file, id, manifest? } (manifest: a bek.yaml written to declare the scope)' },
  },
  footer:
    'Example:\n  bek new team-payment-retries --scope reliability --level intermediate --dir patterns\n  bek validate patterns',
  run({ values, positionals }, ctx) {
    atMostPositionals(positionals, 1);
    const id = text(positionals, 'an id', USAGE, Id);
    if (!values.scope) throw new BekError('bad_input', `missing --scope. Usage: ${USAGE}`);
    if (!values.level) throw new BekError('bad_input', `missing --level. Usage: ${USAGE}`);
    const scope = flag('scope', ScopeName, values.scope);
    const level = flag('level', Level, values.level);
    const dir = resolve(values.dir ?? '.');
    const file = join(dir, `${id}.md`);
    if (existsSync(file)) throw new BekError('bad_input', `${file} exists already; pick another id or remove it`);
    mkdirSync(dir, { recursive: true });
    const manifest = join(dir, TEAM_MANIFEST);
    const declare = !(SCOPES as readonly string[]).includes(scope) && !existsSync(manifest);
    if (declare)
      writeFileSync(manifest, `# Scopes this folder's documents use beyond the built-in ones.\nscopes: [${scope}]\n`);
    writeFileSync(file, patternTemplate({ id, scope, level, today: new Date().toISOString().slice(0, 10) }), {
      flag: 'wx',
    });
    const also = declare ? ` (and ${manifest}, declaring the scope "${scope}")` : '';
    return emit(
      ctx,
      values.json,
      { file, id, ...(declare && { manifest }) },
      () => `Wrote ${file}${also}: replace each "${HINT}" hint, then run bek validate ${dir}`,
    );
  },
});
