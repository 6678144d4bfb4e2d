import type { Catalogue } from './types.js';

/** The document behind each of the skill's absolute constraints, recognised by its wording. */
const BEHIND: [RegExp, string][] = [
  [/sanitize all output|injection/i, 'sec-injection-prevention'],
  [/environment variables/i, 'arch-configuration'],
  [/hardcode secrets/i, 'sec-secrets-management'],
  [/validate all input|client-side validation/i, 'api-request-validation'],
  [/repository pattern/i, 'db-repository'],
  [/error handling|database errors/i, 'api-error-model'],
  [/rate limiting/i, 'sec-rate-limiting'],
];

/** The id of the pattern that explains how to meet a constraint, when the catalogue holds it. */
function constraintPattern(catalogue: Catalogue, constraint: string): string | undefined {
  const id = BEHIND.find(([wording]) => wording.test(constraint))?.[1];
  return id && catalogue.byId.has(id) ? id : undefined;
}

/** The skill's constraints, each naming the pattern behind it: "… (how: sec-injection-prevention)". */
export function constraintsWithPatterns(catalogue: Catalogue): string[] {
  return catalogue.skill.constraints.map((c) => {
    const id = constraintPattern(catalogue, c);
    return id ? `${c} (how: ${id})` : c;
  });
}
