import type { Catalogue, Problem } from '../catalogue/types.js';
import { MATRIX, SUPPORT } from './matrix.js';

const FILE = 'src/selection/matrix.ts';

/** The selection data must name real patterns and the rows of the skill's own matrix. */
export function checkSelectionData(catalogue: Catalogue): Problem[] {
  const problems: Problem[] = [];
  const rows = new Set(catalogue.skill.matrix.map((r) => r.requirement));
  MATRIX.forEach((row, i) => {
    if (!rows.has(row.requirement)) {
      problems.push({
        file: FILE,
        field: `MATRIX.${i}.requirement`,
        message: `"${row.requirement}" is not a row of the selection matrix in ${catalogue.skill.file}`,
      });
    }
    for (const id of [...row.recommended, ...(row.unjustified?.instead ?? [])]) {
      if (!catalogue.byId.has(id))
        problems.push({ file: FILE, field: `MATRIX.${i}`, message: `unknown pattern id "${id}"` });
    }
  });
  for (const r of catalogue.skill.matrix) {
    if (!MATRIX.some((row) => row.requirement === r.requirement)) {
      problems.push({
        file: catalogue.skill.file,
        field: 'matrix',
        message: `row "${r.requirement}" has no selection data in ${FILE}`,
      });
    }
  }
  SUPPORT.forEach((rule, i) => {
    if (!catalogue.byId.has(rule.id))
      problems.push({ file: FILE, field: `SUPPORT.${i}.id`, message: `unknown pattern id "${rule.id}"` });
  });
  return problems;
}
