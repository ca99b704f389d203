/** Timing helpers for the benchmark scripts: run a function many times, report percentiles. */
export interface Timing {
  p50: number;
  p95: number;
  runs: number;
}

const percentile = (sorted: number[], share: number) => sorted[Math.max(0, Math.ceil(share * sorted.length) - 1)] ?? NaN;

/** Runs `fn` a few times to warm up, then until `budgetMs` has passed (at least `minRuns`, at most `maxRuns` times). */
export async function time(
  fn: () => Promise<unknown>,
  options: { budgetMs?: number; minRuns?: number; maxRuns?: number } = {},
): Promise<Timing> {
  const { budgetMs = 1_500, minRuns = 5, maxRuns = 500 } = options;
  for (let i = 0; i < Math.min(3, minRuns); i++) await fn();
  const samples: number[] = [];
  const start = performance.now();
  while (samples.length < maxRuns && (samples.length < minRuns || performance.now() - start < budgetMs)) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 0.5), p95: percentile(samples, 0.95), runs: samples.length };
}

export function ms(value: number): string {
  if (!Number.isFinite(value)) return "—";
  if (value >= 1000) return `${(value / 1000).toFixed(2)} s`;
  if (value >= 10) return `${value.toFixed(0)} ms`;
  return `${value.toFixed(2)} ms`;
}

export function percentiles(values: number[]): { p50: number; p95: number } {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: percentile(sorted, 0.5), p95: percentile(sorted, 0.95) };
}
