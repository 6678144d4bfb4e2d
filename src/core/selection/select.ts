import { constraintsWithPatterns } from '../catalogue/constraints.js';
import type { SelectionData } from '../catalogue/selection.js';
import type { Catalogue } from '../catalogue/types.js';
import type { SearchOutcome } from '../search/search.js';
import { queryTerms } from '../search/text.js';
import { BekError } from '../../util/errors.js';
import { clauses, type NeedEvidence, negated, THRESHOLD, weighNeeds } from './detect.js';

export interface Recommendation {
  id: string;
  title: string;
  /** The selection-matrix row this came from, as SKILL.md names it. */
  requirement: string;
  why: string;
  caveats: string[];
  /** How strongly the requirements call for it; the list is ordered by it. */
  strength: number;
}

export interface Supporting {
  id: string;
  title: string;
  why: string;
  strength: number;
}

export interface Selection {
  requirements: string;
  /** Needs understood from the text and the structured input, each with what revealed it. */
  needs: { need: string; because: string }[];
  recommendations: Recommendation[];
  supporting: Supporting[];
  /** Matrix rows that were considered and declined, with what to do instead. */
  rejected: { id: string; title: string; requirement: string; why: string; instead: string[] }[];
  constraints: string[];
  principle: string;
}

/** Explicit needs override what the text says: true adds a need, false removes it. */
export type ExplicitNeeds = Record<string, boolean>;
/** The catalogue's search, which reads each clause of the requirements for patterns no need names. */
export type ClauseSearch = (clause: string) => SearchOutcome;

/** A search hit this good on one clause is evidence for its pattern (the band where rank 1 is right ~95% of the time). */
const CLAUSE_EVIDENCE = 0.55;
/**
 * A long clause scores lower (its incidental words count too): its first hit is evidence from this score
 * when it leads the second clearly (the second below CLEAR_LEAD of it).
 */
const CLEAR_EVIDENCE = 0.3;
const CLEAR_LEAD = 0.8;
/** The most clauses searched: a design document's worth; 4,000 characters of short sentences would be hundreds. */
const MAX_CLAUSES = 30;
/** Clauses with fewer meaningful words than this are too vague to search ("It lives in Confluence."). */
const CLAUSE_WORDS = 3;
/** A stated need weighs like strong evidence. */
const STATED = 1.5;
/** The most supporting patterns named: past that, a list stops being advice. */
const MAX_SUPPORTING = 12;
/** What each further need present adds to a rule's strength. */
const OTHER_NEED = 0.25;
/** What a declined row's alternative weighs: named, below what the requirements call for themselves. */
const DECLINED_INSTEAD = 0.5;
/** A matrix row outranks any single supporting rule. */
const ROW_BONUS = 1;

const round = (n: number) => Math.round(n * 100) / 100;

/**
 * Runs the skill's selection matrix over requirements, with the catalogue's selection data and its search:
 * deterministic, ranked, and every answer quotes what called for it.
 */
export function selectPatterns(
  catalogue: Catalogue,
  requirements: string,
  explicit: ExplicitNeeds = {},
  search?: ClauseSearch,
): Selection {
  const data = catalogue.selection;
  const { present, noBackend } = presentNeeds(data, requirements, explicit);
  // The strongest evidence among the needs, and a little for each other one present: a rule that several
  // stated needs call for ranks above one that a single need does.
  const strengthOf = (needs: string[] | undefined) => {
    const scores = [...new Set(needs)].map((n) => Math.min(2, present.get(n)?.score ?? 0)).filter((x) => x > 0);
    return scores.length === 0 ? 0 : Math.max(...scores) + OTHER_NEED * (scores.length - 1);
  };
  const has = (needs: string[] | undefined) => strengthOf(needs) > 0;
  const title = (id: string) => catalogue.byId.get(id)?.title ?? id;
  const quoted = (needs: string[]) =>
    [...new Set(needs)]
      .flatMap((n) => {
        const e = present.get(n);
        return !e ? [] : e.quotes.length > 0 ? e.quotes.slice(0, 2).map((q) => `"${q}"`) : [`${n} (stated)`];
      })
      .join(', ');

  const recommendations: Recommendation[] = [];
  const rejected: Selection['rejected'] = [];
  for (const row of data.rows.filter((r) => has(r.when))) {
    if (row.justifiedBy && !has(row.justifiedBy)) {
      const { unjustified } = row;
      for (const id of unjustified ? row.recommended : [])
        rejected.push({
          id,
          title: title(id),
          requirement: row.requirement,
          why: unjustified?.why ?? '',
          instead: unjustified?.instead ?? [],
        });
      continue;
    }
    const needs = [...row.when, ...(row.justifiedBy ?? [])];
    for (const id of row.recommended) {
      recommendations.push({
        id,
        title: title(id),
        requirement: row.requirement,
        why: `${row.why} (from: ${quoted(needs)})`,
        caveats: row.caveats,
        strength: round(ROW_BONUS + strengthOf(needs)),
      });
    }
  }

  const taken = new Set(recommendations.map((r) => r.id));
  const supporting = new Map<string, Supporting>();
  const add = (id: string, why: string, strength: number) => {
    if (taken.has(id) || !catalogue.byId.has(id)) return;
    const had = supporting.get(id);
    if (!had || had.strength < strength) supporting.set(id, { id, title: title(id), why, strength: round(strength) });
  };
  for (const rule of data.support) {
    const s = has(rule.unless) ? 0 : strengthOf(rule.when);
    if (s > 0) add(rule.pattern, `${rule.why} (from: ${quoted(rule.when.filter((n) => present.has(n)))})`, s);
  }
  const moot = new Set(data.support.filter((r) => has(r.unless)).map((r) => r.pattern));
  for (const [id, { clause, score }] of clauseMatches(requirements, noBackend ? undefined : search)) {
    if (moot.has(id)) continue;
    const had = supporting.get(id);
    if (had) had.strength = round(had.strength + score / 2);
    else add(id, `The catalogue's closest match for "${clause}" (search score ${score}).`, score);
  }
  for (const r of rejected)
    for (const id of r.instead) add(id, `Instead of ${r.title}, declined above.`, DECLINED_INSTEAD);

  const byStrength = <T extends { strength: number; id: string }>(list: T[]) =>
    list.sort((a, b) => b.strength - a.strength || a.id.localeCompare(b.id));
  return {
    requirements,
    needs: [...present].map(([need, e]) => ({
      need,
      because:
        e.quotes.length > 0
          ? `${e.quotes.map((q) => `"${q}"`).join(', ')}: ${data.needs[need]?.description}`
          : 'stated in needs',
    })),
    recommendations: byStrength(recommendations),
    supporting: byStrength([...supporting.values()]).slice(0, MAX_SUPPORTING),
    rejected,
    constraints: constraintsWithPatterns(catalogue),
    principle: catalogue.skill.principle,
  };
}

/**
 * The needs the requirements show, each with its evidence, after the stated ones are added or ruled out.
 * Requirements that say no backend is built (a static site) keep only needs with twice the evidence.
 */
function presentNeeds(data: SelectionData, requirements: string, explicit: ExplicitNeeds) {
  const unknown = Object.keys(explicit).filter((n) => !Object.hasOwn(data.needs, n));
  if (unknown.length > 0)
    throw new BekError(
      'bad_input',
      `Unknown need: ${unknown.join(', ')}. The needs are: ${Object.keys(data.needs).join(', ')}.`,
    );
  const present = new Map<string, NeedEvidence>();
  for (const [need, e] of weighNeeds(data, requirements)) if (e.score >= THRESHOLD) present.set(need, e);
  for (const [need, on] of Object.entries(explicit)) {
    if (on) present.set(need, { score: STATED, quotes: [] });
    else present.delete(need);
  }
  // After the stated needs: a no-backend need ruled out has no effect, one stated has the text's.
  const noBackend = [...present.keys()].some((n) => data.needs[n]?.noBackend);
  if (noBackend)
    for (const [need, e] of present)
      if (e.score < 2 * THRESHOLD && !data.needs[need]?.noBackend && explicit[need] !== true) present.delete(need);
  return { present, noBackend };
}

/** The patterns that some clause of the requirements, searched on its own, finds with confidence. */
function clauseMatches(requirements: string, search?: ClauseSearch): Map<string, { clause: string; score: number }> {
  const found = new Map<string, { clause: string; score: number }>();
  if (!search) return found;
  let searched = 0;
  for (const raw of clauses(requirements)) {
    const clause = raw.join(' ');
    // A clause that denies something ("nobody has a password with us") is no evidence for what it names.
    if (queryTerms(clause).length < CLAUSE_WORDS || negated(raw, raw.length, raw.length)) continue;
    if (++searched > MAX_CLAUSES) break;
    const hits = search(clause).hits;
    const [first, second] = hits;
    for (const hit of hits.slice(0, 2)) {
      const clear = hit === first && hit.score >= CLEAR_EVIDENCE && (second?.score ?? 0) < CLEAR_LEAD * hit.score;
      if ((hit.score < CLAUSE_EVIDENCE && !clear) || (found.get(hit.id)?.score ?? 0) >= hit.score) continue;
      found.set(hit.id, { clause, score: hit.score });
    }
  }
  return found;
}
