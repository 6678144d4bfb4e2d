import { fileURLToPath } from 'node:url';

/** The package root, which holds skill/ and references/: one level above both src/*.ts and the bundled dist/cli.js. */
export const PACKAGE_ROOT = fileURLToPath(new URL('..', import.meta.url));
