/**
 * Seeded random streams on xoroshiro128+ (pure-rand). Each (seed, replication, purpose) gets its
 * own stream, 2^64 draws apart (the generator's jump), so replications are independent and two
 * scenarios with the same seed see the same incidents (common random numbers): arrivals and case
 * variables never share a stream with task durations.
 */
import { xoroshiro128plus, type RandomGenerator } from 'pure-rand';

export const streamPurposes = ['arrivals', 'population', 'durations', 'backlog'] as const;
export type StreamPurpose = (typeof streamPurposes)[number];

const twoTo53 = 9007199254740992;

export class RandomStream {
  constructor(private readonly generator: RandomGenerator) {}

  /** A uniform draw in [0, 1) with 53 random bits. */
  uniform(): number {
    const high = this.generator.unsafeNext() >>> 5;
    const low = this.generator.unsafeNext() >>> 6;
    return (high * 67108864 + low) / twoTo53;
  }
}

/** The stream for one purpose of one replication. */
export function randomStream(seed: number, replication: number, purpose: StreamPurpose): RandomStream {
  if (!Number.isSafeInteger(seed)) throw new RangeError(`the seed must be a whole number (got ${seed})`);
  const generator = xoroshiro128plus((seed ^ Math.floor(seed / 2 ** 32)) | 0);
  const jumps = replication * streamPurposes.length + streamPurposes.indexOf(purpose);
  for (let i = 0; i < jumps; i++) generator.unsafeJump!();
  return new RandomStream(generator);
}
