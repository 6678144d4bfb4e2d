import { run } from '../../src/cli/run.js';

/** Runs `bek` in-process with captured output. */
export async function bek(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(argv, { out: (t) => out.push(t), err: (t) => err.push(t), env: {}, color: false });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}
