import type { IndexData } from './index.js';

// The one byte form of the index data, for the build's snapshot and the cache of user catalogues: a
// length-prefixed JSON header (the strings and the phrase lists), then the numbers as raw typed arrays,
// 8-aligned, read back as views of one buffer: no parsing of numbers, no copies past the first.

/** Bumped whenever IndexData, the scoring that fills it or this layout changes: stored indexes of another format are misses. */
export const INDEX_FORMAT = 1;

interface Header {
  format: number;
  terms: string[];
  words: string[];
  wordTerms: number[];
  phrases: number[][][];
  /** Postings in all, over every term. */
  postings: number;
}

const align = (n: number) => Math.ceil(n / 8) * 8;

/** The byte layout after the header: idf, then docs and term offsets, then strengths and head. */
function layout(terms: number, postings: number) {
  const idf = 0;
  const docs = idf + 8 * terms;
  const offsets = docs + 4 * postings;
  const strengths = offsets + 4 * (terms + 1);
  const head = strengths + postings;
  return { idf, docs, offsets, strengths, head, end: head + terms };
}

export function encodeIndex(index: IndexData): Buffer {
  const postings = index.postings.reduce((n, p) => n + p.docs.length, 0);
  const header: Header = {
    format: INDEX_FORMAT,
    terms: index.terms,
    words: index.words,
    wordTerms: index.wordTerms,
    phrases: index.phrases,
    postings,
  };
  const json = Buffer.from(JSON.stringify(header));
  const count = index.terms.length;
  const at = layout(count, postings);
  const body = new Uint8Array(at.end);
  new Float64Array(body.buffer, at.idf, count).set(index.idf);
  const docs = new Uint32Array(body.buffer, at.docs, postings);
  const offsets = new Uint32Array(body.buffer, at.offsets, count + 1);
  let next = 0;
  index.postings.forEach((p, t) => {
    offsets[t] = next;
    docs.set(p.docs, next);
    body.set(p.strengths, at.strengths + next);
    next += p.docs.length;
  });
  offsets[count] = next;
  body.set(index.head, at.head);
  const prefix = Buffer.alloc(align(4 + json.length));
  prefix.writeUInt32LE(json.length, 0);
  json.copy(prefix, 4);
  return Buffer.concat([prefix, body]);
}

/** The index in `bytes`, or undefined when they hold another format or are cut short. */
export function decodeIndex(bytes: Uint8Array): IndexData | undefined {
  let header: Header;
  let body: Uint8Array;
  try {
    const file = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const length = file.readUInt32LE(0);
    header = JSON.parse(file.toString('utf8', 4, 4 + length)) as Header;
    body = file.subarray(align(4 + length));
  } catch {
    return undefined;
  }
  if (header.format !== INDEX_FORMAT) return undefined;
  const count = header.terms.length;
  const at = layout(count, header.postings);
  if (body.length !== at.end) return undefined;
  const own = new Uint8Array(at.end);
  own.set(body); // one copy into an aligned buffer of our own: typed array views need 8-byte alignment
  const { buffer } = own;
  const docs = new Uint32Array(buffer, at.docs, header.postings);
  const offsets = new Uint32Array(buffer, at.offsets, count + 1);
  const strengths = new Uint8Array(buffer, at.strengths, header.postings);
  return {
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
}
