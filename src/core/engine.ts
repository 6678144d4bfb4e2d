import { cacheKey, readCached, writeCached } from './store/cache.js';
import { loadCatalogue } from './catalogue/load.js';
import type { Catalogue, Problem } from './catalogue/types.js';
import { type IndexData, indexBuilder, type SearchIndex, withFuzzy } from './search/index.js';
import { type SearchOptions, type SearchOutcome, searchIndex } from './search/search.js';
import { checkSelectionData } from './selection/check.js';
import { type ExplicitNeeds, type Selection, selectPatterns } from './selection/select.js';

/** The core: an immutable catalogue with its search index, built once per process. */
export interface Engine {
  catalogue: Catalogue;
  /** The folder the catalogue's files are relative to (their `file` fields): where the skill's files are read. */
  root: string;
  search(query: string, options?: SearchOptions): SearchOutcome;
  select(requirements: string, needs?: ExplicitNeeds): Selection;
}

/** The least search score that makes a pattern worth naming for requirements no selection rule understood. */
const FALLBACK_MIN_SCORE = 0.4;

/**
 * Builds the engine over a loaded catalogue; the search index is made on first use from `readIndex`
 * (the build's snapshot, the cache, or what the loader extracted as it read the documents).
 */
export function createEngine(catalogue: Catalogue, readIndex: () => IndexData, root: string): Engine {
  let index: SearchIndex | undefined;
  const getIndex = () => (index ??= withFuzzy(catalogue.patterns, readIndex()));
  return {
    catalogue,
    root,
    search: (query, options) => searchIndex(getIndex(), query, options),
    select(requirements, needs) {
      const selection = selectPatterns(catalogue, requirements, needs);
      if (selection.recommendations.length > 0 || selection.supporting.length > 0) return selection;
      // No matrix row and no rule fired: fall back to the catalogue's strong matches, if any. A weak one
      // ("db-indexing" for "a recommendation engine for movies") would read as advice it is not.
      const hits = searchIndex(getIndex(), requirements, { limit: 3 }).hits.filter(
        (h) => h.score >= FALLBACK_MIN_SCORE,
      );
      const supporting = hits.map((h) => ({
        id: h.id,
        title: h.title,
        why: `Closest catalogue match for the requirements (score ${h.score}).`,
      }));
      return { ...selection, supporting };
    },
  };
}

/**
 * Loads and validates the content under `root` and the selection data; the engine only when nothing is wrong.
 * With `cache` (a folder), a catalogue loaded before from the same files is read from there (see catalogue/cache.ts).
 */
export function loadEngine(root: string, cache?: string): { engine?: Engine; problems: Problem[] } {
  const entry = cache ? { dir: cache, key: cacheKey(root) } : undefined;
  const cached = entry && readCached(entry.dir, root, entry.key);
  if (cached) return withSelectionChecked(cached.catalogue, cached.index, root);
  // The index is built as the documents are read: the catalogue keeps no text to build it from later.
  const index = indexBuilder();
  const { catalogue, problems, digests } = loadCatalogue(root, index.add);
  if (!catalogue || !digests) return { problems };
  const data = index.data();
  const loaded = withSelectionChecked(catalogue, data, root);
  if (entry && loaded.engine) writeCached(entry.dir, root, entry.key, catalogue, digests, data);
  return loaded;
}

function withSelectionChecked(
  catalogue: Catalogue,
  index: IndexData,
  root: string,
): { engine?: Engine; problems: Problem[] } {
  const problems = checkSelectionData(catalogue);
  return problems.length > 0 ? { problems } : { engine: createEngine(catalogue, () => index, root), problems: [] };
}
