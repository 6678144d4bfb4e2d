/** Where a command writes, and what it may read of its environment; tests pass their own. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  env: NodeJS.ProcessEnv;
  /** True when `out` is a terminal that may receive colour. */
  color: boolean;
}

export function processIo(): Io {
  const env = process.env;
  return {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
    env,
    color: Boolean(process.stdout.isTTY) && !('NO_COLOR' in env && env.NO_COLOR !== '') && env.TERM !== 'dumb',
  };
}

/** Terminal styling of the shared Markdown rendering: bold for **x**, cyan for `x`, nothing when colour is off. */
export function styled(io: Io, markdown: string): string {
  if (!io.color) return markdown;
  return markdown
    .replace(/\*\*(.+?)\*\*/g, '\u001b[1m$1\u001b[22m')
    .replace(/`([^`\n]+)`/g, '\u001b[36m$1\u001b[39m')
    .replace(/^(#{1,3} .+)$/gm, '\u001b[1m$1\u001b[22m');
}
