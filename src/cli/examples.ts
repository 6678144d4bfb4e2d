import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { fencedBlocks } from '../core/catalogue/markdown.js';
import type { Problem } from '../core/catalogue/types.js';
import { PACKAGE_ROOT } from '../util/paths.js';

// The TypeScript examples of pattern documents, type-checked as CONTRIBUTING.md says: each ```ts block a
// module of its own, under the project's strict settings. The content tests check the built-in documents
// with it; `bek validate` checks a team folder's.

const run = promisify(execFile);

/** A fenced TypeScript block in a pattern document. `run` is false for blocks fenced as ```ts no-run. */
export interface CodeBlock {
  id: string;
  index: number;
  file: string;
  run: boolean;
  code: string;
  /** The document it comes from. */
  source: string;
}

/** Every ```ts / ```typescript block of every pattern document in `dir` (DIR/*.md), in file order. */
export function extractBlocks(dir: string): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  for (const name of readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()) {
    const id = name.slice(0, -3);
    const source = join(dir, name);
    const ts = fencedBlocks(readFileSync(source, 'utf8')).blocks.filter((b) => /^(ts|typescript)\b/.test(b.info));
    ts.forEach((b, index) => {
      blocks.push({ id, index, file: `${id}-${index}.ts`, run: !/\bno-run\b/.test(b.info), code: b.code, source });
    });
  }
  return blocks;
}

// CONTRIBUTING.md's settings for examples, when the project has no tsconfig.json of its own to take them from.
const STRICT = {
  target: 'ES2022',
  lib: ['ES2023'],
  module: 'NodeNext',
  moduleResolution: 'NodeNext',
  types: ['node'],
  strict: true,
  noUncheckedIndexedAccess: true,
  noUnusedLocals: true,
  verbatimModuleSyntax: true,
  skipLibCheck: true,
};

/**
 * Writes the blocks as modules under `project`/node_modules/.cache (so the project's packages, zod and
 * @types/node, resolve) with `project`'s tsconfig.json compiler options, or CONTRIBUTING.md's; returns the folder.
 */
export function writeBlocks(blocks: CodeBlock[], project: string): string {
  const dir = join(project, 'node_modules/.cache/bek-examples', String(process.pid));
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const b of blocks) writeFileSync(join(dir, b.file), `${b.code}\nexport {};\n`);
  const tsconfig = join(project, 'tsconfig.json');
  const own = existsSync(tsconfig)
    ? (JSON.parse(readFileSync(tsconfig, 'utf8')) as { compilerOptions: object }).compilerOptions
    : STRICT;
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { ...own, noEmit: true }, include: ['*.ts'] }),
  );
  return dir;
}

/** Where typecheck() files diagnostics that name no block. */
export const GLOBAL = '(no block)';

/**
 * The TypeScript compiler and the project whose packages the examples are checked against: the project
 * in `cwd` when it depends on typescript, else bek's own checkout; undefined when neither has it (an
 * installed bek does not bring typescript, a devDependency of its own).
 */
export function findTsc(cwd: string): { tsc: string; project: string } | undefined {
  for (const project of [cwd, PACKAGE_ROOT]) {
    try {
      const pkg = createRequire(join(project, 'noop.js')).resolve('typescript/package.json');
      return { tsc: join(dirname(pkg), 'bin/tsc'), project };
    } catch {}
  }
  return undefined;
}

/** Type-checks every block in one tsc run; returns the diagnostics grouped by block file name. */
export async function typecheck(dir: string, tsc: string): Promise<Map<string, string[]>> {
  const out = await run(process.execPath, [tsc, '-p', dir, '--pretty', 'false'], { cwd: dir, maxBuffer: 1 << 24 }).then(
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

/** `bek validate`: the examples of the documents in these folders that do not compile, as problems. */
export async function exampleProblems(
  dirs: readonly string[],
  { tsc, project }: { tsc: string; project: string },
): Promise<Problem[]> {
  const blocks = dirs.flatMap((d) => extractBlocks(d));
  if (blocks.length === 0) return [];
  const dir = writeBlocks(blocks, project);
  try {
    const diagnostics = await typecheck(dir, tsc);
    const problems = blocks.flatMap((b) =>
      (diagnostics.get(b.file) ?? []).map((line) => ({
        file: b.source,
        field: `sections.Example.${b.index}`,
        message: line.replace(/^(?:.*\/)?[\w.-]+\.ts\((\d+),(\d+)\): /, 'line $1, column $2 of the block: '),
      })),
    );
    const global = diagnostics.get(GLOBAL) ?? [];
    if (global.length > 0) problems.push({ file: dir, field: '(tsc)', message: global.join(' ') });
    return problems;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
