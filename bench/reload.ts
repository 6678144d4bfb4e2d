import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Engine } from '../src/core/engine.js';
import { type ReloadOutcome, watchCatalogue } from '../src/core/store/live.js';
import { loadWithTeams } from '../src/core/store/teams.js';
import { setLogLevel } from '../src/util/log.js';
import { median, ms, printSection } from './stats.js';
import { writeSyntheticTeamFolder } from './synthetic.js';

const TEAM_SIZE = 200;
const ROUNDS = 7;

/**
 * `bek serve --watch` over the shipped catalogue plus a 200-document team folder: what one reload costs
 * (read, validate, merge and index everything, as the watcher does on a save) and how long a save takes to
 * be served (the debounce included), through the real watcher on a real folder.
 */
export async function measureReload(base: Engine): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bek-bench-team-'));
  try {
    writeSyntheticTeamFolder(base.catalogue, TEAM_SIZE, dir);
    const load = () => loadWithTeams(base, [dir]);
    const reloads: number[] = [];
    let engine: Engine | undefined;
    for (let round = -1; round < ROUNDS; round++) {
      const t = performance.now();
      engine = load().engine;
      if (round >= 0) reloads.push(performance.now() - t);
    }
    if (!engine) throw new Error(`the synthetic team folder has problems: ${JSON.stringify(load().problems[0])}`);

    let done: ((o: ReloadOutcome) => void) | undefined;
    // The watcher does not hold the process open (a server's stdin or socket does): this bench must.
    const open = setInterval(() => {}, 1000);
    setLogLevel('warn');
    const live = watchCatalogue(engine, [dir], load, { onReload: (o) => done?.(o) });
    const file = join(dir, readdirSync(dir)[0] ?? '');
    const original = readFileSync(file, 'utf8');
    const saves: number[] = [];
    try {
      for (let round = 0; round < ROUNDS; round++) {
        const swapped = new Promise<ReloadOutcome>((resolve) => (done = resolve));
        const t = performance.now();
        writeFileSync(file, original.replace('hit this.', `hit this (save ${round}).`));
        const outcome = await swapped;
        if (outcome.result !== 'swapped') throw new Error(`a save was ${outcome.result}`);
        saves.push(performance.now() - t);
      }
    } finally {
      live.close();
      clearInterval(open);
      setLogLevel('info');
    }
    printSection(
      `Reload for serve --watch: shipped catalogue + a ${TEAM_SIZE}-document team folder (${engine.catalogue.patterns.length} patterns, medians of ${ROUNDS})`,
      [
        { label: 'reload (read, validate, merge, index everything)', value: ms(median(reloads)) },
        { label: 'save → new catalogue served (150 ms debounce included)', value: ms(median(saves)) },
      ],
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
