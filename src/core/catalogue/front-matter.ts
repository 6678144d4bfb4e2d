import matter from 'gray-matter';
import type { z } from 'zod';
import type { Problem } from './types.js';

// Options, even empty, keep gray-matter from caching every document it parses, by its whole text, for
// good. Given the file's bytes rather than a string, it decodes them once and makes no copy of them.
export const parseMatter = (bytes: Buffer) => matter(bytes, {});

/** Parses front matter with gray-matter and validates it; records every problem instead of stopping. */
export function parseDocument<T extends z.ZodType>(bytes: Buffer, file: string, schema: T, problems: Problem[]) {
  let doc: matter.GrayMatterFile<Buffer>;
  try {
    doc = parseMatter(bytes);
  } catch (error) {
    problems.push({
      file,
      field: '(front matter)',
      message: `unreadable YAML: ${(error as Error).message.split('\n')[0]}`,
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
