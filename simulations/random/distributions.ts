/**
 * Task durations and other positive quantities as distributions, in minutes. A scenario or a
 * model gives one of these shapes; `sampler` turns it into a function drawing from a stream.
 */
import type { RandomStream } from './random-stream.ts';

export type DistributionSpec =
  | { fixed: number }
  | { uniform: readonly [number, number] }
  | { triangular: readonly [number, number, number] }
  | { exponential: { mean: number } }
  | { lognormal: { mean: number; sd: number } }
  | { empirical: readonly number[] };

export type Sampler = (random: RandomStream) => number;

export function mean(spec: DistributionSpec): number {
  if ('fixed' in spec) return spec.fixed;
  if ('uniform' in spec) return (spec.uniform[0] + spec.uniform[1]) / 2;
  if ('triangular' in spec) return (spec.triangular[0] + spec.triangular[1] + spec.triangular[2]) / 3;
  if ('exponential' in spec) return spec.exponential.mean;
  if ('lognormal' in spec) return spec.lognormal.mean;
  return spec.empirical.reduce((sum, value) => sum + value, 0) / spec.empirical.length;
}

export function sampler(spec: DistributionSpec): Sampler {
  if ('fixed' in spec) {
    const value = spec.fixed;
    return () => value;
  }
  if ('uniform' in spec) {
    const [low, high] = spec.uniform;
    return (random) => low + (high - low) * random.uniform();
  }
  if ('triangular' in spec) {
    const [low, mode, high] = spec.triangular;
    const split = high > low ? (mode - low) / (high - low) : 0;
    return (random) => {
      // Inverse of the triangular CDF.
      const u = random.uniform();
      return u < split ? low + Math.sqrt(u * (high - low) * (mode - low)) : high - Math.sqrt((1 - u) * (high - low) * (high - mode));
    };
  }
  if ('exponential' in spec) {
    const average = spec.exponential.mean;
    return (random) => -average * Math.log(1 - random.uniform());
  }
  if ('lognormal' in spec) {
    // Parameters of the underlying normal from the lognormal's own mean and standard deviation.
    const { mean: average, sd } = spec.lognormal;
    const sigma2 = Math.log(1 + (sd * sd) / (average * average));
    const mu = Math.log(average) - sigma2 / 2;
    const sigma = Math.sqrt(sigma2);
    return (random) => Math.exp(mu + sigma * standardNormal(random));
  }
  const values = spec.empirical;
  return (random) => values[Math.floor(random.uniform() * values.length)]!;
}

/** Box–Muller, one value per call (no cached pair: keeps streams simple to reason about). */
export function standardNormal(random: RandomStream): number {
  const u1 = 1 - random.uniform();
  const u2 = random.uniform();
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

/** Index drawn from cumulative weights (ascending, last = 1). */
export function drawIndex(cumulative: Float64Array | readonly number[], random: RandomStream): number {
  const u = random.uniform();
  for (let i = 0; i < cumulative.length - 1; i++) if (u < cumulative[i]!) return i;
  return cumulative.length - 1;
}

/** Problems with a spec's numbers, as one message, or undefined when it is usable. */
export function checkDistribution(spec: DistributionSpec): string | undefined {
  const finite = (value: number) => Number.isFinite(value) && value >= 0;
  if ('fixed' in spec) return finite(spec.fixed) ? undefined : 'fixed needs a number of minutes, 0 or more';
  if ('uniform' in spec) {
    const [low, high] = spec.uniform;
    return finite(low) && finite(high) && low <= high ? undefined : 'uniform needs [min, max] with 0 <= min <= max';
  }
  if ('triangular' in spec) {
    const [low, mode, high] = spec.triangular;
    return finite(low) && low <= mode && mode <= high && finite(high) ? undefined : 'triangular needs [min, mode, max] with 0 <= min <= mode <= max';
  }
  if ('exponential' in spec) return spec.exponential.mean > 0 ? undefined : 'exponential needs a mean above 0';
  if ('lognormal' in spec) return spec.lognormal.mean > 0 && spec.lognormal.sd >= 0 ? undefined : 'lognormal needs a mean above 0 and an sd of 0 or more';
  return spec.empirical.length > 0 && spec.empirical.every(finite) ? undefined : 'empirical needs a non-empty list of minutes, each 0 or more';
}
