/**
 * Pools replications into one report: every figure as a mean with its 95% confidence interval
 * across replications, daily series averaged day by day. Key order is fixed, so the same inputs
 * always serialise to the same bytes.
 */
import type { ReplicationResult } from './domain/replication.ts';
import { estimate, type Estimate } from './stats/confidence.ts';
import type { ReportBasis } from './basis.ts';
import { flagReport, type Flag } from './flags.ts';

export type Pooled<T> = T extends number ? Estimate : T extends string | null ? T : T extends readonly number[] ? number[] : { [K in keyof T]: Pooled<T[K]> };

export interface SimulationReport {
  title: string;
  model: string;
  seed: number;
  replications: number;
  period: { start: string; warmUpDays: number; days: number };
  /** Replications that stopped because the system was unstable, with the reason of the first. */
  unstable: { count: number; reason: string | null };
  results: Pooled<Omit<ReplicationResult, 'replication' | 'status' | 'reason' | 'daily'>>;
  daily: { inSystem: number[]; waiting: Record<string, number[]> };
  /** What the inputs rest on (sourced or assumed) and which assumed inputs each figure rests on. */
  basis: ReportBasis;
  /** Results too implausible to read as findings, each with its reason. */
  flags: Flag[];
}

function poolValues(values: readonly unknown[]): unknown {
  const first = values[0];
  if (typeof first === 'number') return estimate(values as number[]);
  if (typeof first === 'string' || first === null || first === undefined) return first;
  if (Array.isArray(first)) {
    const length = Math.min(...values.map((value) => (value as number[]).length));
    return Array.from({ length }, (_, index) => values.reduce<number>((sum, value) => sum + (value as number[])[index]!, 0) / values.length);
  }
  // Objects: the union of keys in sorted order; a key missing in a replication counts as 0.
  const keys = [...new Set(values.flatMap((value) => Object.keys(value as object)))].sort();
  const pooled: Record<string, unknown> = {};
  for (const key of keys) {
    const column = values.map((value) => (value as Record<string, unknown>)[key]);
    const sample = column.find((value) => value !== undefined);
    pooled[key] = poolValues(column.map((value) => value ?? (typeof sample === 'number' ? 0 : sample)));
  }
  return pooled;
}

export function poolReplications(
  meta: { title: string; model: string; seed: number; start: string; warmUpDays: number; days: number; basis: ReportBasis },
  results: readonly ReplicationResult[],
): SimulationReport {
  const ordered = [...results].sort((a, b) => a.replication - b.replication);
  const unstable = ordered.filter((result) => result.status === 'unstable');
  const figures = ordered.map(({ replication: _r, status: _s, reason: _why, daily: _d, ...rest }) => rest);
  const pooled: Omit<SimulationReport, 'flags'> = {
    title: meta.title,
    model: meta.model,
    seed: meta.seed,
    replications: ordered.length,
    period: { start: meta.start, warmUpDays: meta.warmUpDays, days: meta.days },
    unstable: { count: unstable.length, reason: unstable[0]?.reason ?? null },
    results: poolValues(figures) as SimulationReport['results'],
    daily: poolValues(ordered.map((result) => result.daily)) as SimulationReport['daily'],
    basis: meta.basis,
  };
  return { ...pooled, flags: flagReport(pooled) };
}
