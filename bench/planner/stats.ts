/** Small statistics for the report: means and a seeded percentile bootstrap of a mean. */
import type { Rng } from './rng.ts';

export const mean = (xs: number[]): number => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);

/** Percentile bootstrap 95 % interval of the mean of `xs` (paired differences), reproducible from `rng`. */
export function bootstrapMeanCI(xs: number[], rng: Rng, resamples = 2000): [number, number] {
  if (xs.length === 0) return [0, 0];
  const means = new Float64Array(resamples);
  for (let b = 0; b < resamples; b++) {
    let s = 0;
    for (let i = 0; i < xs.length; i++) s += xs[rng.int(xs.length)];
    means[b] = s / xs.length;
  }
  means.sort();
  return [quantile(means, 0.025), quantile(means, 0.975)];
}

function quantile(sorted: Float64Array, q: number): number {
  const pos = q * (sorted.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}
