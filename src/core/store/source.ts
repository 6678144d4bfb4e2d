import { resolve } from 'node:path';
import { BekError } from '../../util/errors.js';
import { PACKAGE_ROOT } from '../../util/paths.js';
import { formatProblems } from '../catalogue/problems.js';
import { createEngine, type Engine, loadEngine } from '../engine.js';
import { cacheDir } from './cache.js';
import { readSnapshot } from './snapshot.js';

/**
 * Where the catalogue comes from, decided in one place for every shell: the build's snapshot of the
 * built-in one when there is one (validated at build time), else the Markdown through the full loader
 * (BEK_CATALOGUE_DIR, or running from the sources); a BEK_CATALOGUE_DIR that loaded cleanly before from
 * the same files comes from the cache. Loads once, on first call; a broken catalogue throws with every
 * problem listed.
 */
export function engineSource(env: NodeJS.ProcessEnv): () => Engine {
  let engine: Engine | undefined;
  return () => {
    if (engine) return engine;
    const snapshot = env.BEK_CATALOGUE_DIR ? undefined : readSnapshot();
    if (snapshot) return (engine = createEngine(snapshot.catalogue, snapshot.index, PACKAGE_ROOT));
    const root = env.BEK_CATALOGUE_DIR ? resolve(env.BEK_CATALOGUE_DIR) : PACKAGE_ROOT;
    const loaded = loadEngine(root, env.BEK_CATALOGUE_DIR ? cacheDir(env) : undefined);
    if (!loaded.engine)
      throw new BekError(
        'broken_catalogue',
        `the catalogue in ${root} has problems:\n${formatProblems(loaded.problems)}`,
      );
    return (engine = loaded.engine);
  };
}
