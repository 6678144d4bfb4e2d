import { readFileSync } from 'node:fs';
import { decodeIndex, encodeIndex } from '../search/codec.js';
import { type IndexData, indexData } from '../search/index.js';
import { withTextOnDemand } from '../catalogue/text.js';
import type { Catalogue, Section } from '../catalogue/types.js';

// The build validates the shipped catalogue with the full loader and writes it as JSON beside the
// bundle, with its search index: reading them takes a few milliseconds where parsing the Markdown and
// extracting the terms took ~250 at every start (issue 6). Each file is read when first needed. Running
// from the sources there are no such files, so tests and `tsx` always read the Markdown.

/** The files, beside the bundle (dist/): the catalogue without document texts, the texts, the index. */
export const SNAPSHOT_FILES = ['catalogue.json', 'texts.json', 'search-index.bin'] as const;

export interface Snapshot {
  catalogue: Catalogue;
  /** Reads the index: a server starts without it and reads it on the first search. */
  index: () => IndexData;
}

type Texts = [body: string, sections: Section[]][];

// Escaping every non-ASCII character keeps the files ASCII, which Node decodes twice as fast as UTF-8.
const asciiJson = (value: unknown) =>
  JSON.stringify(value).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

// Bottom-up, so every object is frozen once its contents are, as the full loader freezes the catalogue.
// (Only for the small files: a reviver costs per value, ~100 ms on the index.)
const parseFrozen = (text: string) =>
  JSON.parse(text, (_key, value: unknown) => (value && typeof value === 'object' ? Object.freeze(value) : value));

/** The contents of each snapshot file, in SNAPSHOT_FILES order; `byId` is left out and rebuilt on reading. */
export function serializeSnapshot(catalogue: Catalogue): [string, string, Buffer] {
  const { byId: _, patterns, ...rest } = catalogue;
  const texts: Texts = patterns.map((p) => [p.body, p.sections]);
  return [
    asciiJson({ ...rest, patterns: patterns.map(({ body: _b, sections: _s, ...p }) => p) }),
    asciiJson(texts),
    encodeIndex(indexData(patterns)),
  ];
}

/** The snapshot in `dir` (a file URL ending in /), or undefined when there is none. */
export function readSnapshot(dir: URL = new URL('.', import.meta.url)): Snapshot | undefined {
  const read = (name: (typeof SNAPSHOT_FILES)[number]) => readFileSync(new URL(name, dir), 'latin1');
  let catalogue: string;
  try {
    catalogue = read('catalogue.json');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const { patterns, ...rest } = parseFrozen(catalogue) as Omit<Catalogue, 'byId'>;
  // Searching, selecting and listing need no document text: 1.2 MB of it is read on the first get_pattern or `bek show`.
  let texts: Texts | undefined;
  const text = (doc: number) => (texts ??= parseFrozen(read('texts.json')) as Texts)[doc] ?? ['', []];
  const full = patterns.map((p, doc) => withTextOnDemand(p, () => ({ body: text(doc)[0], sections: text(doc)[1] })));
  return {
    catalogue: Object.freeze({ ...rest, patterns: Object.freeze(full), byId: new Map(full.map((p) => [p.id, p])) }),
    index: () => {
      const index = decodeIndex(readFileSync(new URL('search-index.bin', dir)));
      if (!index) throw new Error('the search index beside the bundle is of another format: run npm run build');
      return index;
    },
  };
}
