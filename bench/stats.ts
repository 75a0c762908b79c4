// Sample statistics and timing primitives shared by every benchmark.

export interface Summary {
  readonly median: number;
  readonly p99: number;
  readonly samples: number;
}

/** Nearest-rank percentile: an actual observed sample, never an interpolation between two. */
export function percentile(sorted: readonly number[], fraction: number): number {
  if (sorted.length === 0) throw new Error('no samples');
  const rank = Math.ceil(fraction * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export function summarize(samples: readonly number[]): Summary {
  const sorted = ascending(samples);
  return { median: percentile(sorted, 0.5), p99: percentile(sorted, 0.99), samples: sorted.length };
}

/**
 * Latency sampled in several passes: the median over every sample, and the median of the passes' p99s.
 * Another process hogging the shared machine for a moment spoils one pass's tail, not the figure.
 */
export function summarizePasses(passes: readonly (readonly number[])[]): Summary {
  const all = ascending(passes.flat());
  const passTails = ascending(passes.map((pass) => percentile(ascending(pass), 0.99)));
  return { median: percentile(all, 0.5), p99: percentile(passTails, 0.5), samples: all.length };
}

function ascending(values: readonly number[]): number[] {
  return [...values].sort((a, b) => a - b);
}

/** Milliseconds one call takes. */
export function timeCall(run: () => unknown): number {
  const start = performance.now();
  consume(run());
  return performance.now() - start;
}

/** Mean milliseconds per call over `calls` back-to-back calls: for work too short for the timer alone. */
export function timeBatch(run: () => unknown, calls: number): number {
  const start = process.hrtime.bigint();
  for (let call = 0; call < calls; call++) consume(run());
  return Number(process.hrtime.bigint() - start) / 1e6 / calls;
}

/** How many back-to-back calls make a batch of about `targetMs`, so timer resolution stops mattering. */
export function batchSize(run: () => unknown, targetMs: number): number {
  const once = Math.max(timeBatch(run, 10), 1e-4);
  return Math.max(1, Math.round(targetMs / once));
}

let sink = 0;

/** Keeps results observable so the optimizer cannot drop a call whose value is unused. */
function consume(value: unknown): void {
  if (value === sink) sink++;
}

/** Collects garbage between phases when node runs with --expose-gc; without the flag it does nothing. */
export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}
