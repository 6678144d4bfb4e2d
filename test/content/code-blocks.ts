import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { transform } from 'esbuild';
import type { CodeBlock } from '../../src/cli/examples.js';

export { type CodeBlock, extractBlocks, GLOBAL, typecheck, writeBlocks } from '../../src/cli/examples.js';

const run = promisify(execFile);

export const ROOT = resolve(import.meta.dirname, '../..');
export const PATTERNS_DIR = join(ROOT, 'references/patterns');
export const TSC = join(ROOT, 'node_modules/typescript/bin/tsc');

/** Transpiles one block to ESM and runs it with node; resolves with its exit code and output. */
export async function runBlock(dir: string, block: CodeBlock, timeoutMs = 20_000) {
  const { code } = await transform(`${block.code}\nexport {};\n`, { loader: 'ts', format: 'esm', target: 'node20' });
  const file = join(dir, block.file.replace(/\.ts$/, '.mjs'));
  writeFileSync(file, code);
  return run(process.execPath, [file], { cwd: dir, timeout: timeoutMs }).then(
    (r) => ({ code: 0, output: r.stdout + r.stderr }),
    (e: { code?: number; stdout?: string; stderr?: string; message: string }) => ({
      code: typeof e.code === 'number' ? e.code : 1,
      output: `${e.stdout ?? ''}${e.stderr ?? ''}${e.message}`,
    }),
  );
}
