#!/usr/bin/env node
import { processIo } from '../cli/io.js';
import { run } from '../cli/run.js';

// A closed stdout (`bek list | head -1`) or a full one (`> /dev/full`) ends the command quietly: no stack
// trace, exit 0 for a reader that has all it wanted, 1 with one line on stderr when output was lost.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  process.stderr.write(`bek: cannot write the output: ${error.code ?? error.message}\n`);
  process.exit(1);
});

run(process.argv.slice(2), processIo()).then((code) => {
  process.exitCode = code;
});
