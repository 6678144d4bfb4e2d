import { z } from 'zod';

/** Every tool here only reads the in-memory catalogue. */
export const READ_ONLY = {
  readOnlyHint: true,
  destructiveHint: false,
  idempotentHint: true,
  openWorldHint: false,
} as const;

/** The optional budget on a tool's text rendering. */
export const maxTokens = (max: number) =>
  z.number().int().min(50).max(max).optional().describe('Token budget for the answer');
