import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/core/catalogue/load.js';
import { PACKAGE_ROOT } from '../../src/util/paths.js';
import { connectInProcess } from '../helpers/mcp.js';

// Property-based tests, bounded in runs and time: whatever the arguments, a tool answers with a result or
// an error result of bounded length, quickly; whatever a document's bytes, the loader reports problems
// and never throws.

const text = fc.oneof(
  fc.string({ maxLength: 600 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.constantFrom('', ' ', '\u0000', '__proto__', 'constructor', '%E0%A4%A', 'a'.repeat(5000), '🙂'.repeat(300)),
);
const value = fc.oneof(
  text,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(text, { maxLength: 5 }),
);

describe('tool arguments (fuzz, in-process MCP client)', () => {
  let session: Awaited<ReturnType<typeof connectInProcess>>;
  beforeAll(async () => {
    session = await connectInProcess();
  });
  afterAll(() => session.close());

  it('every tool answers any arguments with a bounded result, never an exception', async () => {
    const names = ['search_patterns', 'select_pattern', 'get_pattern', 'get_reference'];
    const keys = ['query', 'requirements', 'id', 'name', 'limit', 'scope', 'level', 'sections', 'needs', 'max_tokens'];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...names),
        fc.dictionary(fc.constantFrom(...keys), value),
        async (name, args) => {
          const started = performance.now();
          const result = await session.client.callTool({ name, arguments: args });
          expect(performance.now() - started).toBeLessThan(1_000);
          const content = result.content as { type: string; text?: string }[];
          if (result.isError) expect(content[0]?.text?.length ?? 0).toBeLessThan(2_000);
          else expect(result.structuredContent).toBeTypeOf('object');
        },
      ),
      { numRuns: 300, interruptAfterTimeLimit: 20_000 },
    );
  }, 30_000);
});

describe('the catalogue loader (fuzz)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bek-fuzz-'));
  beforeAll(() => {
    cpSync(join(PACKAGE_ROOT, 'skill'), join(dir, 'skill'), { recursive: true });
    cpSync(join(PACKAGE_ROOT, 'references'), join(dir, 'references'), { recursive: true });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const frontMatter = fc.oneof(
    fc.string({ maxLength: 400 }),
    fc
      .tuple(fc.constantFrom('---', '---js', '--- yaml', '---\r', '\uFEFF---', '-- -'), fc.string({ maxLength: 300 }))
      .map(([fence, rest]) => `${fence}\n${rest}\n---\n# T\n`),
    fc
      .dictionary(fc.string({ maxLength: 12 }), fc.oneof(fc.string({ maxLength: 40 }), fc.integer()), { maxKeys: 8 })
      .map(
        (d) =>
          `---\n${Object.entries(d)
            .map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`)
            .join('\n')}\n---\n# T\n`,
      ),
  );

  it('turns any document into problems for that file, never an exception or a catalogue', () => {
    fc.assert(
      fc.property(frontMatter, (doc) => {
        writeFileSync(join(dir, 'references/patterns/fuzzed.md'), doc);
        const { catalogue, problems } = loadCatalogue(dir);
        expect(catalogue).toBeUndefined();
        expect(problems.some((p) => p.file === 'references/patterns/fuzzed.md')).toBe(true);
      }),
      { numRuns: 150, interruptAfterTimeLimit: 15_000 },
    );
  }, 30_000);
});
