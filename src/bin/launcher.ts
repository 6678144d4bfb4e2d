import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { Script } from 'node:vm';

// dist/cli.js: runs the bundle (dist/bek.cjs) with the V8 code cache the build made for it, so a start
// deserializes compiled code instead of parsing and compiling ~1 MB of JavaScript: ~85 ms less for both
// `bek serve` and `bek search` on Node 20, which has no module.enableCompileCache (measured 2026-11-22).
// When V8 rejects the cache (another Node version, other V8 flags), it compiles as usual: slower, never
// wrong. Nothing is written at run time unless the build asks for the cache with BEK_WRITE_CODE_CACHE.

const file = fileURLToPath(new URL('./bek.cjs', import.meta.url));
const cacheFile = `${file}.cache`;

function readCache(): Buffer | undefined {
  try {
    return readFileSync(cacheFile);
  } catch {
    return undefined;
  }
}

// esbuild writes the bundle in ASCII, so reading it as Latin-1 is exact, and faster than decoding UTF-8.
const script = new Script(
  `(function (exports, require, module, __filename, __dirname) {${readFileSync(file, 'latin1')}\n})`,
  {
    filename: file,
    cachedData: readCache(),
  },
);
// Two V8 flags for a small, flat RSS. They are set once the bundle is compiled, as V8 accepts a code cache
// only under the flags it was written with, and never while writing one; V8 reports an unknown flag on
// the standard streams, so they are set only on the V8 versions they were checked on (Node 20: 11,
// Node 22: 12).
// - V8 keeps doubling the young generation (up to 2 x 16 MB) while objects survive and never gives it
//   back: ~25 MB of a server's RSS. --semi-space-growth-factor=1 stops the growth and, unlike the size
//   flags, works after V8 has started. Not for a user's catalogue (BEK_CATALOGUE_DIR): loading hundreds
//   of MB through a small young generation costs more.
// - After each full collection V8 lets the old generation grow to up to 4x what survived before the next
//   one, and keeps the pages. --heap-growing-percent=10 caps that at 10% (V8 still allows 8 MB): over
//   10,000 searches a server's RSS now stays within ~2 MB (it climbed 81 → 103 MB in steps), and after
//   loading 10,000 documents it is 187 MB instead of 347 MB; searches are no slower, and the load at most
//   a few per cent (measured 2026-11-30).
const writeCache = process.env.BEK_WRITE_CODE_CACHE === '1';
const checkedV8 = Number(process.versions.v8.split('.')[0]) <= 12;
if (checkedV8 && !writeCache) {
  setFlagsFromString('--heap-growing-percent=10');
  if (!process.env.BEK_CATALOGUE_DIR) setFlagsFromString('--semi-space-growth-factor=1');
}
if (writeCache) {
  // At exit the cache also holds every function the build's warm-up session compiled, not only the top level.
  process.once('exit', () => writeFileSync(cacheFile, script.createCachedData()));
}
const module = { exports: {} };
script.runInThisContext()(
  module.exports,
  createRequire(file),
  module,
  file,
  fileURLToPath(new URL('.', import.meta.url)),
);
