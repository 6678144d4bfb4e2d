// Builds dist/: the bundle, its launcher, the catalogue snapshot and the V8 code cache (issue 6).
//   dist/bek.cjs        everything in one file: one read at start-up instead of hundreds. CommonJS because
//                       only a classic script can be run from a V8 code cache on Node 20 (vm.Script).
//   dist/cli.js         the `bek` binary: runs bek.cjs from its code cache (src/bin/launcher.ts).
//   dist/catalogue.json, dist/texts.json and dist/search-index.bin: the shipped catalogue (without its
//                       document texts, which texts.json holds), validated here with the full loader (a broken
//                       catalogue fails the build with every problem listed), and its index.
//   dist/gallery.js, dist/gallery.css: the pattern gallery's browser script (the core's search, bundled for
//                       browsers) and style sheet, which `bek gallery` and `bek serve --http` put into the site.
//   dist/bek.cjs.cache  V8's compiled code for bek.cjs, taken after a warm-up session so it holds the
//                       functions a start-up and a search run, not only the top level.
import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { type BuildOptions, build, type Plugin } from 'esbuild';
import { formatProblems } from '../src/core/catalogue/problems.js';
import { loadEngine } from '../src/core/engine.js';
import { SNAPSHOT_FILES, serializeSnapshot } from '../src/core/store/snapshot.js';

const ROOT = join(import.meta.dirname, '..');
const DIST = join(ROOT, 'dist');
// Modules evaluated on first call instead of at start-up: the full Markdown loader (gray-matter, js-yaml,
// which also require()s esprima from node_modules), the stdio server (the MCP SDK), the selection (whose
// module a server needs only at its first select_pattern), and the cache of user catalogues (which
// loads node:crypto and node:os: 19 of Node's own modules, ~0.1x the floor of a cold start, measured
// 2026-11-30). `bek search` on the snapshot needs none of them, nor does a server until select_pattern;
// the bundle otherwise evaluates every module it holds first.
const LAZY: Record<string, string[]> = {
  'src/core/catalogue/load.ts': [
    'loadCatalogue',
    'catalogueFiles',
    'reloadedPattern',
    'fileReader',
    'loadPatterns',
    'deepFreeze',
  ],
  'src/transports/stdio.ts': ['serveStdioServer'],
  'src/core/selection/select.ts': ['selectPatterns'],
  'src/core/store/cache.ts': [
    'cacheKey',
    'readCached',
    'writeCached',
    'cacheDir',
    'entryFile',
    'filesKey',
    'readEntry',
    'writeEntry',
  ],
  'src/core/store/teams.ts': ['loadWithTeams', 'checkTeamsAlone'],
};
const lazyModules: Plugin = {
  name: 'lazy-modules',
  setup(build) {
    build.onResolve({ filter: /\.js$/ }, ({ path, resolveDir }) => {
      const file = resolve(resolveDir, path.replace(/\.js$/, '.ts'));
      const names = LAZY[relative(ROOT, file)];
      return names && { path: file, namespace: 'lazy', pluginData: names };
    });
    // A require() in the stub makes esbuild wrap the real module in an initializer that runs on first use.
    build.onLoad({ filter: /.*/, namespace: 'lazy' }, ({ path, pluginData }) => ({
      contents: (pluginData as string[])
        .map((name) => `export const ${name} = (...args) => require(${JSON.stringify(path)}).${name}(...args);`)
        .join('\n'),
      resolveDir: dirname(path),
    }));
  },
};
// The SDK evaluates ajv (~8,000 lines) at start-up for a JSON Schema validator that only checks
// elicitation answers, which bek never asks for. This stands in for the SDK's platform shim (its
// "_shims" export) and loads the real one on the first validation.
const lazyValidator: Plugin = {
  name: 'lazy-json-schema-validator',
  setup(build) {
    build.onResolve({ filter: /^@modelcontextprotocol\/server\/_shims$/ }, ({ namespace }) =>
      namespace === 'lazy-shims' ? undefined : { path: '_shims', namespace: 'lazy-shims' },
    );
    build.onLoad({ filter: /.*/, namespace: 'lazy-shims' }, () => ({
      contents: `import process from 'node:process';
        export { process };
        let real;
        export class DefaultJsonSchemaValidator {
          getValidator(schema) {
            real ??= new (require('@modelcontextprotocol/server/_shims').DefaultJsonSchemaValidator)();
            return real.getValidator(schema);
          }
        }`,
      resolveDir: ROOT,
    }));
  },
};
const common: BuildOptions = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  legalComments: 'none',
  logLevel: 'warning',
};

rmSync(DIST, { recursive: true, force: true });
mkdirSync(DIST);

await build({
  ...common,
  entryPoints: [join(ROOT, 'src/bin/cli.ts')],
  outfile: join(DIST, 'bek.cjs'),
  format: 'cjs',
  minify: true,
  plugins: [lazyModules, lazyValidator],
  sourcemap: 'linked',
  // The sources are ESM and locate files from import.meta.url; in a CommonJS bundle that is the bundle's own URL.
  define: { 'import.meta.url': '__bekUrl' },
  banner: { js: "var __bekUrl = require('node:url').pathToFileURL(__filename).href;" },
});
// src/bin/cli.ts starts with a #! line, which esbuild keeps but a function body cannot hold; "//" keeps the source map's lines.
const bundled = readFileSync(join(DIST, 'bek.cjs'), 'utf8');
if (bundled.startsWith('#!')) writeFileSync(join(DIST, 'bek.cjs'), `//${bundled.slice(2)}`);

await build({
  ...common,
  entryPoints: [join(ROOT, 'src/bin/launcher.ts')],
  outfile: join(DIST, 'cli.js'),
  format: 'esm',
  banner: { js: '#!/usr/bin/env node' },
});
chmodSync(join(DIST, 'cli.js'), 0o755);

await build({
  ...common,
  entryPoints: [join(ROOT, 'src/gallery/browser/main.ts')],
  outfile: join(DIST, 'gallery.js'),
  platform: 'browser',
  format: 'iife',
  // Browsers that support the gallery's CSS (:has, for the filters without JavaScript).
  target: ['chrome105', 'firefox121', 'safari15.4'],
  minify: true,
});
await build({ entryPoints: [join(ROOT, 'src/gallery/gallery.css')], outfile: join(DIST, 'gallery.css'), minify: true });
await writeAppView();

writeSnapshot();
await warmCodeCache();

/**
 * dist/app-view.html, the MCP Apps view (ui://bek/patterns.html): one self-contained file, as hosts render a
 * view in a sandboxed iframe with no origin to load from; the gallery's style sheet and card rendering inside.
 */
async function writeAppView() {
  const { outputFiles } = await build({
    ...common,
    entryPoints: [join(ROOT, 'src/gallery/app/view.ts')],
    platform: 'browser',
    format: 'iife',
    target: ['chrome105', 'firefox121', 'safari15.4'],
    minify: true,
    write: false,
    define: { BEK_VERSION: JSON.stringify(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version) },
  });
  const script = outputFiles[0]?.text ?? '';
  if (/<\/script/i.test(script))
    throw new Error('build: the app view script holds "</script", which would end it early');
  const css = readFileSync(join(DIST, 'gallery.css'), 'utf8');
  writeFileSync(
    join(DIST, 'app-view.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Backend patterns</title><style>${css}</style></head><body><main id="app">Waiting for the tool's result…</main><script>${script}</script></body></html>\n`,
  );
}

/** Loads the shipped catalogue with the full loader (as `bek validate` does) and writes its snapshot into dist/. */
function writeSnapshot() {
  const { engine, problems } = loadEngine(ROOT);
  if (!engine) {
    console.error(`build: the catalogue has problems (run bek validate):\n${formatProblems(problems)}`);
    process.exit(1);
  }
  serializeSnapshot(engine.catalogue).forEach((data, i) => {
    writeFileSync(join(DIST, SNAPSHOT_FILES[i] ?? ''), data);
  });
}

/** Runs a `bek serve` session and a `bek search` that each write the code cache at exit; the second adds to the first. */
async function warmCodeCache() {
  const env: NodeJS.ProcessEnv = { ...process.env, BEK_WRITE_CODE_CACHE: '1', NO_COLOR: '1' };
  delete env.BEK_CATALOGUE_DIR;
  const messages: Record<string, unknown>[] = [
    {
      method: 'initialize',
      params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'build', version: '0' } },
    },
    { method: 'tools/list' },
    ...['charged twice on retry', 'idempotncy', 'zzqx flurb'].map((query) => ({
      method: 'tools/call',
      params: { name: 'search_patterns', arguments: { query } },
    })),
    { method: 'tools/call', params: { name: 'get_pattern', arguments: { id: 'rel-outbox' } } },
  ].map((m, id) => ({ jsonrpc: '2.0', id, ...m }));
  messages.splice(1, 0, { jsonrpc: '2.0', method: 'notifications/initialized' });
  await run(['serve'], env, messages);
  await run(['search', 'idempotency'], env, []);
}

/** Runs dist/cli.js with these messages on stdin (pipelined), closing stdin once every request is answered. */
function run(args: string[], env: NodeJS.ProcessEnv, messages: Record<string, unknown>[]) {
  const child = spawn(process.execPath, [join(DIST, 'cli.js'), ...args], { env, stdio: ['pipe', 'pipe', 'inherit'] });
  let unanswered = messages.filter((m) => 'id' in m).length;
  const done = () => unanswered <= 0 && child.stdin.end();
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    unanswered -= chunk.split('\n').filter((line) => line.startsWith('{')).length;
    done();
  });
  child.stdin.write(messages.map((m) => `${JSON.stringify(m)}\n`).join(''));
  done();
  return new Promise<void>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`build: bek ${args.join(' ')} exited ${code} while warming the code cache`)),
    );
  });
}
