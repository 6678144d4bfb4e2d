import type { Pattern, Section } from './types.js';

export type PatternMeta = Omit<Pattern, 'body' | 'sections'>;
type Text = { body: string; sections: Section[] };

const READ = Symbol('read text');
type WithReader = { [READ]: () => Text };
// One pair of getters for every pattern: V8 keeps objects that share accessors in fast mode, where a
// literal with its own getters turned each pattern into a dictionary (~700 bytes more each).
const TEXT = {
  body: {
    enumerable: true,
    get: function (this: WithReader) {
      return this[READ]().body;
    },
  },
  sections: {
    enumerable: true,
    get: function (this: WithReader) {
      return this[READ]().sections;
    },
  },
};

/**
 * A frozen pattern whose body and sections are read when asked for, through `read`, and not kept:
 * the document texts are most of a catalogue's size (hundreds of MB in memory for 10,000 documents), and only
 * get_pattern and `bek show` need them, one document at a time. `meta` must be frozen already.
 */
export function withTextOnDemand(meta: PatternMeta, read: () => Text): Pattern {
  const pattern = Object.defineProperty({ ...meta }, READ, { value: read });
  return Object.freeze(Object.defineProperties(pattern, TEXT)) as Pattern;
}

/** A pattern's fields without its text, read without reading the text. */
export const metaOf = (pattern: Pattern): PatternMeta =>
  Object.fromEntries(
    Object.keys(pattern)
      .filter((k) => k !== 'body' && k !== 'sections')
      .map((k) => [k, pattern[k as keyof PatternMeta]]),
  ) as PatternMeta;
