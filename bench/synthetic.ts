import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Catalogue, Pattern } from '../src/core/catalogue/types.js';

// Synthetic catalogues for the scale figures. Each generated document is a recombination of the real
// ones (their sections, aliases, tags, summaries and sources), so size and vocabulary are realistic,
// plus two coined words of its own, so the vocabulary keeps growing with the catalogue as a real one
// would. The real documents, guides and SKILL.md are copied in: the selection data names real ids.
// Everything is drawn from a seeded generator, so every run measures the same catalogue.

const PREFIX = {
  api: 'api',
  database: 'db',
  security: 'sec',
  reliability: 'rel',
  observability: 'obs',
  architecture: 'arch',
} as const;
const SYLLABLES = [
  'ka',
  'lo',
  'mi',
  'ren',
  'tor',
  'va',
  'zu',
  'quin',
  'bel',
  'dra',
  'fen',
  'gor',
  'hal',
  'jix',
  'nor',
  'pel',
  'sar',
  'tel',
  'vok',
  'wen',
];

/** mulberry32: small, fast, seeded. */
function generator(seed: number) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const some = <T>(items: readonly T[], min: number, max: number): T[] =>
    Array.from({ length: min + Math.floor(next() * (max - min + 1)) }, () => pick(items));
  return { next, pick, some };
}

const capital = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);
const yaml = (s: string) => JSON.stringify(s); // a JSON string is a valid YAML double-quoted scalar

function renderDocument(
  p: { id: string; title: string; source: Pattern; body: Map<string, string> } & Record<string, unknown>,
): string {
  const list = (name: string, items: unknown) =>
    `${name}:\n${(items as string[]).map((x) => `  - ${yaml(x)}`).join('\n')}`;
  const front = [
    `id: ${p.id}`,
    `title: ${yaml(p.title)}`,
    `scope: ${p.source.scope}`,
    `level: ${p.source.level}`,
    `summary: ${yaml(p.summary as string)}`,
    list('aliases', p.aliases),
    `tags: [${(p.tags as string[]).map(yaml).join(', ')}]`,
    `related: [${(p.related as string[]).join(', ')}]`,
    list('sources', p.source.sources),
    `updated: ${p.source.updated}`,
  ];
  const sections = [...p.body].map(([name, text]) => `## ${name}\n\n${text}`).join('\n\n');
  return `---\n${front.join('\n')}\n---\n\n# ${p.title}\n\n${sections}\n`;
}

/**
 * Generated documents numbered `from` to `to` (exclusive), built from the real catalogue; `related` names
 * real ids and earlier generated ones. Yields each id with its document's text.
 */
function* syntheticDocuments(real: Catalogue, from: number, to: number, seed: number): Generator<[string, string]> {
  const rnd = generator(seed);
  const titleWords = [...new Set(real.patterns.flatMap((p) => p.title.split(/\s+/)))].filter((w) =>
    /^[A-Za-z]{3,}$/.test(w),
  );
  const aliases = real.patterns.flatMap((p) => p.aliases);
  const tags = [...new Set(real.patterns.flatMap((p) => p.tags))];
  const ids = real.patterns.map((p) => p.id);
  for (let i = from; i < to; i++) {
    const coined = [0, 1].map(() => rnd.some(SYLLABLES, 2, 3).join(''));
    const source = rnd.pick(real.patterns);
    const title = `${capital(coined[0] ?? 'x')} ${rnd.some(titleWords, 1, 2).join(' ')}`;
    const id = `${PREFIX[source.scope as keyof typeof PREFIX]}-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${i}`;
    // Each section comes from a random real document; the Problem names this document's coined words.
    const body = new Map(
      source.sections.map((s) => [
        s.name,
        rnd.pick(real.patterns).sections.find((x) => x.name === s.name)?.text ?? s.text,
      ]),
    );
    body.set('Problem', `Teams running ${coined[0]} with ${coined[1]} hit this. ${body.get('Problem')}`);
    const doc = renderDocument({
      id,
      title,
      source,
      body,
      summary: `${capital(coined[0] ?? 'x')}: ${rnd.pick(real.patterns).summary}`.slice(0, 240),
      aliases: [`${coined[1]} ${rnd.pick(titleWords).toLowerCase()}`, ...rnd.some(aliases, 6, 14)],
      tags: [...new Set(rnd.some(tags, 2, 5))],
      related: [...new Set(rnd.some(ids, 0, 5))],
    });
    yield [id, doc];
    ids.push(id);
  }
}

/** Writes a valid catalogue of `size` pattern documents under `dir`, built from the real catalogue at `root`. */
export function writeSyntheticCatalogue(root: string, real: Catalogue, size: number, dir: string): void {
  mkdirSync(join(dir, 'references/patterns'), { recursive: true });
  cpSync(join(root, 'skill'), join(dir, 'skill'), { recursive: true });
  cpSync(join(root, 'references'), join(dir, 'references'), { recursive: true });
  for (const [id, doc] of syntheticDocuments(real, real.patterns.length, size, size))
    writeFileSync(join(dir, 'references/patterns', `${id}.md`), doc);
}

/** Writes a team folder (flat: DIR/<id>.md) of `count` generated documents, whose related ids reach into `real`. */
export function writeSyntheticTeamFolder(real: Catalogue, count: number, dir: string): void {
  mkdirSync(dir, { recursive: true });
  const from = real.patterns.length;
  for (const [id, doc] of syntheticDocuments(real, from, from + count, count))
    writeFileSync(join(dir, `${id}.md`), doc);
}
