/**
 * Streaming statistics: constant memory whatever the number of incidents, and mergeable, so a
 * ten-year run keeps no per-incident data.
 */

/** Count, mean and variance by Welford's method. */
export class RunningMoments {
  count = 0;
  mean = 0;
  private m2 = 0;

  add(value: number): void {
    this.count++;
    const delta = value - this.mean;
    this.mean += delta / this.count;
    this.m2 += delta * (value - this.mean);
  }

  get variance(): number {
    return this.count > 1 ? this.m2 / (this.count - 1) : 0;
  }
}

/**
 * Quantiles from a histogram with 64 buckets per doubling (each about 1.1% wide), for values from
 * about 0.001 to 10^9, so a quantile is within 0.6% of the exact one. The bucket comes straight
 * from the float's exponent and top mantissa bits: no logarithm per value, which matters at
 * millions of values a second. Deterministic and mergeable, unlike P².
 */
const bitsPerOctave = 6;
const lowestExponent = -10;
const highestExponent = 30;
const bucketCount = (highestExponent - lowestExponent) << bitsPerOctave;
const float = new Float64Array(1);
const words = new Uint32Array(float.buffer);
// Typed arrays use the platform's byte order; find the word holding sign, exponent and mantissa top.
const highWord = (() => {
  float[0] = 1;
  return words[1] === 0x3ff00000 ? 1 : 0;
})();
const firstKey = (1023 + lowestExponent) << bitsPerOctave;

export class LogHistogram {
  private readonly counts = new Float64Array(bucketCount);
  total = 0;

  add(value: number): void {
    float[0] = value;
    // Sign bit, 11 exponent bits and the top 6 mantissa bits: a monotone key for positive values.
    const key = (words[highWord]! >>> (20 - bitsPerOctave)) - firstKey;
    const index = value > 0 ? (key < 0 ? 0 : key >= bucketCount ? bucketCount - 1 : key) : 0;
    this.counts[index]!++;
    this.total++;
  }

  merge(other: LogHistogram): void {
    for (let i = 0; i < this.counts.length; i++) this.counts[i]! += other.counts[i]!;
    this.total += other.total;
  }

  /** The q-quantile (0 < q < 1): the geometric middle of the bucket holding it; 0 when empty. */
  quantile(q: number): number {
    if (this.total === 0) return 0;
    const target = q * this.total;
    let seen = 0;
    for (let i = 0; i < this.counts.length; i++) {
      seen += this.counts[i]!;
      if (seen >= target && this.counts[i]! > 0) {
        if (i === 0) return 0;
        const exponent = lowestExponent + (i >> bitsPerOctave);
        const mantissa = i & ((1 << bitsPerOctave) - 1);
        const low = 2 ** exponent * (1 + mantissa / (1 << bitsPerOctave));
        const high = 2 ** exponent * (1 + (mantissa + 1) / (1 << bitsPerOctave));
        return Math.sqrt(low * high);
      }
    }
    return 2 ** highestExponent;
  }
}

/** The time average and maximum of a level (work in progress, a queue) that changes by steps. */
export class TimeWeighted {
  level = 0;
  max = 0;
  private integral = 0;
  private lastChange: number;
  private from: number;

  constructor(start: number) {
    this.lastChange = start;
    this.from = start;
  }

  change(now: number, delta: number): void {
    this.integral += this.level * (now - this.lastChange);
    this.lastChange = now;
    this.level += delta;
    if (this.level > this.max) this.max = this.level;
  }

  reset(now: number): void {
    this.integral += this.level * (now - this.lastChange);
    this.lastChange = now;
    this.integral = 0;
    this.from = now;
    this.max = this.level;
  }

  average(now: number): number {
    const integral = this.integral + this.level * (now - this.lastChange);
    return now > this.from ? integral / (now - this.from) : this.level;
  }
}
