import { delimiter, resolve } from 'node:path';
import { BekError } from '../../util/errors.js';
import { PACKAGE_ROOT } from '../../util/paths.js';
import { formatProblems } from '../catalogue/problems.js';
import type { Problem } from '../catalogue/types.js';
import { createEngine, type Engine, loadEngine } from '../engine.js';
import { cacheDir } from './cache.js';
import { readSnapshot } from './snapshot.js';
import { loadWithTeams } from './teams.js';

/** The team folders to serve: those given as flags, then BEK_PATTERNS_DIR's (a path list), absolute, each once. */
export function teamDirs(env: NodeJS.ProcessEnv, flags: readonly string[] = []): string[] {
  const listed = (env.BEK_PATTERNS_DIR ?? '').split(delimiter).filter((d) => d.trim() !== '');
  return [...new Set([...flags, ...listed].map((d) => resolve(d)))];
}

/**
 * The base catalogue: the build's snapshot of the built-in one when there is one (validated at build
 * time), else the Markdown through the full loader (BEK_CATALOGUE_DIR, or running from the sources); a
 * BEK_CATALOGUE_DIR that loaded cleanly before from the same files comes from the cache. A broken one throws
 * with every problem listed.
 */
function baseEngine(env: NodeJS.ProcessEnv): Engine {
  const snapshot = env.BEK_CATALOGUE_DIR ? undefined : readSnapshot();
  if (snapshot) return createEngine(snapshot.catalogue, snapshot.index, PACKAGE_ROOT);
  const root = env.BEK_CATALOGUE_DIR ? resolve(env.BEK_CATALOGUE_DIR) : PACKAGE_ROOT;
  const loaded = loadEngine(root, env.BEK_CATALOGUE_DIR ? cacheDir(env) : undefined);
  if (!loaded.engine) throw brokenCatalogue(`the catalogue in ${root}`, loaded.problems);
  return loaded.engine;
}

export const brokenCatalogue = (what: string, problems: readonly Problem[]) =>
  new BekError('broken_catalogue', `${what} has problems:\n${formatProblems(problems)}`);

/**
 * Loads the catalogue with team folders (see teams.ts) over one base, as often as asked. `watch` (what
 * --watch reloads with) skips the cache, so every team document's text is held, never read from a file
 * that a later, broken save may have changed.
 */
export function teamLoader(env: NodeJS.ProcessEnv, dirs: readonly string[], watch = false) {
  let base: Engine | undefined;
  return () => loadWithTeams((base ??= baseEngine(env)), dirs, watch ? undefined : cacheDir(env));
}

/**
 * Where the catalogue comes from, decided in one place for every shell: the base catalogue (baseEngine)
 * with the team folders named by `flags` and BEK_PATTERNS_DIR merged in. Loads once, on first call; a
 * broken catalogue or team folder throws with every problem listed. Without team folders, nothing but the
 * base is read.
 */
export function engineSource(env: NodeJS.ProcessEnv): (flags?: readonly string[]) => Engine {
  let engine: Engine | undefined;
  return (flags) => {
    if (engine) return engine;
    const dirs = teamDirs(env, flags);
    if (dirs.length === 0) return (engine = baseEngine(env));
    const loaded = teamLoader(env, dirs)();
    if (!loaded.engine) throw brokenCatalogue(`the team folders (${dirs.join(', ')})`, loaded.problems);
    return (engine = loaded.engine);
  };
}
