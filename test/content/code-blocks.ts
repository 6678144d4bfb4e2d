import { execFile } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { transform } from 'esbuild';
import { fencedBlocks } from '../../src/core/catalogue/markdown.js';

const run = promisify(execFile);

export const ROOT = resolve(import.meta.dirname, '../..');
export const PATTERNS_DIR = join(ROOT, 'references/patterns');

/** A fenced TypeScript block in a pattern document. `run` is false for blocks fenced as ```ts no-run. */
export interface CodeBlock {
  id: string;
  index: number;
  file: string;
  run: boolean;
  code: string;
}

/** Every ```ts / ```typescript block of every pattern document, in file order. */
export function extractBlocks(dir = PATTERNS_DIR): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  for (const name of readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()) {
    const id = name.slice(0, -3);
    const ts = fencedBlocks(readFileSync(join(dir, name), 'utf8')).blocks.filter((b) =>
      /^(ts|typescript)\b/.test(b.info),
    );
    ts.forEach((b, index) => {
      blocks.push({ id, index, file: `${id}-${index}.ts`, run: !/\bno-run\b/.test(b.info), code: b.code });
    });
  }
  return blocks;
}

/** Writes the blocks as modules under node_modules/.cache (so package imports resolve) and returns the folder. */
export function writeBlocks(blocks: CodeBlock[]): string {
  const dir = join(ROOT, 'node_modules/.cache/bek-examples', String(process.pid));
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const b of blocks) writeFileSync(join(dir, b.file), `${b.code}\nexport {};\n`);
  const base = JSON.parse(readFileSync(join(ROOT, 'tsconfig.json'), 'utf8')) as { compilerOptions: object };
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { ...base.compilerOptions, noEmit: true }, include: ['*.ts'] }),
  );
  return dir;
}

/** Where typecheck() files diagnostics that name no block. */
export const GLOBAL = '(no block)';

/** Type-checks every block in one tsc run; returns the diagnostics grouped by block file name. */
export async function typecheck(dir: string): Promise<Map<string, string[]>> {
  const tsc = join(ROOT, 'node_modules/.bin/tsc');
  const out = await run(tsc, ['-p', dir, '--pretty', 'false'], { cwd: dir, maxBuffer: 1 << 24 }).then(
    (r) => r.stdout,
    (e: { stdout?: string }) => e.stdout ?? String(e),
  );
  // tsc names a file by its path from the working folder, which through a symlinked node_modules is not
  // just the file name: the block is the last path segment. A diagnostic no block claims (a missing type
  // library, a broken tsconfig) is kept under GLOBAL, so it fails the suite instead of vanishing.
  const byFile = new Map<string, string[]>();
  let last = GLOBAL;
  for (const line of out.split('\n')) {
    if (!line.trim()) continue;
    const m = /^(?:.*\/)?([\w.-]+\.ts)\(\d+,\d+\): /.exec(line);
    if (m?.[1]) last = m[1];
    else if (!/^\s/.test(line)) last = GLOBAL;
    byFile.set(last, [...(byFile.get(last) ?? []), line]);
  }
  return byFile;
}

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
