import { z } from 'zod';
import { Level, SECTIONS } from '../core/catalogue/schema.js';
import { REVIEW_NAMES } from '../core/review/reviews.js';

// The one definition of every input rule the shells share: the MCP tools use these schemas as they are,
// the CLI validates its flags and arguments with the same ones, so a limit or a cap changes in one place.

const LIMIT_RANGE = 'expected a whole number from 1 to 50';

export const Query = z.string().trim().min(1, 'the query is empty').max(500, 'the query is longer than 500 characters');

export const Limit = z.number({ error: LIMIT_RANGE }).int(LIMIT_RANGE).min(1, LIMIT_RANGE).max(50, LIMIT_RANGE);

/** The most results search returns when no limit is given. */
export const DEFAULT_LIMIT = 5;

export const Requirements = z
  .string()
  .trim()
  .min(3, 'the requirements are shorter than 3 characters')
  .max(4000, 'the requirements are longer than 4,000 characters');

export const PatternId = z.string().trim().min(1, 'the id is empty').max(100, 'the id is longer than 100 characters');

export const Section = z.enum(SECTIONS);

export const ReviewName = z.enum(REVIEW_NAMES);

/** The patterns whose checklists a review merges: 1 to 20 ids. */
export const PatternIds = z
  .array(PatternId)
  .min(1, 'name at least one pattern id')
  .max(20, 'at most 20 pattern ids: split a larger review');

export { Level };
