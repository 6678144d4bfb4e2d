import { formatProblems } from '../../src/core/catalogue/problems.js';
import { type Engine, loadEngine } from '../../src/core/engine.js';
import { PACKAGE_ROOT } from '../../src/util/paths.js';

let engine: Engine | undefined;

/** The engine over the shipped catalogue, loaded once per test file; fails loudly with every problem. */
export function shippedEngine(): Engine {
  if (engine) return engine;
  const loaded = loadEngine(PACKAGE_ROOT);
  if (!loaded.engine) throw new Error(`shipped catalogue is broken:\n${formatProblems(loaded.problems)}`);
  return (engine = loaded.engine);
}
