// Summaries and the report table. The machine is noisy, so every figure is a median or a percentile.

/** The p-th percentile (0..100) by nearest rank; NaN for no samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
}

export const median = (samples: readonly number[]) => percentile(samples, 50);

export const ms = (v: number) =>
  v >= 100 ? `${v.toFixed(0)} ms` : v >= 1 ? `${v.toFixed(1)} ms` : `${v.toFixed(3)} ms`;
export const mb = (v: number) => `${v.toFixed(1)} MB`;
export const ratio = (v: number) => `${v.toFixed(2)}×`;

export interface Row {
  label: string;
  value: string;
  /** What the issue asks, e.g. "≤ 1.8×"; empty for context figures. */
  target?: string;
  /** Whether the target is met; undefined for context figures. */
  ok?: boolean;
}

/** Prints a section: label, figure, target and a verdict per row, aligned. */
export function printSection(title: string, rows: Row[]): void {
  const w = Math.max(...rows.map((r) => r.label.length));
  const v = Math.max(...rows.map((r) => r.value.length));
  console.log(`\n## ${title}`);
  for (const r of rows) {
    const verdict = r.ok === undefined ? '' : r.ok ? '  ok' : '  MISSED';
    const target = r.target ? `  target ${r.target}` : '';
    console.log(`  ${r.label.padEnd(w)}  ${r.value.padStart(v)}${target}${verdict}`);
  }
}

/** Checks `value <= limit`, returning the row's verdict. */
export const within = (value: number, limit: number) => value <= limit;
