/** `mashflow explain <scenario.yaml> (--incident N | --first-breach)`: one incident's timeline and the reason for every wait. */
import { prepare, runReplication } from '../../simulations/simulate.ts';
import { explainIncident, firstBreach } from '../../simulations/explain.ts';
import { UsageError } from '../files.ts';
import { simulationInput } from './simulate.ts';

export interface ExplainOptions {
  incident?: number;
  firstBreach: boolean;
  replication: number;
  seed?: number;
  json: boolean;
}

export async function explainCommand(scenarioPath: string, options: ExplainOptions): Promise<number> {
  if ((options.incident === undefined) === !options.firstBreach) throw new UsageError('explain needs one of --incident N or --first-breach');
  const plan = await prepare(simulationInput(scenarioPath, options.seed === undefined ? {} : { seed: options.seed }));
  const result = runReplication(plan, options.replication, { explain: options.firstBreach ? 'all' : options.incident! });
  const incident = options.firstBreach ? firstBreach(result.explained ?? []) : result.explained?.[0];
  if (!incident) {
    throw new UsageError(
      options.firstBreach
        ? `no incident missed a deadline in replication ${options.replication}; try another --replication`
        : `replication ${options.replication} has only ${result.arrivals} incidents after the warm-up; choose --incident 1 to ${result.arrivals}`,
    );
  }
  process.stdout.write(options.json ? `${JSON.stringify(incident, null, 2)}\n` : explainIncident(incident));
  return 0;
}
