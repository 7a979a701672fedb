/**
 * The waiting-time bands the diagram is shaded in, and how a wait is written. Fixed bands, not ones
 * relative to the longest wait, so two runs shade alike for alike waits. Pure (the tests import it).
 */
export interface WaitBand {
  level: number;
  /** Lower bound in hours (inclusive). */
  from: number;
  label: string;
}

/** Waits under half an hour are not shaded: nobody plans around them. */
export const waitBands: readonly WaitBand[] = [
  { level: 1, from: 0.5, label: '30 min – 4 h' },
  { level: 2, from: 4, label: '4 – 24 h' },
  { level: 3, from: 24, label: '1 – 3 days' },
  { level: 4, from: 72, label: '3 days or more' },
];

/** The band a mean wait falls in; 0: not shaded. */
export function waitLevel(hours: number): number {
  let level = 0;
  for (const band of waitBands) if (hours >= band.from) level = band.level;
  return level;
}

/** "45 min", "7.3 h", "2.1 days". */
export function formatWait(hours: number): string {
  if (hours < 1) return `${Math.round(hours * 60)} min`;
  if (hours < 48) return `${hours.toFixed(1)} h`;
  return `${(hours / 24).toFixed(1)} days`;
}

/** The task with the longest mean wait, if any waits long enough to be shaded. */
export function longestWait(waitByTask: Readonly<Record<string, { mean: number }>>): string | undefined {
  let longest: string | undefined;
  let hours = waitBands[0]!.from;
  for (const [id, wait] of Object.entries(waitByTask)) {
    if (wait.mean >= hours) {
      longest = id;
      hours = wait.mean;
    }
  }
  return longest;
}
