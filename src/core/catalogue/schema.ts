import { z } from 'zod';
import { LEVELS, SCOPES } from './vocabulary.js';

export { LEVELS, SCOPES };
export const SECTIONS = [
  'Problem',
  'When to use',
  'When not to use',
  'Solution',
  'Example',
  'Pitfalls',
  'Checklist',
  'Related',
] as const;

export const Scope = z.enum(SCOPES);
export const Level = z.enum(LEVELS);
export type Scope = z.infer<typeof Scope>;
export type Level = z.infer<typeof Level>;
export type SectionName = (typeof SECTIONS)[number];

const PATTERN_ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
/** Where a built-in pattern comes from (a team folder's pattern carries the folder's absolute path instead). */
export const BUILT_IN = 'built-in';

/** YAML turns `2026-11-22` into a Date; accept both forms and keep the ISO day. */
const IsoDay = z.union([z.date(), z.string()]).transform((v, ctx) => {
  const day = v instanceof Date ? v.toISOString().slice(0, 10) : v;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(Date.parse(day))) {
    ctx.addIssue({ code: 'custom', message: 'must be a date written YYYY-MM-DD' });
  }
  return day;
});

// YAML reads an unquoted `429` as a number; a tag or alias of digits is still a phrase.
const Phrase = z.union([z.string(), z.number()]).transform(String).pipe(z.string().trim().min(1).max(200));

/** The one definition of a pattern document's front matter. */
export const PatternFrontMatter = z.strictObject({
  id: z.string().regex(PATTERN_ID, 'must be kebab-case, e.g. api-error-model'),
  title: z.string().trim().min(2).max(120),
  scope: Scope,
  level: Level,
  summary: z.string().trim().min(10).max(240),
  aliases: z.array(Phrase).min(1),
  tags: z.array(Phrase).default([]),
  related: z.array(z.string().regex(PATTERN_ID)).default([]),
  sources: z.array(z.url({ protocol: /^https?$/ })).min(1),
  updated: IsoDay,
});
export type PatternFrontMatter = z.infer<typeof PatternFrontMatter>;

/** A scope name a team folder declares in its bek.yaml: kebab-case, like the built-in ones. */
export const ScopeName = z.string().regex(PATTERN_ID, 'must be kebab-case, e.g. payments').max(40);

/**
 * A team document's front matter: the same fields, a scope that is built-in or declared by its folder,
 * and `overrides`, which must repeat the document's id to replace the built-in pattern of that id.
 */
export const teamFrontMatter = (declared: readonly string[]) =>
  PatternFrontMatter.extend({
    scope: z.enum([...SCOPES, ...declared] as [string, ...string[]], {
      error: `expected one of: ${[...SCOPES, ...declared].join(', ')} (a team scope is declared in the folder's bek.yaml: "scopes: [name]")`,
    }),
    overrides: z.string().regex(PATTERN_ID).optional(),
  });
export type TeamFrontMatter = z.infer<ReturnType<typeof teamFrontMatter>>;

/** The manifest's file name inside a team folder. */
export const TEAM_MANIFEST = 'bek.yaml';
/** A team folder's selection data, in the built-in one's format (see catalogue/selection.ts). */
export const TEAM_SELECTION = 'selection.json';

/** A team folder's optional bek.yaml. */
export const TeamManifest = z.strictObject({
  scopes: z
    .array(ScopeName.refine((s) => !(SCOPES as readonly string[]).includes(s), 'is a built-in scope already'))
    .default([]),
});

/** Front matter of a reference guide (references/<name>.md). */
export const GuideFrontMatter = z.strictObject({
  title: z.string().trim().min(2),
  description: z.string().trim().min(10),
  updated: IsoDay,
});
export type GuideFrontMatter = z.infer<typeof GuideFrontMatter>;

/** Front matter of the skill (skill/SKILL.md). */
export const SkillFrontMatter = z.object({
  name: z.string().min(1),
  description: z.string().min(10),
});
