/**
 * The simulator's entry point for every front end (CLI, workers, editor): text in, plan and
 * results out, no I/O. A worker thread rebuilds the same plan from the same texts, so results do
 * not depend on which thread ran a replication.
 */
import { parseModel } from '../engine/model.ts';
import { parseScenario, type Scenario } from './scenario/schema.ts';
import { planScenario, type Plan } from './scenario/plan.ts';
import { runReplication, type ReplicationResult } from './domain/replication.ts';
import { poolReplications, type SimulationReport } from './report.ts';

export interface SimulationInput {
  scenarioText: string;
  scenarioFile: string;
  modelXml: string;
  modelFile: string;
  overrides?: { seed?: number; replications?: number };
}

export async function prepare(input: SimulationInput): Promise<Plan> {
  const parsed = parseScenario(input.scenarioText, input.scenarioFile);
  const scenario: Scenario = {
    ...parsed,
    ...(input.overrides?.seed !== undefined ? { seed: input.overrides.seed } : {}),
    ...(input.overrides?.replications !== undefined ? { replications: input.overrides.replications } : {}),
  };
  const model = await parseModel(input.modelXml, input.modelFile);
  return planScenario(scenario, model);
}

export function report(plan: Plan, results: readonly ReplicationResult[]): SimulationReport {
  const { scenario } = plan;
  return poolReplications(
    { title: scenario.title, model: plan.graph.model.file, seed: scenario.seed, start: scenario.start, warmUpDays: scenario.warmUpDays, days: scenario.days },
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

export { runReplication };
export type { ReplicationResult, SimulationReport, Plan };
