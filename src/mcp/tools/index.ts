import { getPattern } from './get-pattern.js';
import { getReference } from './get-reference.js';
import { reviewChecklist } from './review-checklist.js';
import { searchPatterns } from './search-patterns.js';
import { selectPattern } from './select-pattern.js';
import type { Tool } from './tool.js';

/** Every tool the server offers, in the order tools/list shows them (no SDK at run time: the CLI reads it too). */
export const TOOLS: readonly Tool[] = [searchPatterns, selectPattern, getPattern, reviewChecklist, getReference];
