import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { prepare, report, type SimulationInput } from '../../../simulations/simulate.ts';
import { runReplicationsInParallel } from '../../../cli/commands/simulate.ts';

const input: SimulationInput = {
  scenarioText: readFileSync('models/scenarios/derby-baseline.yaml', 'utf8'),
  scenarioFile: 'models/scenarios/derby-baseline.yaml',
  modelXml: readFileSync('models/derby.bpmn', 'utf8'),
  modelFile: 'models/derby.bpmn',
  overrides: { replications: 4 },
};

const hash = (text: string) => createHash('sha256').update(text).digest('hex');

describe('determinism', () => {
  it('given the same model, scenario and seed, one worker and two workers give byte-identical reports', async () => {
    const plan = await prepare(input);
    const one = JSON.stringify(report(plan, await runReplicationsInParallel(input, 4, 1)));
    const two = JSON.stringify(report(plan, await runReplicationsInParallel(input, 4, 2)));
    expect(hash(two)).toBe(hash(one));
  });

  it('given another seed, the report differs', async () => {
    const plan = await prepare(input);
    const other = await prepare({ ...input, overrides: { replications: 4, seed: 99 } });
    const first = JSON.stringify(report(plan, await runReplicationsInParallel(input, 4, 1)));
    const second = JSON.stringify(report(other, await runReplicationsInParallel({ ...input, overrides: { replications: 4, seed: 99 } }, 4, 1)));
    expect(second).not.toBe(first);
  });
});
