/**
 * A tinypool worker: builds the plan once per input, then claims replication numbers from the
 * shared counter (see replication-runner.ts) until none are left.
 */
// Only what running replications needs: the main thread has already read and checked the
// scenario (no YAML or schema code here) and pools the results (no statistics package either),
// so each thread starts sooner.
import { parseModel } from '../engine/model.ts';
import { planScenario, type Plan } from '../simulations/scenario/plan.ts';
import type { Scenario } from '../simulations/scenario/schema.ts';
import { runReplication, type ReplicationResult } from '../simulations/domain/replication.ts';

/** The scenario as checked by the main thread (plain data), and the model's text. */
export interface WorkerInput {
  scenario: Scenario;
  modelXml: string;
  modelFile: string;
}

export interface WorkerTask {
  input: WorkerInput;
  count: number;
  /** Int32 [next replication to claim, replications finished], shared with the main thread. */
  counters: SharedArrayBuffer;
  /** This task's flag in `counters` (after the two counters): set once it has claimed a replication. */
  slot: number;
}

let cached: { key: string; plan: Promise<Plan> } | undefined;

export default async function runInWorker(task: WorkerTask): Promise<Array<[number, ReplicationResult]>> {
  const { input } = task;
  const key = JSON.stringify(input);
  if (cached?.key !== key) cached = { key, plan: parseModel(input.modelXml, input.modelFile).then((model) => planScenario(input.scenario, model)) };
  const plan = await cached.plan;
  const counters = new Int32Array(task.counters);
  const results: Array<[number, ReplicationResult]> = [];
  for (;;) {
    const replication = Atomics.add(counters, 0, 1);
    if (replication >= task.count) break;
    Atomics.store(counters, 2 + task.slot, 1);
    results.push([replication, runReplication(plan, replication)]);
    Atomics.add(counters, 1, 1);
  }
  return results;
}
