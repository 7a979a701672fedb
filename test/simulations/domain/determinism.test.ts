import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { prepare, report, type SimulationInput } from '../../../simulations/simulate.ts';
import { runReplicationsInParallel } from '../../../cli/commands/simulate.ts';
import { ReplicationRunner } from '../../../cli/replication-runner.ts';

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

  it('given two worker threads and a main thread that only waits, the threads run every replication and the report is byte-identical to one worker', async () => {
    const plan = await prepare(input);
    const one = JSON.stringify(report(plan, await runReplicationsInParallel(input, 4, 1)));
    const runner = new ReplicationRunner({ workers: 2, mainThreadRuns: false });
    try {
      const threaded = JSON.stringify(report(plan, await runner.run(input, 4)));
      expect(runner.lastShare).toEqual({ mainThread: 0, workerThreads: 4 });
      expect(hash(threaded)).toBe(hash(one));
      // The same threads serve a second run (a what-if suite): a different seed, its own answer.
      const otherInput = { ...input, overrides: { replications: 4, seed: 99 } };
      const other = JSON.stringify(report(await prepare(otherInput), await runner.run(otherInput, 4)));
      expect(other).not.toBe(threaded);
      expect(hash(other)).toBe(hash(JSON.stringify(report(await prepare(otherInput), await runReplicationsInParallel(otherInput, 4, 1)))));
    } finally {
      await runner.close();
    }
  });

  it('given another seed, the report differs', async () => {
    const plan = await prepare(input);
    const other = await prepare({ ...input, overrides: { replications: 4, seed: 99 } });
    const first = JSON.stringify(report(plan, await runReplicationsInParallel(input, 4, 1)));
    const second = JSON.stringify(report(other, await runReplicationsInParallel({ ...input, overrides: { replications: 4, seed: 99 } }, 4, 1)));
    expect(second).not.toBe(first);
  });
});
