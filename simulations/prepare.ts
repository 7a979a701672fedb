/**
 * Text in, plan out: the scenario checked against its schema, the model compiled, no I/O. Kept
 * apart from the reporting code so a worker thread loads only what running replications needs.
 */
import { parseModel } from '../engine/model.ts';
import { parseScenario, type Scenario } from './scenario/schema.ts';
import { planScenario, type Plan } from './scenario/plan.ts';

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
