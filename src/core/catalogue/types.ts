import type { GuideFrontMatter, TeamFrontMatter } from './schema.js';
import type { SelectionData } from './selection.js';

export interface Section {
  name: string;
  text: string;
}

/** A pattern document: a built-in one has a built-in scope and no `overrides`; a team one may have either. */
export interface Pattern extends TeamFrontMatter {
  /** BUILT_IN, or the absolute path of the team folder the document comes from. */
  origin: string;
  /** Path relative to the content root, e.g. references/patterns/rel-outbox.md; absolute for a team document. */
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

/**
 * A team folder (--patterns-dir, BEK_PATTERNS_DIR) whose documents a catalogue holds beside the built-in
 * ones: where selection will find a folder's own selection data (its patterns carry `origin: dir`).
 */
export interface TeamFolder {
  /** Absolute path. */
  dir: string;
  /** The scopes its bek.yaml declares. */
  scopes: string[];
  /** Its selection.json: needs, evidence and supporting rules added to the built-in ones. */
  selection?: SelectionData;
}

/** The loaded, validated, immutable catalogue. */
export interface Catalogue {
  patterns: readonly Pattern[];
  /** The built-in scopes, then those the team folders declare. */
  scopes: readonly string[];
  folders: readonly TeamFolder[];
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
