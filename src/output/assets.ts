import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BekError } from '../util/errors.js';
import { PACKAGE_ROOT } from '../util/paths.js';

/**
 * What scripts/build.ts writes into dist/ for the browser: the gallery's style sheet and script, and the
 * MCP Apps view (one HTML file with the same style sheet and card rendering inside).
 */
export function readAsset(name: 'gallery.css' | 'gallery.js' | 'app-view.html'): string {
  try {
    return readFileSync(join(PACKAGE_ROOT, 'dist', name), 'utf8');
  } catch {
    throw new BekError('broken_catalogue', `${name} is missing from dist/: run npm run build`);
  }
}
