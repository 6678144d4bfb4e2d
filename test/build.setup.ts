import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * Builds dist/ once, before any test file runs (vitest globalSetup): the end-to-end tests spawn the built
 * `bek`, and a stale dist/ would test yesterday's server. No test file builds or deletes dist/ itself.
 */
export default function setup(): void {
  execFileSync(
    process.execPath,
    [join(import.meta.dirname, '../node_modules/tsx/dist/cli.mjs'), join(import.meta.dirname, '../scripts/build.ts')],
    { stdio: 'inherit' },
  );
}
