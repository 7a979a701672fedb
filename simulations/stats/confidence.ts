/** Pooling replications: the mean with a Student-t confidence interval (one value per replication). */
import tQuantile from '@stdlib/stats-base-dists-t-quantile';

export interface Estimate {
  mean: number;
  /** Half-width of the 95% confidence interval; 0 with one replication. */
  halfWidth: number;
  low: number;
  high: number;
}

export function estimate(values: readonly number[], level = 0.95): Estimate {
  const n = values.length;
  if (n === 0) return { mean: 0, halfWidth: 0, low: 0, high: 0 };
  let sum = 0;
  for (const value of values) sum += value;
  const mean = sum / n;
  if (n === 1) return { mean, halfWidth: 0, low: mean, high: mean };
  let squares = 0;
  for (const value of values) squares += (value - mean) ** 2;
  const sd = Math.sqrt(squares / (n - 1));
  const halfWidth = tQuantile(1 - (1 - level) / 2, n - 1) * (sd / Math.sqrt(n));
  return { mean, halfWidth, low: mean - halfWidth, high: mean + halfWidth };
}
