// Bundles the CLI and server into one ESM file: one file to read at start-up instead of hundreds.
import { chmodSync } from 'node:fs';
import { build } from 'esbuild';

await build({
  entryPoints: ['src/cli.ts'],
  outfile: 'dist/cli.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: 'linked',
  legalComments: 'none',
  // gray-matter and js-yaml are CommonJS and call require() for Node built-ins.
  banner: { js: "import { createRequire as __bekRequire } from 'node:module'; const require = __bekRequire(import.meta.url);" },
  logLevel: 'warning',
});
chmodSync('dist/cli.js', 0o755);
