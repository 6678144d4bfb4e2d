import pkg from '../../package.json' with { type: 'json' };

/** The package version, inlined at build time. */
export const VERSION: string = pkg.version;

/** The npm package's name, as `npx` installs it. */
export const PACKAGE_NAME: string = pkg.name;
