/** A tinypool worker: builds the plan once per input and runs the replications it is given. */
import { prepare, runReplication, type Plan, type ReplicationResult, type SimulationInput } from '../simulations/simulate.ts';

let cached: { key: string; plan: Promise<Plan> } | undefined;

export default async function runInWorker(task: { input: SimulationInput; replications: number[] }): Promise<ReplicationResult[]> {
  const key = JSON.stringify(task.input);
  if (cached?.key !== key) cached = { key, plan: prepare(task.input) };
  const plan = await cached.plan;
  return task.replications.map((replication) => runReplication(plan, replication));
}
