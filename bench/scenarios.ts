import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Engine } from '../src/core/engine.js';

/**
 * Selection scenarios written blind, by people who never saw the selection code: requirements, the patterns
 * a good answer names, and those it must not recommend. An empty `expected` means nothing should be
 * recommended or suggested at all (a static site, a one-off script).
 */
const Scenario = z.strictObject({
  requirements: z.string(),
  expected: z.array(z.string()),
  forbidden: z.array(z.string()),
});
export type Scenario = z.infer<typeof Scenario>;

export const SCENARIO_SETS = [
  'scenarios-blind.json',
  'scenarios-blind-2.json',
  'scenarios-blind-3.json',
  'scenarios-blind-4.json',
  'scenarios-blind-5.json',
];

export function loadScenarios(name: string): Scenario[] {
  return z.array(Scenario).parse(JSON.parse(readFileSync(join(import.meta.dirname, name), 'utf8')));
}

/** Why a scenario fails (empty when it passes). */
export function scenarioFailures(engine: Engine, { requirements, expected, forbidden }: Scenario): string[] {
  const result = engine.select(requirements);
  const recommended = result.recommendations.map((r) => r.id);
  const named = [...recommended, ...result.supporting.map((r) => r.id)];
  const failures = [
    ...expected.filter((id) => !named.includes(id)).map((id) => `missing ${id}`),
    ...forbidden.filter((id) => recommended.includes(id)).map((id) => `recommended ${id}`),
  ];
  if (expected.length === 0 && named.length > 0) failures.push(`named ${named.join(', ')} where nothing is called for`);
  return failures;
}
