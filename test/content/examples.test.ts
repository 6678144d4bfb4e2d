import { beforeAll, describe, expect, it } from 'vitest';
import { extractBlocks, GLOBAL, PATTERNS_DIR, ROOT, runBlock, TSC, typecheck, writeBlocks } from './code-blocks.js';

// BEK_DOCS=id1,id2 checks only those documents' examples (a quick loop while writing; CI checks all).
const only = process.env.BEK_DOCS?.split(',').filter(Boolean);
const blocks = extractBlocks(PATTERNS_DIR).filter((b) => !only || only.includes(b.id));
let dir = '';
let diagnostics = new Map<string, string[]>();

beforeAll(async () => {
  dir = writeBlocks(blocks, ROOT);
  diagnostics = await typecheck(dir, TSC);
}, 120_000);

describe('TypeScript examples in pattern documents', () => {
  it('finds examples to check, and tsc reports nothing outside them', () => {
    expect(blocks.length).toBeGreaterThan(0);
    expect(diagnostics.get(GLOBAL) ?? []).toEqual([]);
  });

  for (const block of blocks) {
    it(`${block.id} block ${block.index} compiles under the project's strict settings`, () => {
      expect(diagnostics.get(block.file) ?? []).toEqual([]);
    });
    if (block.run) {
      it(`${block.id} block ${block.index} runs and exits 0`, async () => {
        const result = await runBlock(dir, block);
        expect(result.code, result.output).toBe(0);
      }, 30_000);
    }
  }
});
