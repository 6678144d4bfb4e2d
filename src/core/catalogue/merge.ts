import { join } from 'node:path';
import { sha256Hex } from '../../util/hash.js';
import { deepFreeze } from './load.js';
import { SCOPES, TEAM_SELECTION } from './schema.js';
import { checkSelection, mergeSelection } from './selection.js';
import type { Catalogue, Pattern, Problem, TeamFolder } from './types.js';

/** One team folder, loaded: what the merge needs of it. */
export interface TeamPart {
  folder: TeamFolder;
  patterns: readonly Pattern[];
  version: string;
}

/**
 * The built-in patterns with the team folders' beside them. A team id equal to a built-in one is an error
 * unless the document says `overrides: <that id>`; then it takes the built-in one's place. Every `related`
 * id must name a pattern of the result (built-in ids included). Without `base`, the folders are checked on
 * their own. Returns the patterns in order and the id index, or nothing when a problem was found.
 */
export function mergePatterns(
  base: readonly Pattern[],
  teams: readonly { patterns: readonly Pattern[] }[],
  problems: Problem[],
): { patterns: Pattern[]; byId: Map<string, Pattern> } | undefined {
  const before = problems.length;
  const builtIn = new Map(base.map((p) => [p.id, p]));
  const fromTeams = new Map<string, Pattern>();
  for (const p of teams.flatMap((t) => t.patterns)) {
    const add = (field: string, message: string) => problems.push({ file: p.file, field, message });
    const seen = fromTeams.get(p.id);
    if (seen) add('id', `duplicate id "${p.id}", also used by ${seen.file}`);
    else fromTeams.set(p.id, p);
    if (p.overrides !== undefined && p.overrides !== p.id)
      add('overrides', `names "${p.overrides}": an override repeats the document's own id ("${p.id}")`);
    else if (p.overrides !== undefined && !builtIn.has(p.id))
      add('overrides', `no built-in pattern has the id "${p.id}", so there is nothing to override`);
    else if (p.overrides === undefined && builtIn.has(p.id))
      add(
        'id',
        `"${p.id}" is a built-in pattern's id: rename the document, or add "overrides: ${p.id}" to its front matter to serve it instead of the built-in one`,
      );
  }
  const patterns = [
    ...base.map((p) => (fromTeams.get(p.id)?.overrides === p.id ? (fromTeams.get(p.id) as Pattern) : p)),
    ...[...fromTeams.values()].filter((p) => !builtIn.has(p.id)),
  ];
  const byId = new Map(patterns.map((p) => [p.id, p]));
  for (const p of fromTeams.values())
    p.related.forEach((id, i) => {
      const field = `related.${i}`;
      if (id === p.id) problems.push({ file: p.file, field, message: 'a pattern cannot relate to itself' });
      else if (!byId.has(id)) problems.push({ file: p.file, field, message: `unknown pattern id "${id}"` });
    });
  return problems.length === before ? { patterns, byId } : undefined;
}

/** The base catalogue with the team folders merged in (see mergePatterns), or nothing when a problem was found. */
export function mergeCatalogue(
  base: Catalogue,
  teams: readonly TeamPart[],
  problems: Problem[],
): Catalogue | undefined {
  const merged = mergePatterns(base.patterns, teams, problems);
  if (!merged) return undefined;
  const scopes = [...new Set([...SCOPES, ...base.scopes, ...teams.flatMap((t) => t.folder.scopes)])];
  const version = sha256Hex([base.version, ...teams.map((t) => t.version)].join('\n')).slice(0, 12);
  const folders = [...base.folders, ...teams.map((t) => t.folder)];
  let selection = base.selection;
  for (const { folder } of teams) if (folder.selection) selection = mergeSelection(selection, folder.selection);
  const before = problems.length;
  for (const { folder } of teams) {
    if (!folder.selection) continue;
    const team = { file: join(folder.dir, TEAM_SELECTION), needs: selection.needs };
    problems.push(...checkSelection(folder.selection, merged.byId, base.skill, team));
  }
  if (problems.length > before) return undefined;
  return deepFreeze({ ...base, ...merged, scopes, folders, selection, version });
}
