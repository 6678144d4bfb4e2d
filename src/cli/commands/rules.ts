import { existsSync, mkdirSync, readFileSync, realpathSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { z } from 'zod';
import { BekError } from '../../util/errors.js';
import { atMostPositionals, flag } from '../args.js';
import { command, emit } from '../command.js';
/** Each target's file, inside the project folder. */
export const TARGETS = {
  'agents-md': 'AGENTS.md',
  claude: 'CLAUDE.md',
  cursor: '.cursor/rules/backend-patterns.mdc',
  copilot: '.github/copilot-instructions.md',
} as const;
export type Target = keyof typeof TARGETS;

const TargetName = z.enum([...(Object.keys(TARGETS) as Target[]), 'all']);

export const rules = command({
  name: 'rules',
  summary: 'Write project rules that tell agents when to call the tools',
  usage: 'bek rules <agents-md|claude|cursor|copilot|all> [--dir DIR] [--print] [--json]',
  description: `Writes a short generated section (the skill's trigger, when to call each tool, the absolute
constraints) into the project's rules file for an agent: AGENTS.md, CLAUDE.md,
.cursor/rules/backend-patterns.mdc or .github/copilot-instructions.md. The section sits between
markers: the rest of the file is kept as it is, and a second run replaces only the section.`,
  options: {
    dir: { value: 'DIR', help: 'the project folder (default: the current folder)' },
    print: { help: 'print what would be written; write nothing' },
    json: { help: 'print { files: [{ path, action }] }' },
  },
  footer: 'Example:\n  bek rules all --dir ~/code/my-service',
  async run({ values, positionals }, ctx) {
    atMostPositionals(positionals, 1);
    if (!positionals[0]) throw new BekError('bad_input', `missing a target: ${TargetName.options.join(', ')}`);
    const target = flag('target', TargetName, positionals[0]);
    const dir = resolve(values.dir ?? '.');
    if (!existsSync(dir)) throw new BekError('bad_input', `--dir: no such folder: ${dir}`);
    // Loaded on use: the generator reads the tool definitions, which no other command needs at start.
    const { mergeRules, rulesSection } = await import('../rules.js');
    const section = rulesSection(ctx.engine().catalogue);
    const targets = target === 'all' ? (Object.keys(TARGETS) as Target[]) : [target];
    const files = targets.map((t) => {
      const path = join(dir, TARGETS[t]);
      const existing = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
      let next: string;
      try {
        next = mergeRules(t, existing, section);
      } catch (error) {
        if (error instanceof BekError) throw new BekError(error.code, `${TARGETS[t]}: ${error.message}`);
        throw error;
      }
      const action = existing === undefined ? 'created' : existing === next ? 'unchanged' : 'updated';
      return { path, target: t, next, action };
    });
    if (values.print) {
      if (values.json)
        return emit(ctx, true, { files: files.map(({ path, next }) => ({ path, content: next })) }, () => '');
      ctx.io.out(files.map((f) => `# ${f.path}\n${f.next}`).join('\n'));
      return 0;
    }
    for (const f of files) {
      if (f.action === 'unchanged') continue;
      mkdirSync(dirname(f.path), { recursive: true });
      // Through a symlink (CLAUDE.md -> AGENTS.md) to the file it names, so the link stays a link.
      const target = existsSync(f.path) ? realpathSync(f.path) : f.path;
      const partial = `${target}.bek-${process.pid}.tmp`;
      writeFileSync(partial, f.next);
      renameSync(partial, target); // all or nothing: a reader never sees half a file
    }
    const summary = files.map(({ path, action }) => ({ path, action }));
    return emit(ctx, values.json, { files: summary }, () =>
      summary.map((f) => `${f.action.padEnd(9)} ${f.path}`).join('\n'),
    );
  },
});
