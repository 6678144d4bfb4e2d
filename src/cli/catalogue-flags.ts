import { z } from 'zod';
import { SCOPES } from '../core/catalogue/schema.js';
import type { Catalogue } from '../core/catalogue/types.js';
import { flag } from './args.js';

/** The flag of every command that reads the catalogue: team folders served beside the built-in documents. */
export const PATTERNS_DIR = {
  'patterns-dir': {
    value: 'DIR',
    multiple: true,
    help: 'add a team folder of pattern documents (DIR/*.md, optional DIR/bek.yaml),\nrepeatable; also BEK_PATTERNS_DIR, a path list',
  },
} as const;

export const SCOPE_HELP = `only this scope: ${SCOPES.join(', ')}, or one a team folder declares`;

/** --scope, checked against the scopes of the catalogue being served (team folders may declare more). */
export const scopeFlag = (catalogue: Catalogue, value: string | undefined) =>
  flag('scope', z.enum(catalogue.scopes as [string, ...string[]]), value);
