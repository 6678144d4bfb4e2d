import { type FSWatcher, watch } from 'node:fs';
import type { Problem } from '../catalogue/types.js';
import type { Engine } from '../engine.js';
import { log } from '../../util/log.js';

/** An engine that a reload may replace while the process runs (`bek serve --watch`). */
export interface LiveEngine {
  /** The engine now: read it once per request, so one request sees one catalogue. */
  current(): Engine;
  /** Calls `listener` after each swap with the new engine; returns the way to stop. */
  subscribe(listener: (next: Engine) => void): () => void;
  close(): void;
}

/** How one reload ended: swapped, unchanged (same version) or refused (problems), and how long it took. */
export interface ReloadOutcome {
  result: 'swapped' | 'unchanged' | 'refused';
  ms: number;
  problems: readonly Problem[];
}

export interface WatchOptions {
  /** Quiet time after the last change before reloading: an editor's save is several events, a checkout hundreds. */
  debounceMs?: number;
  onReload?: (outcome: ReloadOutcome) => void;
}

/** 150 ms: longer than the gap between the events of one save (a few ms), short enough to feel immediate. */
const DEBOUNCE_MS = 150;

/**
 * Serves `first` and watches `dirs` (flat team folders): after a burst of changes has been quiet for the
 * debounce time, `load` runs again (the full validating loader, between requests: JavaScript runs one
 * at a time, so no request sees a half-made engine) and, when it found no problem and the version
 * changed, the new engine replaces the old in one assignment. A load with problems keeps the last good
 * engine and logs every problem with its file and field.
 */
export function watchCatalogue(
  first: Engine,
  dirs: readonly string[],
  load: () => { engine?: Engine; problems: Problem[] },
  options: WatchOptions = {},
): LiveEngine {
  let engine = first;
  const listeners = new Set<(next: Engine) => void>();
  let timer: NodeJS.Timeout | undefined;
  const reload = () => {
    timer = undefined;
    const started = performance.now();
    let loaded: { engine?: Engine; problems: Problem[] };
    try {
      loaded = load();
    } catch (error) {
      // A document read while it was being written, or a folder removed mid-load: the next event retries.
      loaded = { problems: [{ file: dirs.join(', '), field: '(reload)', message: (error as Error).message }] };
    }
    const ms = Math.round(performance.now() - started);
    const next = loaded.engine;
    const result = !next ? 'refused' : next.catalogue.version === engine.catalogue.version ? 'unchanged' : 'swapped';
    if (next && result === 'swapped') {
      engine = next;
      log('info', 'catalogue reloaded', {
        patterns: next.catalogue.patterns.length,
        version: next.catalogue.version,
        ms,
      });
      for (const listener of listeners) listener(next);
    }
    if (result === 'refused') {
      log('error', 'catalogue reload refused: still serving the last good one', {
        version: engine.catalogue.version,
        problems: loaded.problems.length,
      });
      for (const p of loaded.problems)
        log('error', 'catalogue problem', { file: p.file, field: p.field, message: p.message });
    }
    options.onReload?.({ result, ms, problems: loaded.problems });
  };
  const changed = () => {
    clearTimeout(timer);
    timer = setTimeout(reload, options.debounceMs ?? DEBOUNCE_MS);
  };
  const watchers: FSWatcher[] = dirs.map((dir) =>
    watch(dir, { persistent: false }, changed).on('error', (error) => {
      log('error', 'cannot watch a team folder any more', { dir, error: error.message });
      changed();
    }),
  );
  return {
    current: () => engine,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      clearTimeout(timer);
      for (const w of watchers) w.close();
      listeners.clear();
    },
  };
}
