import { reloadedPattern } from '../catalogue/load.js';
import { mergeCatalogue, mergePatterns } from '../catalogue/merge.js';
import { loadTeamFolder, teamFiles } from '../catalogue/team.js';
import { metaOf, type PatternMeta } from '../catalogue/text.js';
import type { Problem, TeamFolder } from '../catalogue/types.js';
import { createEngine, type Engine } from '../engine.js';
import { indexBuilder } from '../search/index.js';
import { entryFile, filesKey, readEntry, writeEntry } from './cache.js';

// Team folders beside a base catalogue (the snapshot, or a BEK_CATALOGUE_DIR). The base is loaded as
// before; each folder is read and validated by the same loader, merged in, and one search index is made
// over the whole result, as scores depend on every document. With a cache folder, what a clean load made
// is kept under one entry for the set of folders, keyed by the base's version and every team file's name,
// size and modification time: the next start with the same files reads the team documents' fields and
// the index from there, and checks the merge again (cheap: ids and links only).

interface Header {
  key: string;
  teams: { folder: TeamFolder; version: string; patterns: PatternMeta[]; digests: string[] }[];
}

/** The base engine with these team folders (absolute paths) merged in; the engine only when nothing is wrong. */
export function loadWithTeams(
  base: Engine,
  dirs: readonly string[],
  cache?: string,
): { engine?: Engine; problems: Problem[] } {
  const key = filesKey(dirs.flatMap(teamFiles), base.catalogue.version, ...dirs);
  const file = cache && entryFile(cache, dirs.join('\n'), 'teams');
  const cached = file ? readEntry<Header>(file, key) : undefined;
  const problems: Problem[] = [];
  if (cached) {
    const teams = cached.header.teams.map((t) => ({
      ...t,
      patterns: t.patterns.map((meta, i) => reloadedPattern(t.folder.dir, meta, t.digests[i] ?? '')),
    }));
    // Written only after a clean merge over the same base and files, so this merge is clean too.
    const catalogue = mergeCatalogue(base.catalogue, teams, problems);
    return catalogue ? { engine: createEngine(catalogue, () => cached.index, base.root), problems } : { problems };
  }
  const loads = dirs.map((dir) => loadTeamFolder(dir, problems));
  const parts = loads.flatMap((l) => (l.folder ? [{ ...l, folder: l.folder }] : []));
  const catalogue = problems.length === 0 ? mergeCatalogue(base.catalogue, parts, problems) : undefined;
  if (!catalogue) return { problems };
  const index = indexBuilder();
  for (const p of catalogue.patterns) index.add(p);
  const data = index.data();
  const teams = parts.map(({ folder, version, patterns, digests }) => ({
    folder,
    version,
    patterns: patterns.map(metaOf),
    digests,
  }));
  const header: Header = { key, teams };
  if (file) writeEntry(file, header, data);
  return { engine: createEngine(catalogue, () => data, base.root), problems };
}

/** Checks team folders on their own, with no built-in catalogue: `related` must stay inside them. */
export function checkTeamsAlone(dirs: readonly string[]): { patterns: number; problems: Problem[] } {
  const problems: Problem[] = [];
  const parts = dirs.map((dir) => loadTeamFolder(dir, problems));
  const merged = problems.length === 0 ? mergePatterns([], parts, problems) : undefined;
  return { patterns: merged?.patterns.length ?? 0, problems };
}
