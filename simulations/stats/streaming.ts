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
 * Quantiles from a histogram with logarithmic buckets 1% wide (values from 0.01 to about 1e9),
 * so a quantile is within 0.5% of the exact one. Deterministic and mergeable, unlike P².
 */
export class LogHistogram {
  private static readonly ratio = Math.log(1.01);
  private static readonly floor = 0.01;
  private static readonly buckets = 2100;
  private readonly counts = new Float64Array(LogHistogram.buckets + 1);
  total = 0;

  add(value: number): void {
    const index = value <= LogHistogram.floor ? 0 : Math.min(LogHistogram.buckets, 1 + Math.floor(Math.log(value / LogHistogram.floor) / LogHistogram.ratio));
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
        return LogHistogram.floor * Math.exp((i - 0.5) * LogHistogram.ratio);
      }
    }
    return LogHistogram.floor * Math.exp(LogHistogram.buckets * LogHistogram.ratio);
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
