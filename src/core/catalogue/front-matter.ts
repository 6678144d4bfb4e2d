import matter from 'gray-matter';
import type { z } from 'zod';
import type { Problem } from './types.js';

// Front matter is YAML and only YAML. gray-matter picks an engine from the text after the opening
// "---" ("---js" evaluates the block as JavaScript), so a document that names any language is refused
// before gray-matter sees it, and every engine but YAML is replaced by one that refuses, as a second line.
// Options, even these, keep gray-matter from caching every document it parses, by its whole text, for
// good. Given the file's bytes rather than a string, it decodes them once and makes no copy of them.
class NotYaml extends Error {}
const refuse = () => {
  throw new NotYaml('front matter must be YAML; no other language is read');
};
const ENGINES = Object.fromEntries(
  ['js', 'javascript', 'coffee', 'coffeescript', 'cson', 'json', 'toml'].map((name) => [
    name,
    { parse: refuse, stringify: refuse },
  ]),
);
/** An opening fence that names a language: "---js", "--- JavaScript", "---yaml". */
const NAMED_FENCE = /^\uFEFF?---[ \t]*\S/;

export function parseMatter(bytes: Buffer) {
  if (NAMED_FENCE.test(bytes.subarray(0, 64).toString('utf8')))
    throw new NotYaml('front matter must be YAML: open it with a line of just "---", naming no language');
  return matter(bytes, { language: 'yaml', engines: ENGINES });
}

/** Parses front matter with gray-matter and validates it; records every problem instead of stopping. */
export function parseDocument<T extends z.ZodType>(bytes: Buffer, file: string, schema: T, problems: Problem[]) {
  let doc: matter.GrayMatterFile<Buffer>;
  try {
    doc = parseMatter(bytes);
  } catch (error) {
    problems.push({
      file,
      field: '(front matter)',
      message:
        error instanceof NotYaml
          ? error.message
          : `unreadable YAML: ${(error as Error).message.split('\n')[0]?.slice(0, 200)}`,
    });
    return undefined;
  }
  const parsed = schema.safeParse(doc.data);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      problems.push({ file, field: issue.path.join('.') || '(front matter)', message: issue.message });
    }
    return undefined;
  }
  return { data: parsed.data as z.infer<T>, body: doc.content.trim() };
}
