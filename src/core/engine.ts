import { cacheKey, readCached, writeCached } from './store/cache.js';
import { loadCatalogue } from './catalogue/load.js';
import type { Catalogue, Problem } from './catalogue/types.js';
import { type IndexData, indexBuilder, type SearchIndex, withFuzzy } from './search/index.js';
import { type SearchOptions, type SearchOutcome, searchIndex } from './search/search.js';
import { type ExplicitNeeds, type Selection, selectPatterns } from './selection/select.js';

/** The core: an immutable catalogue with its search index, built once per process. */
export interface Engine {
  catalogue: Catalogue;
  /** The folder the catalogue's files are relative to (their `file` fields): where the skill's files are read. */
  root: string;
  search(query: string, options?: SearchOptions): SearchOutcome;
  select(requirements: string, needs?: ExplicitNeeds): Selection;
}

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
    select: (requirements, needs) =>
      selectPatterns(catalogue, requirements, needs, (clause) =>
        searchIndex(getIndex(), clause, { limit: 2, suggest: false }),
      ),
  };
}

/**
 * Loads and validates the content under `root`, its selection data included; the engine only when nothing is wrong.
 * With `cache` (a folder), a catalogue loaded before from the same files is read from there (see catalogue/cache.ts).
 */
export function loadEngine(root: string, cache?: string): { engine?: Engine; problems: Problem[] } {
  const entry = cache ? { dir: cache, key: cacheKey(root) } : undefined;
  const cached = entry && readCached(entry.dir, root, entry.key);
  if (cached) return { engine: createEngine(cached.catalogue, () => cached.index, root), problems: [] };
  // The index is built as the documents are read: the catalogue keeps no text to build it from later.
  const index = indexBuilder();
  const { catalogue, problems, digests } = loadCatalogue(root, index.add);
  if (!catalogue || !digests) return { problems };
  const data = index.data();
  if (entry) writeCached(entry.dir, root, entry.key, catalogue, digests, data);
  return { engine: createEngine(catalogue, () => data, root), problems: [] };
}
