import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareResults, pairedDifference } from '../../../simulations/compare.ts';
import { prepare, runReplication, type SimulationInput } from '../../../simulations/simulate.ts';

describe('paired differences', () => {
  it('given known pairs, gives the mean difference and the Student-t interval with n-1 degrees of freedom', () => {
    // differences 1, 2, 2, 2: mean 1.75, sd 0.5, t(0.975, 3) = 3.182446
    const difference = pairedDifference([1, 2, 3, 4], [2, 4, 5, 6]);
    expect(difference.mean).toBeCloseTo(1.75, 12);
    expect(difference.halfWidth).toBeCloseTo((3.182446 * 0.5) / 2, 5);
  });

  it('given unequal numbers of replications, refuses to pair them', () => {
    expect(() => pairedDifference([1, 2], [1])).toThrow(/same number of replications/);
  });
});

function input(file: string): SimulationInput {
  return { scenarioText: readFileSync(file, 'utf8'), scenarioFile: file, modelXml: readFileSync('models/derby.bpmn', 'utf8'), modelFile: 'models/derby.bpmn', overrides: { replications: 5 } };
}

describe('comparing Derby twice-weekly with daily standard-risk triage', () => {
  it('given the same incidents, daily triage cuts the median time to decision and says so; a scenario against itself changes nothing', async () => {
    const baselinePlan = await prepare(input('models/scenarios/derby-baseline.yaml'));
    const dailyPlan = await prepare({ ...input('models/scenarios/derby-daily-triage.yaml'), overrides: { replications: 5, seed: baselinePlan.scenario.seed } });
    const baseline = [0, 1, 2, 3, 4].map((replication) => runReplication(baselinePlan, replication));
    const daily = [0, 1, 2, 3, 4].map((replication) => runReplication(dailyPlan, replication));

    const comparison = compareResults('twice weekly', 'daily', baseline, daily);
    const median = comparison.figures.find((figure) => figure.key === 'timeToDecisionHours.p50')!;
    expect(median.difference.high).toBeLessThan(0);
    expect(median.significant).toBe(true);
    expect(comparison.summary[0]).toMatch(/^daily cuts the median time to decision from .+ to .+ \(95% CI of the change .+\)\.$/);
    // Common random numbers: the same households, so the outcome mix is identical.
    for (const figure of comparison.figures.filter((candidate) => candidate.key.startsWith('outcomes.'))) expect(figure.difference.mean).toBe(0);

    const same = compareResults('twice weekly', 'twice weekly', baseline, baseline);
    expect(same.figures.every((figure) => figure.difference.mean === 0 && !figure.significant)).toBe(true);
    expect(same.summary).toEqual(['twice weekly makes no difference to the headline figures that the replications can distinguish from chance.']);
  });
});
