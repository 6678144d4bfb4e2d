/** A small Prometheus registry (counters and histograms, text format 0.0.4): enough for RED metrics, no dependency. */

type Labels = Record<string, string>;

// Label values can come from clients (a tool or method name); past this many series a family folds new ones into "other".
const MAX_SERIES = 200;

interface Family {
  name: string;
  help: string;
  type: 'counter' | 'histogram';
  render(): string[];
}

const escapeLabel = (value: string) => value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
const labelText = (labels: Labels, extra: Labels = {}) => {
  const all = Object.entries({ ...labels, ...extra });
  return all.length === 0 ? '' : `{${all.map(([k, v]) => `${k}="${escapeLabel(v)}"`).join(',')}}`;
};

class Series<T> {
  private readonly series = new Map<string, { labels: Labels; value: T }>();
  constructor(private readonly fresh: () => T) {}

  get(labels: Labels): T {
    let key = JSON.stringify(labels);
    if (!this.series.has(key) && this.series.size >= MAX_SERIES) {
      labels = Object.fromEntries(Object.keys(labels).map((k) => [k, 'other']));
      key = JSON.stringify(labels);
    }
    let entry = this.series.get(key);
    if (!entry) this.series.set(key, (entry = { labels, value: this.fresh() }));
    return entry.value;
  }

  entries() {
    return [...this.series.values()];
  }
}

/** A monotonically increasing count per label set. */
export class Counter implements Family {
  readonly type = 'counter';
  private readonly values = new Series(() => ({ n: 0 }));
  constructor(
    readonly name: string,
    readonly help: string,
  ) {}

  /** Adds `by` (default 1) to the series with these labels. */
  inc(labels: Labels = {}, by = 1): void {
    this.values.get(labels).n += by;
  }

  render(): string[] {
    return this.values.entries().map(({ labels, value }) => `${this.name}${labelText(labels)} ${value.n}`);
  }
}

/** Observations counted into fixed cumulative buckets per label set, with their sum. */
export class Histogram implements Family {
  readonly type = 'histogram';
  private readonly values: Series<{ counts: number[]; sum: number; count: number }>;
  constructor(
    readonly name: string,
    readonly help: string,
    private readonly buckets: readonly number[],
  ) {
    this.values = new Series(() => ({ counts: buckets.map(() => 0), sum: 0, count: 0 }));
  }

  /** Records one observation (in the family's unit) for these labels. */
  observe(labels: Labels, value: number): void {
    const h = this.values.get(labels);
    this.buckets.forEach((le, i) => {
      if (value <= le) h.counts[i] = (h.counts[i] ?? 0) + 1;
    });
    h.sum += value;
    h.count += 1;
  }

  render(): string[] {
    return this.values
      .entries()
      .flatMap(({ labels, value }) => [
        ...this.buckets.map(
          (le, i) => `${this.name}_bucket${labelText(labels, { le: String(le) })} ${value.counts[i]}`,
        ),
        `${this.name}_bucket${labelText(labels, { le: '+Inf' })} ${value.count}`,
        `${this.name}_sum${labelText(labels)} ${value.sum}`,
        `${this.name}_count${labelText(labels)} ${value.count}`,
      ]);
  }
}

/** The families one /metrics endpoint exposes, rendered in registration order. */
export class Registry {
  private readonly families: Family[] = [];

  /** Creates and registers a counter. */
  counter(name: string, help: string): Counter {
    return this.add(new Counter(name, help));
  }

  /** Creates and registers a histogram with these upper bounds. */
  histogram(name: string, help: string, buckets: readonly number[]): Histogram {
    return this.add(new Histogram(name, help, buckets));
  }

  /** The whole registry in Prometheus text exposition format 0.0.4. */
  render(): string {
    const lines = this.families.flatMap((f) => [
      `# HELP ${f.name} ${f.help}`,
      `# TYPE ${f.name} ${f.type}`,
      ...f.render(),
    ]);
    return `${lines.join('\n')}\n`;
  }

  private add<F extends Family>(family: F): F {
    this.families.push(family);
    return family;
  }
}

export const PROMETHEUS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';
