import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { decodeIndex, encodeIndex, INDEX_FORMAT } from '../search/codec.js';
import type { IndexData } from '../search/index.js';
import { sha256Hex } from '../../util/hash.js';
import { VERSION } from '../../util/version.js';
import { catalogueFiles, reloadedPattern } from '../catalogue/load.js';
import { metaOf, type PatternMeta } from '../catalogue/text.js';
import type { Catalogue } from '../catalogue/types.js';

// A user's catalogue (BEK_CATALOGUE_DIR) is parsed, validated and indexed by the full loader: seconds
// for 10,000 documents, at every start of a server or `bek search`. Once it has loaded without a problem,
// what the loader made is kept here, keyed by the name, size and modification time of every file it read
// (as make and rsync decide what changed), by bek's version and by the index format; the next start with the same files reads
// it instead. A document's text is still read from its own file when asked for, and checked against the
// file's sha256 taken by the validating load. `bek validate` always runs the full loader.
//
// One file: a length-prefixed JSON header (the key, the catalogue, the file digests), then the index in
// its one byte form (search/codec.ts). The key holds bek's version and the index format, so an index
// made by other scoring code is a miss, never a stale hit.

interface Header {
  key: string;
  catalogue: Omit<Catalogue, 'byId' | 'patterns'> & { patterns: PatternMeta[] };
  digests: string[];
}

/** Where entries live: BEK_CACHE_DIR, else $XDG_CACHE_HOME/bek or ~/.cache/bek; undefined when BEK_CACHE_DIR is "off". */
export function cacheDir(env: NodeJS.ProcessEnv): string | undefined {
  if (env.BEK_CACHE_DIR === 'off') return undefined;
  return env.BEK_CACHE_DIR || join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'bek');
}

/** The entry file for a catalogue (or a set of folders) named by `name`, e.g. its root. */
export const entryFile = (dir: string, name: string, kind = 'catalogue') =>
  join(dir, `${kind}-${sha256Hex(name).slice(0, 16)}.bin`);

/**
 * What the files under `root` look like now; any added, removed or touched file changes it. Taken before
 * a load reads them, so a file edited while they load makes the entry a miss next time, not a stale hit.
 */
export const cacheKey = (root: string): string => filesKey(catalogueFiles(root));

/** An entry's header and index, when the entry file exists, is readable and was written under `key`. */
export function readEntry<H extends { key: string }>(
  file: string,
  key: string,
): { header: H; index: IndexData } | undefined {
  try {
    const bytes = readFileSync(file);
    const length = bytes.readUInt32LE(0);
    const header = JSON.parse(bytes.toString('utf8', 4, 4 + length)) as H;
    if (header.key !== key) return undefined;
    const index = decodeIndex(bytes.subarray(4 + length));
    return index && { header, index };
  } catch {
    return undefined;
  }
}

/**
 * Writes an entry: its header as length-prefixed JSON, then the index. Best effort: a cache that cannot be
 * written (read-only home, full disk) only means the next start loads the Markdown again.
 */
export function writeEntry(file: string, header: { key: string }, index: IndexData): void {
  const json = Buffer.from(JSON.stringify(header));
  const prefix = Buffer.alloc(4);
  prefix.writeUInt32LE(json.length, 0);
  const partial = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(partial, Buffer.concat([prefix, json, encodeIndex(index)]));
    renameSync(partial, file); // readers see the old entry or the new one, never half of one
  } catch {
    rmSync(partial, { force: true });
  }
}

/** The shape of an entry's header: 2 added the catalogue's scopes and team folders, and each pattern's origin. */
const ENTRY_FORMAT = 2;

/** What these files look like now (name, size, modification time), with bek's version and the entry and index formats. */
export function filesKey(paths: readonly string[], ...more: string[]): string {
  const files = paths.map((path) => {
    try {
      const { size, mtimeMs } = statSync(path);
      return [path, size, mtimeMs];
    } catch {
      return [path, -1, -1];
    }
  });
  return sha256Hex(JSON.stringify([VERSION, ENTRY_FORMAT, INDEX_FORMAT, ...more, files]));
}

/** The catalogue and index kept for `root`, when its files are as `key` says; anything unreadable counts as a miss. */
export function readCached(
  dir: string,
  root: string,
  key: string,
): { catalogue: Catalogue; index: IndexData } | undefined {
  const entry = readEntry<Header>(entryFile(dir, root), key);
  if (!entry) return undefined;
  const { header, index } = entry;
  const patterns = header.catalogue.patterns.map((meta, i) => reloadedPattern(root, meta, header.digests[i] ?? ''));
  const catalogue = Object.freeze({
    ...header.catalogue,
    patterns: Object.freeze(patterns),
    byId: new Map(patterns.map((p) => [p.id, p])),
  });
  return { catalogue, index };
}

/** Keeps a catalogue that loaded without a problem, with its index, under the `key` its files had before the load. */
export function writeCached(
  dir: string,
  root: string,
  key: string,
  catalogue: Catalogue,
  digests: string[],
  index: IndexData,
): void {
  const { byId: _, patterns, ...rest } = catalogue;
  const header: Header = { key, catalogue: { ...rest, patterns: patterns.map(metaOf) }, digests };
  writeEntry(entryFile(dir, root), header, index);
}
