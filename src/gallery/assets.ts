import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BekError } from '../util/errors.js';
import { PACKAGE_ROOT } from '../util/paths.js';

/** The gallery's style sheet or browser bundle, which scripts/build.ts writes into dist/. */
export function readAsset(name: 'gallery.css' | 'gallery.js'): string {
  try {
    return readFileSync(join(PACKAGE_ROOT, 'dist', name), 'utf8');
  } catch {
    throw new BekError('broken_catalogue', `the gallery's ${name} is missing from dist/: run npm run build`);
  }
}
