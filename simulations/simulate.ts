/**
 * The simulator's entry point for every front end (CLI, workers, editor): text in, plan and
 * results out, no I/O. A worker thread rebuilds the same plan from the same texts, so results do
 * not depend on which thread ran a replication.
 */
import type { Plan } from './scenario/plan.ts';
import { prepare, type SimulationInput } from './prepare.ts';
import { runReplication, type ReplicationResult } from './domain/replication.ts';
import { poolReplications, type SimulationReport } from './report.ts';
import { reportBasis } from './basis.ts';

export function report(plan: Plan, results: readonly ReplicationResult[]): SimulationReport {
  const { scenario } = plan;
  return poolReplications(
    { title: scenario.title, model: plan.graph.model.file, seed: scenario.seed, start: scenario.start, warmUpDays: scenario.warmUpDays, days: scenario.days, basis: reportBasis(plan) },
    results,
  );
}

/** All replications in this thread, in order. */
export async function simulate(input: SimulationInput): Promise<SimulationReport> {
  const plan = await prepare(input);
  const results: ReplicationResult[] = [];
  for (let replication = 0; replication < plan.scenario.replications; replication++) results.push(runReplication(plan, replication));
  return report(plan, results);
}

export { prepare, runReplication };
export type { SimulationInput };
export type { ReplicationResult, SimulationReport, Plan };
