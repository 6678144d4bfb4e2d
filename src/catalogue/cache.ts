import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { IndexData } from '../search/index.js';
import { VERSION } from '../version.js';
import { catalogueFiles, reloadedPattern } from './load.js';
import { metaOf, type PatternMeta } from './text.js';
import type { Catalogue } from './types.js';

// A user's catalogue (BEK_CATALOGUE_DIR) is parsed, validated and indexed by the full loader: seconds
// for 10,000 documents, at every start of a server or `bek search`. Once it has loaded without a problem,
// what the loader made is kept here, keyed by the name, size and modification time of every file it read
// (as make and rsync decide what changed) and by bek's version; the next start with the same files reads
// it instead. A document's text is still read from its own file when asked for, and checked against the
// file's sha256 taken by the validating load. `bek validate` always runs the full loader.
//
// One file: a JSON header (catalogue, file digests, terms, phrases), then the index's numbers as raw
// typed arrays, which are read back as views of the file's buffer: no parsing, no copies.

interface Header {
  key: string;
  catalogue: Omit<Catalogue, 'byId' | 'patterns'> & { patterns: PatternMeta[] };
  digests: string[];
  terms: string[];
  phrases: number[][][];
  words: string[];
  wordTerms: number[];
  /** Postings in all, over every term. */
  postings: number;
}

/** Where entries live: BEK_CACHE_DIR, else $XDG_CACHE_HOME/bek or ~/.cache/bek; undefined when BEK_CACHE_DIR is "off". */
export function cacheDir(env: NodeJS.ProcessEnv): string | undefined {
  if (env.BEK_CACHE_DIR === 'off') return undefined;
  return env.BEK_CACHE_DIR || join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'bek');
}

const sha = (text: string) => createHash('sha256').update(text).digest('hex');
const entryFile = (dir: string, root: string) => join(dir, `catalogue-${sha(root).slice(0, 16)}.bin`);

/**
 * What the files under `root` look like now; any added, removed or touched file changes it. Taken before
 * a load reads them, so a file edited while they load makes the entry a miss next time, not a stale hit.
 */
export function cacheKey(root: string): string {
  const files = catalogueFiles(root).map((path) => {
    try {
      const { size, mtimeMs } = statSync(path);
      return [path, size, mtimeMs];
    } catch {
      return [path, -1, -1];
    }
  });
  return sha(JSON.stringify([VERSION, files]));
}

/** The byte layout after the header, 8-aligned: idf, then docs and term offsets, then strengths and head. */
function layout(terms: number, postings: number) {
  const idf = 0;
  const docs = idf + 8 * terms;
  const offsets = docs + 4 * postings;
  const strengths = offsets + 4 * (terms + 1);
  const head = strengths + postings;
  return { idf, docs, offsets, strengths, head, end: head + terms };
}

/** The catalogue and index kept for `root`, when its files are as `key` says; anything unreadable counts as a miss. */
export function readCached(dir: string, root: string, key: string): { catalogue: Catalogue; index: IndexData } | undefined {
  let file: Buffer;
  let header: Header;
  try {
    file = readFileSync(entryFile(dir, root));
    const length = file.readUInt32LE(0);
    header = JSON.parse(file.toString('utf8', 4, 4 + length)) as Header;
    if (header.key !== key) return undefined;
    file = file.subarray(align(4 + length));
  } catch {
    return undefined;
  }
  const count = header.terms.length;
  const at = layout(count, header.postings);
  if (file.length !== at.end) return undefined;
  const bytes = new Uint8Array(at.end);
  bytes.set(file); // one copy into an aligned buffer of our own: typed array views need 8-byte alignment
  const { buffer } = bytes;
  const docs = new Uint32Array(buffer, at.docs, header.postings);
  const offsets = new Uint32Array(buffer, at.offsets, count + 1);
  const strengths = new Uint8Array(buffer, at.strengths, header.postings);
  const index: IndexData = {
    terms: header.terms,
    postings: header.terms.map((_, t) => {
      const [from, to] = [offsets[t] ?? 0, offsets[t + 1] ?? 0];
      return { docs: docs.subarray(from, to), strengths: strengths.subarray(from, to) };
    }),
    idf: new Float64Array(buffer, at.idf, count),
    head: new Uint8Array(buffer, at.head, count),
    phrases: header.phrases,
    words: header.words,
    wordTerms: header.wordTerms,
  };
  const patterns = header.catalogue.patterns.map((meta, i) => reloadedPattern(root, meta, header.digests[i] ?? ''));
  const catalogue = Object.freeze({ ...header.catalogue, patterns: Object.freeze(patterns), byId: new Map(patterns.map((p) => [p.id, p])) });
  return { catalogue, index };
}

const align = (n: number) => Math.ceil(n / 8) * 8;

/**
 * Keeps a catalogue that loaded without a problem, with its index, under the `key` its files had before
 * the load. Best effort: a cache that cannot be written (read-only home, full disk) only means the next
 * start loads the Markdown again.
 */
export function writeCached(dir: string, root: string, key: string, catalogue: Catalogue, digests: string[], index: IndexData): void {
  const { byId: _, patterns, ...rest } = catalogue;
  const postings = index.postings.reduce((n, p) => n + p.docs.length, 0);
  const header: Header = {
    key,
    catalogue: { ...rest, patterns: patterns.map(metaOf) },
    digests,
    terms: index.terms,
    phrases: index.phrases,
    words: index.words,
    wordTerms: index.wordTerms,
    postings,
  };
  const json = Buffer.from(JSON.stringify(header));
  const at = layout(index.terms.length, postings);
  const body = new Uint8Array(at.end);
  new Float64Array(body.buffer, at.idf, index.terms.length).set(index.idf);
  const docs = new Uint32Array(body.buffer, at.docs, postings);
  const offsets = new Uint32Array(body.buffer, at.offsets, index.terms.length + 1);
  let next = 0;
  index.postings.forEach((p, t) => {
    offsets[t] = next;
    docs.set(p.docs, next);
    body.set(p.strengths, at.strengths + next);
    next += p.docs.length;
  });
  offsets[index.terms.length] = next;
  body.set(index.head, at.head);
  const prefix = Buffer.alloc(align(4 + json.length));
  prefix.writeUInt32LE(json.length, 0);
  json.copy(prefix, 4);

  const file = entryFile(dir, root);
  const partial = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(partial, Buffer.concat([prefix, body]));
    renameSync(partial, file); // readers see the old entry or the new one, never half of one
  } catch {
    rmSync(partial, { force: true });
  }
}
