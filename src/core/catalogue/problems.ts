import type { Problem } from './types.js';

/** One line per problem: file, field, message. The one text form of problems, for `bek validate`, the server's refusal to start and the build. */
export const formatProblems = (problems: readonly Problem[]) =>
  problems.map((p) => `${p.file}: ${p.field}: ${p.message}`).join('\n');
