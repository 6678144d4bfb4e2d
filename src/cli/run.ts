import { engineSource } from '../core/store/source.js';
import { BekError } from '../util/errors.js';
import { VERSION } from '../util/version.js';
import type { Command, Context } from './command.js';
import { exportCommand } from './commands/export.js';
import { gallery } from './commands/gallery.js';
import { list } from './commands/list.js';
import { newCommand } from './commands/new.js';
import { search } from './commands/search.js';
import { review } from './commands/review.js';
import { rules } from './commands/rules.js';
import { select } from './commands/select.js';
import { serve } from './commands/serve.js';
import { setup } from './commands/setup.js';
import { show } from './commands/show.js';
import { validate } from './commands/validate.js';
import type { Io } from './io.js';

const COMMANDS: Command[] = [
  search,
  list,
  show,
  select,
  review,
  rules,
  exportCommand,
  gallery,
  newCommand,
  validate,
  serve,
  setup,
];

const HELP = `bek ${VERSION}: backend engineering patterns for people and agents

Usage: bek <command> [options]

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(10)} ${c.summary}`).join('\n')}

Options:
  --help, -h     help for bek or a command (bek <command> --help)
  --version, -v  print the version

Examples:
  bek search "error model" --scope api
  bek list --type pattern
  bek show api-idempotency-keys --section Checklist
  bek select "public API for payments with webhooks"
  bek review api-idempotency-keys rel-outbox
  bek gallery --out site            # the pattern gallery, a static site
  bek serve                       # MCP over stdio
  bek setup claude-desktop        # add this server to a client's configuration

Environment:
  BEK_CATALOGUE_DIR  serve and search another catalogue (a folder with skill/ and references/)
  BEK_PATTERNS_DIR   team folders of pattern documents served beside the built-in ones
                     (a path list, like PATH; --patterns-dir DIR adds one)
  BEK_CACHE_DIR      where a validated BEK_CATALOGUE_DIR or set of team folders is kept for fast starts
                     (default $XDG_CACHE_HOME/bek or ~/.cache/bek; "off" for none)
  NO_COLOR           no colour in terminal output

Exit codes: 0 success, 1 failure (unknown id, broken catalogue, a file refused), 2 bad usage.`;

/** Runs `bek` with these arguments; returns the exit code. Never throws. */
export async function run(argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    const command = COMMANDS.find((c) => c.name === rest[0]);
    io.out(command ? command.help : HELP);
    return 0;
  }
  if (name === '--version' || name === '-v') {
    io.out(VERSION);
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.err(`bek: unknown command "${name}". Commands: ${COMMANDS.map((c) => c.name).join(', ')}. See bek --help.`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(command.help);
    return 0;
  }
  const ctx: Context = { io, engine: engineSource(io.env) };
  try {
    return await command.run(rest, ctx);
  } catch (error) {
    if (error instanceof BekError) {
      io.err(`bek ${name}: ${error.message}`);
      return error.code === 'bad_input' || error.code === 'bad_config' ? 2 : 1;
    }
    io.err(`bek ${name}: internal error: ${(error as Error).message ?? String(error)}`);
    return 1;
  }
}
