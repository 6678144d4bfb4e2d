import { z } from 'zod';
import { guideUri, patternUri, SKILL_URI } from '../core/catalogue/uri.js';
import { BUILT_IN, Level, type SectionName } from '../core/catalogue/schema.js';
import { BekError } from '../util/errors.js';
import type { Catalogue, Pattern } from '../core/catalogue/types.js';
import type { Engine } from '../core/engine.js';
import { buildChecklist } from '../core/review/checklist.js';
import type { ReviewName } from '../core/review/reviews.js';
import type { SearchOptions } from '../core/search/search.js';
import { findPattern } from '../core/lookup.js';

// One definition of each result: the MCP tools declare these as outputSchema and the CLI prints them with --json.

const ScopeOut = z.string().describe('A built-in scope (api, database, ...) or one a team folder declares');
const Origin = {
  origin: z.string().describe(`"${BUILT_IN}", or the absolute path of the team folder the pattern comes from`),
  overrides: z.string().optional().describe('Set when this team pattern replaces the built-in pattern of that id'),
};

const Hit = z.object({
  id: z.string(),
  title: z.string(),
  scope: ScopeOut,
  level: Level,
  summary: z.string(),
  ...Origin,
  score: z
    .number()
    .describe('0..1, comparable across queries: 1 is an exact title or alias match; hits under 0.2 are never returned'),
  uri: z.string().describe('Read the whole document with resources/read or get_pattern'),
});

export const SearchResult = z.object({
  query: z.string(),
  total: z.number().int().describe('Good matches in all; results holds the first `limit` of them'),
  results: z.array(Hit),
  suggestions: z
    .object({
      message: z.string(),
      closest: z.array(z.object({ id: z.string(), title: z.string(), scope: ScopeOut })),
      scopes: z.array(ScopeOut),
    })
    .optional()
    .describe('Present when nothing matched well: the closest titles and the scopes worth trying'),
});
export type SearchResult = z.infer<typeof SearchResult>;

export const ListResult = z.object({
  total: z.number().int(),
  patterns: z.array(Hit.omit({ score: true, uri: true })),
});
export type ListResult = z.infer<typeof ListResult>;

export const PatternResult = z.object({
  id: z.string(),
  title: z.string(),
  scope: ScopeOut,
  level: Level,
  summary: z.string(),
  ...Origin,
  aliases: z.array(z.string()),
  tags: z.array(z.string()),
  related: z.array(z.object({ id: z.string(), title: z.string() })),
  sources: z.array(z.string()),
  updated: z.string(),
  uri: z.string(),
  sections: z.array(z.object({ name: z.string(), text: z.string() })),
  truncated: z.boolean().optional().describe('max_tokens cut this result'),
  omitted: z.array(z.string()).optional().describe('Sections cut or left out: ask for them with sections'),
});
export type PatternResult = z.infer<typeof PatternResult>;

/** A need of the catalogue's selection data by name (select_pattern's `needs`, `bek select --need`). */
export const NeedName = z.string().max(40);

export const SelectionResult = z.object({
  requirements: z.string(),
  needs: z.array(z.object({ need: NeedName, because: z.string() })),
  recommendations: z
    .array(
      z.object({
        id: z.string(),
        title: z.string(),
        requirement: z.string(),
        why: z.string(),
        caveats: z.array(z.string()),
        strength: z.number(),
      }),
    )
    .describe('Matrix rows that apply, strongest first'),
  supporting: z
    .array(z.object({ id: z.string(), title: z.string(), why: z.string(), strength: z.number() }))
    .describe('Other patterns the requirements call for, strongest first'),
  rejected: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      requirement: z.string(),
      why: z.string(),
      instead: z.array(z.string()),
    }),
  ),
  constraints: z.array(z.string()),
  principle: z.string(),
});
export type SelectionResult = z.infer<typeof SelectionResult>;

const ChecklistItem = z.object({
  id: z.string().describe('Stable id to report an item as met: <pattern>#<n>, or constraint#<n>'),
  text: z.string(),
});

/** review_checklist / `bek review --json`: the VALIDATE step's one merged checklist. */
export const ReviewResult = z.object({
  review: z.object({ name: z.string(), title: z.string() }).optional(),
  constraints: z.array(ChecklistItem).describe("The skill's absolute constraints: they hold whatever was chosen"),
  patterns: z.array(z.object({ id: z.string(), title: z.string(), items: z.array(ChecklistItem) })),
  missing: z.array(z.string()).describe("A named review's patterns this catalogue does not hold"),
  total: z.number().int(),
  truncated: z.boolean().optional().describe('max_tokens left some patterns out'),
  omitted: z.array(z.string()).optional().describe('Patterns whose items were left out: ask for them by id'),
});
export type ReviewResult = z.infer<typeof ReviewResult>;

/** get_reference's answer, and `bek show <guide> --json`. */
export const ReferenceResult = z.object({
  name: z.string(),
  title: z.string(),
  uri: z.string(),
  text: z.string(),
  truncated: z.boolean().optional().describe('max_tokens cut the text'),
});
export type ReferenceResult = z.infer<typeof ReferenceResult>;

export type SectionFilter = readonly SectionName[];

/** search_patterns / `bek search`. */
export function searchResult(engine: Engine, query: string, options: SearchOptions = {}): SearchResult {
  knownScope(engine.catalogue, options.scope);
  const outcome = engine.search(query, options);
  const results = outcome.hits.map((h) => ({ ...h, uri: patternUri(h.id) }));
  return { query, total: outcome.total, results, ...(outcome.suggestions && { suggestions: outcome.suggestions }) };
}

/** A scope filter the catalogue knows (a team folder may declare more than the built-in six), or a bad_input error. */
function knownScope(catalogue: Catalogue, scope: string | undefined): void {
  if (scope !== undefined && !catalogue.scopes.includes(scope))
    throw new BekError('bad_input', `unknown scope "${scope}": expected one of: ${catalogue.scopes.join(', ')}`);
}

/** Where a pattern comes from, as every result shows it. */
const originOf = ({ origin, overrides }: Pattern) => ({ origin, ...(overrides && { overrides }) });

/** `bek list`. */
export function listResult(
  catalogue: Catalogue,
  filter: { scope?: string | undefined; level?: Level | undefined } = {},
): ListResult {
  knownScope(catalogue, filter.scope);
  const order = (p: Pattern) => catalogue.scopes.indexOf(p.scope);
  const patterns = catalogue.patterns
    .filter((p) => (!filter.scope || p.scope === filter.scope) && (!filter.level || p.level === filter.level))
    .sort((a, b) => order(a) - order(b) || a.id.localeCompare(b.id))
    .map((p) => ({ id: p.id, title: p.title, scope: p.scope, level: p.level, summary: p.summary, ...originOf(p) }));
  return { total: patterns.length, patterns };
}

/** get_pattern / `bek show`: the document, optionally only some sections. */
export function patternResult(catalogue: Catalogue, pattern: Pattern, sections?: SectionFilter): PatternResult {
  const wanted = sections && sections.length > 0 ? new Set<string>(sections) : undefined;
  return {
    id: pattern.id,
    title: pattern.title,
    scope: pattern.scope,
    level: pattern.level,
    summary: pattern.summary,
    ...originOf(pattern),
    aliases: [...pattern.aliases],
    tags: [...pattern.tags],
    related: pattern.related.map((id) => ({ id, title: catalogue.byId.get(id)?.title ?? id })),
    sources: [...pattern.sources],
    updated: pattern.updated,
    uri: patternUri(pattern.id),
    sections: pattern.sections.filter((s) => !wanted || wanted.has(s.name)).map((s) => ({ ...s })),
  };
}

/** The skill (`skill`) or a reference guide by name; undefined for any other name. */
export function referenceResult(catalogue: Catalogue, name: string): ReferenceResult | undefined {
  if (name === 'skill') return { name, title: 'Backend Patterns skill', uri: SKILL_URI, text: catalogue.skill.text };
  const guide = catalogue.guides.find((g) => g.name === name);
  return guide && { name, title: guide.title, uri: guideUri(guide.name), text: guide.body };
}

/** review_checklist / `bek review`: unknown ids fail naming the closest ones (findPattern). */
export function reviewResult(engine: Engine, ids: readonly string[], review?: ReviewName): ReviewResult {
  const found = ids.map((id) => findPattern(engine, id).id);
  return buildChecklist(engine.catalogue, found, review);
}
