import type { GuideFrontMatter, PatternFrontMatter } from './schema.js';
import type { SelectionData } from './selection.js';

export interface Section {
  name: string;
  text: string;
}

export interface Pattern extends PatternFrontMatter {
  /** Path relative to the content root, e.g. references/patterns/rel-outbox.md. */
  file: string;
  /** Markdown after the front matter, starting at the `# Title` line. */
  body: string;
  sections: Section[];
}

export interface Guide extends GuideFrontMatter {
  /** File name without extension, e.g. api-patterns. */
  name: string;
  file: string;
  body: string;
}

export interface SkillMatrixRow {
  requirement: string;
  recommended: string;
  when: string;
}

export interface Skill {
  name: string;
  description: string;
  file: string;
  /** The whole SKILL.md, front matter included, as served. */
  text: string;
  objective: string;
  successCriteria: string;
  trigger: string;
  interaction: string;
  matrix: SkillMatrixRow[];
  bestPractices: string[];
  constraints: string[];
  principle: string;
}

/** The loaded, validated, immutable catalogue. */
export interface Catalogue {
  patterns: readonly Pattern[];
  byId: ReadonlyMap<string, Pattern>;
  guides: readonly Guide[];
  skill: Skill;
  /** The needs the selection recognises, the matrix rows as data and the supporting patterns (skill/selection.json). */
  selection: SelectionData;
  /** Short content hash: changes whenever any served document changes. */
  version: string;
}

/** One thing wrong with the content, located by file and field. */
export interface Problem {
  file: string;
  field: string;
  message: string;
}
