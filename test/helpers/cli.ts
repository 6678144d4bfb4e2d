import { run } from '../../src/cli/run.js';

/** Runs `bek` in-process with captured output and an empty environment. */
export function bek(...argv: string[]) {
  return bekWith({}, ...argv);
}

/** Runs `bek` in-process with captured output and only the environment given (never the real one). */
export async function bekWith(env: NodeJS.ProcessEnv, ...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(argv, { out: (t) => out.push(t), err: (t) => err.push(t), env, color: false });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}
