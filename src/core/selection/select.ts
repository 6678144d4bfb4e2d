import { constraintsWithPatterns } from '../catalogue/constraints.js';
import type { Catalogue } from '../catalogue/types.js';
import { detectNeeds } from './detect.js';
import { MATRIX, SUPPORT } from './matrix.js';
import { type Need, NEEDS } from './needs.js';

export interface Recommendation {
  id: string;
  title: string;
  /** The selection-matrix row this came from, as SKILL.md names it. */
  requirement: string;
  why: string;
  caveats: string[];
}

export interface Selection {
  requirements: string;
  /** Needs understood from the text and the structured input, each with what revealed it. */
  needs: { need: Need; because: string }[];
  recommendations: Recommendation[];
  supporting: { id: string; title: string; why: string }[];
  /** Matrix rows that were considered and declined, with what to do instead. */
  rejected: { id: string; title: string; requirement: string; why: string; instead: string[] }[];
  constraints: string[];
  principle: string;
}

/** Explicit needs override what the text says: true adds a need, false removes it. */
export type ExplicitNeeds = Partial<Record<Need, boolean>>;

/** Runs the skill's selection matrix over requirements; deterministic, and every answer says why. */
export function selectPatterns(catalogue: Catalogue, requirements: string, explicit: ExplicitNeeds = {}): Selection {
  const because = detectNeeds(requirements);
  for (const [need, on] of Object.entries(explicit) as [Need, boolean][]) {
    if (on) because.set(need, 'stated in needs');
    else because.delete(need);
  }
  const has = (needs: Need[] | undefined) => !!needs?.some((n) => because.has(n));
  const title = (id: string) => catalogue.byId.get(id)?.title ?? id;
  const named = (needs: Need[]) =>
    needs
      .filter((n) => because.has(n))
      .map((n) => `"${because.get(n)}"`)
      .join(', ');

  const recommendations: Recommendation[] = [];
  const rejected: Selection['rejected'] = [];
  for (const row of MATRIX.filter((r) => has(r.any))) {
    if (row.justifiedBy && !has(row.justifiedBy)) {
      if (row.unjustified) {
        for (const id of row.recommended) {
          rejected.push({
            id,
            title: title(id),
            requirement: row.requirement,
            why: row.unjustified.why,
            instead: row.unjustified.instead,
          });
        }
      }
      continue;
    }
    const evidence = named([...row.any, ...(row.justifiedBy ?? [])]);
    for (const id of row.recommended) {
      recommendations.push({
        id,
        title: title(id),
        requirement: row.requirement,
        why: `${row.why} (from: ${evidence})`,
        caveats: row.caveats,
      });
    }
  }

  const taken = new Set(recommendations.map((r) => r.id));
  const supporting: Selection['supporting'] = [];
  const add = (id: string, why: string) => {
    if (taken.has(id) || !catalogue.byId.has(id)) return;
    taken.add(id);
    supporting.push({ id, title: title(id), why });
  };
  for (const rule of SUPPORT.filter((r) => has(r.any))) add(rule.id, `${rule.why} (from: ${named(rule.any)})`);
  for (const r of rejected)
    for (const id of r.instead) add(id, `Instead of ${r.title}: part of scaling a single deployable well.`);

  return {
    requirements,
    needs: [...because].map(([need, why]) => ({
      need,
      because: why === 'stated in needs' ? why : `"${why}": ${NEEDS[need].description}`,
    })),
    recommendations,
    supporting,
    rejected,
    constraints: constraintsWithPatterns(catalogue),
    principle: catalogue.skill.principle,
  };
}
