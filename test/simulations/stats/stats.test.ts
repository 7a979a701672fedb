import { describe, expect, it } from 'vitest';
import { LogHistogram, RunningMoments, TimeWeighted } from '../../../simulations/stats/streaming.ts';
import { estimate } from '../../../simulations/stats/confidence.ts';
import { randomStream } from '../../../simulations/random/random-stream.ts';
import { mean, sampler, checkDistribution, type DistributionSpec } from '../../../simulations/random/distributions.ts';

describe('streaming statistics', () => {
  it('given values, Welford gives the same mean and variance as the two-pass formula', () => {
    const values = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3];
    const moments = new RunningMoments();
    for (const value of values) moments.add(value);
    const average = values.reduce((a, b) => a + b) / values.length;
    expect(moments.mean).toBeCloseTo(average, 12);
    expect(moments.variance).toBeCloseTo(values.reduce((sum, value) => sum + (value - average) ** 2, 0) / (values.length - 1), 12);
  });

  it('given 100,000 uniform values, histogram quantiles are within 1% of the exact ones', () => {
    const histogram = new LogHistogram();
    const random = randomStream(7, 0, 'durations');
    const values: number[] = [];
    for (let i = 0; i < 100_000; i++) {
      const value = 1 + 999 * random.uniform();
      values.push(value);
      histogram.add(value);
    }
    values.sort((a, b) => a - b);
    for (const q of [0.5, 0.9, 0.95]) {
      const exact = values[Math.floor(q * values.length)]!;
      expect(Math.abs(histogram.quantile(q) - exact) / exact).toBeLessThan(0.01);
    }
  });

  it('given a level of 2 for 3 hours then 0 for 1, the time average is 1.5', () => {
    const level = new TimeWeighted(0);
    level.change(0, 2);
    level.change(3, -2);
    expect(level.average(4)).toBeCloseTo(1.5, 12);
    expect(level.max).toBe(2);
  });

  it('given ten replications, the 95% interval uses Student t with 9 degrees of freedom', () => {
    const result = estimate([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(result.mean).toBe(5.5);
    expect(result.halfWidth).toBeCloseTo(2.262157 * (Math.sqrt(9.1666667) / Math.sqrt(10)), 4);
  });
});

describe('random streams and distributions', () => {
  it('given the same seed, replication and purpose, draws the same numbers; another purpose differs', () => {
    const a = randomStream(42, 3, 'arrivals');
    const b = randomStream(42, 3, 'arrivals');
    const c = randomStream(42, 3, 'durations');
    const draws = (stream: typeof a) => Array.from({ length: 5 }, () => stream.uniform());
    const first = draws(a);
    expect(draws(b)).toEqual(first);
    expect(draws(c)).not.toEqual(first);
    expect(first.every((u) => u >= 0 && u < 1)).toBe(true);
  });

  const specs: DistributionSpec[] = [
    { fixed: 12 },
    { uniform: [5, 15] },
    { triangular: [10, 20, 60] },
    { exponential: { mean: 30 } },
    { lognormal: { mean: 30, sd: 12 } },
    { empirical: [5, 10, 40] },
  ];
  for (const spec of specs) {
    it(`given ${JSON.stringify(spec)}, 200,000 draws average within 1% of its mean`, () => {
      const draw = sampler(spec);
      const random = randomStream(1, 0, 'durations');
      let sum = 0;
      const n = 200_000;
      for (let i = 0; i < n; i++) sum += draw(random);
      expect(Math.abs(sum / n - mean(spec)) / mean(spec)).toBeLessThan(0.01);
    });
  }

  it('names what is wrong with an impossible distribution', () => {
    expect(checkDistribution({ triangular: [30, 10, 20] })).toMatch(/min <= mode <= max/);
    expect(checkDistribution({ lognormal: { mean: 0, sd: 1 } })).toMatch(/mean above 0/);
  });
});

describe('histogram edges', () => {
  it('given only zeros, every quantile is 0; given small waits, quantiles keep their size', () => {
    const zeros = new LogHistogram();
    for (let i = 0; i < 10; i++) zeros.add(0);
    expect(zeros.quantile(0.5)).toBe(0);
    const small = new LogHistogram();
    for (let i = 1; i <= 1000; i++) small.add(i / 1000); // 0.001 .. 1 hour
    expect(Math.abs(small.quantile(0.5) - 0.5) / 0.5).toBeLessThan(0.01);
    expect(Math.abs(small.quantile(0.9) - 0.9) / 0.9).toBeLessThan(0.01);
  });
});
