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

const script = new Script(`(function (exports, require, module, __filename, __dirname) {${readFileSync(file, 'utf8')}\n})`, {
  filename: file,
  cachedData: readCache(),
});
// V8 keeps doubling the young generation (up to 2 x 16 MB) while objects survive and never gives it back:
// ~25 MB of a server's RSS. This flag stops the growth and, unlike the size flags, works after V8 has
// started; it is set once the bundle is compiled, as V8 accepts a code cache only under the flags it was
// written with, and never while writing one. V8 prints an unknown flag to stdout, which carries the
// protocol, so it is set only on the V8 versions it was checked on (Node 20: 11, Node 22: 12). Not for a
// user's catalogue (BEK_CATALOGUE_DIR): loading hundreds of MB through a small young generation costs more.
const writeCache = process.env.BEK_WRITE_CODE_CACHE === '1';
const checkedV8 = Number(process.versions.v8.split('.')[0]) <= 12;
if (checkedV8 && !writeCache && !process.env.BEK_CATALOGUE_DIR) setFlagsFromString('--semi-space-growth-factor=1');
if (writeCache) {
  // At exit the cache also holds every function the build's warm-up session compiled, not only the top level.
  process.once('exit', () => writeFileSync(cacheFile, script.createCachedData()));
}
const module = { exports: {} };
script.runInThisContext()(module.exports, createRequire(file), module, file, fileURLToPath(new URL('.', import.meta.url)));
