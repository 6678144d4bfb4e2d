import { z } from 'zod';
import type { Problem, Skill } from './types.js';

/** Where a catalogue keeps its selection data: beside the skill whose matrix it runs. */
export const SELECTION_FILE = 'skill/selection.json';

const NeedName = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'a need name is lower_snake_case, at most 40 characters');
/** How much one phrase says that a need is present: a need is on when its evidence adds up to 1. */
const Weight = z.number().gt(0).max(1);

const Need = z.strictObject({
  description: z.string().min(10).max(200),
  /** Phrase → weight. A phrase matches stemmed words in order, a word or two apart, never negated. */
  evidence: z.record(z.string().min(2).max(80), Weight).refine((e) => Object.keys(e).length > 0, 'no evidence'),
  /**
   * The need says no backend is being built (a static page, a spreadsheet): when present, only needs with
   * twice the evidence a need takes stay, and the catalogue's search is not asked.
   */
  noBackend: z.boolean().optional(),
});

const MatrixRow = z.strictObject({
  /** The row's Requirement cell in SKILL.md's selection matrix, word for word. */
  requirement: z.string().min(1),
  recommended: z.array(z.string()).min(1),
  /** The row applies when any of these needs is present... */
  when: z.array(NeedName).min(1),
  /** ...and, when set, at least one of these too (the justification the row demands). */
  justifiedBy: z.array(NeedName).optional(),
  why: z.string().min(10),
  caveats: z.array(z.string()),
  /** What to say, and what to use instead, when the row's needs are present but not its justification. */
  unjustified: z.strictObject({ why: z.string().min(10), instead: z.array(z.string()).min(1) }).optional(),
});

const Support = z.strictObject({
  pattern: z.string(),
  when: z.array(NeedName).min(1),
  /** Needs that make the pattern moot: password storage when sign-in goes through single sign-on. */
  unless: z.array(NeedName).optional(),
  why: z.string().min(10),
});

export const SelectionData = z.strictObject({
  needs: z.record(NeedName, Need),
  rows: z.array(MatrixRow),
  support: z.array(Support),
});
export type SelectionData = z.infer<typeof SelectionData>;
export type MatrixRow = z.infer<typeof MatrixRow>;

/** Parses a selection file's bytes; every problem is recorded with its field, none is thrown. */
export function parseSelection(bytes: Buffer, problems: Problem[], file = SELECTION_FILE): SelectionData | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    problems.push({
      file,
      field: '(file)',
      message: `not JSON: ${(error as Error).message.slice(0, 200)}`,
    });
    return undefined;
  }
  const parsed = SelectionData.safeParse(raw);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues)
    problems.push({ file, field: issue.path.join('.') || '(file)', message: issue.message });
  return undefined;
}

/**
 * The selection data must name needs it defines, patterns the catalogue holds, and the rows of its skill's
 * matrix. A team folder's (`team`: its file) adds needs, evidence and supporting rules to the built-in data
 * but no matrix rows, which are the skill's: its names are checked against the merged needs.
 */
export function checkSelection(
  data: SelectionData,
  ids: ReadonlyMap<string, unknown>,
  skill: Skill,
  team?: { file: string; needs: SelectionData['needs'] },
): Problem[] {
  const problems: Problem[] = [];
  const file = team?.file ?? SELECTION_FILE;
  const problem = (field: string, message: string) => problems.push({ file, field, message });
  const needs = team?.needs ?? data.needs;
  const need = (field: string, names: string[] | undefined) => {
    for (const n of names ?? []) if (!Object.hasOwn(needs, n)) problem(field, `unknown need "${n}"`);
  };
  const pattern = (field: string, list: string[]) => {
    for (const id of list) if (!ids.has(id)) problem(field, `unknown pattern id "${id}"`);
  };
  if (team) {
    if (data.rows.length > 0) problem('rows', "a team folder adds no matrix rows: the matrix is the skill's");
  } else {
    const skillRows = new Set(skill.matrix.map((r) => r.requirement));
    data.rows.forEach((row, i) => {
      if (!skillRows.has(row.requirement))
        problem(`rows.${i}.requirement`, `"${row.requirement}" is not a row of the matrix in ${skill.file}`);
      need(`rows.${i}.when`, row.when);
      need(`rows.${i}.justifiedBy`, row.justifiedBy);
      pattern(`rows.${i}.recommended`, row.recommended);
      pattern(`rows.${i}.unjustified.instead`, row.unjustified?.instead ?? []);
    });
    for (const r of skill.matrix) {
      if (!data.rows.some((row) => row.requirement === r.requirement))
        problem('rows', `the matrix row "${r.requirement}" of ${skill.file} has no selection data`);
    }
  }
  data.support.forEach((rule, i) => {
    need(`support.${i}.when`, rule.when);
    need(`support.${i}.unless`, rule.unless);
    pattern(`support.${i}.pattern`, [rule.pattern]);
  });
  return problems;
}

/** The built-in selection data with a team folder's added: its needs' evidence joins a need of the same name. */
export function mergeSelection(base: SelectionData, team: SelectionData): SelectionData {
  const needs = { ...base.needs };
  for (const [name, need] of Object.entries(team.needs)) {
    // Own names only: "constructor" is a need name too, and every object inherits one.
    const known = Object.hasOwn(needs, name) ? needs[name] : undefined;
    needs[name] = known ? { ...known, evidence: { ...known.evidence, ...need.evidence } } : need;
  }
  return { needs, rows: base.rows, support: [...base.support, ...team.support] };
}
