import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { prepare, runReplication } from '../../../simulations/simulate.ts';

// suite.yaml lists comparisons for `mashflow whatif`; every other file is a scenario.
const scenarios = readdirSync('models/scenarios').filter((file) => file.endsWith('.yaml') && file !== 'suite.yaml');

describe.each(scenarios)('bundled scenario %s', (file) => {
  it('given two replications, runs stable, strands no incident, and obeys Little\'s law within 5%', async () => {
    const scenarioFile = `models/scenarios/${file}`;
    const scenarioText = readFileSync(scenarioFile, 'utf8');
    const modelFile = `models/${/^model:\s*\.\.\/(.+)$/m.exec(scenarioText)![1]}`;
    const plan = await prepare({ scenarioText, scenarioFile, modelXml: readFileSync(modelFile, 'utf8'), modelFile, overrides: { replications: 2 } });
    for (const replication of [0, 1]) {
      const result = runReplication(plan, replication);
      expect(result.status).toBe('complete');
      expect(result.stuck).toEqual({});
      expect(result.arrivals).toBeGreaterThan(0);
      expect(result.completed + result.inSystemAtEnd).toBeGreaterThanOrEqual(result.arrivals);
      expect(result.littlesLaw.relativeGap).toBeLessThan(0.05);
    }
  }, 120_000);
});

describe('the what-if suite', () => {
  it('given models/scenarios/suite.yaml, names only scenario files that exist, each compared against a baseline', () => {
    const suite = parseYaml(readFileSync('models/scenarios/suite.yaml', 'utf8')) as { comparisons: { baseline: string; alternatives: string[] }[] };
    expect(suite.comparisons.length).toBeGreaterThanOrEqual(3);
    for (const comparison of suite.comparisons) {
      expect(scenarios).toContain(comparison.baseline);
      for (const alternative of comparison.alternatives) expect(scenarios).toContain(alternative);
    }
  });
});

describe('every bundled model has a baseline scenario', () => {
  it('given models/*.bpmn, finds models/scenarios/<model>-baseline.yaml for each', () => {
    const models = readdirSync('models').filter((file) => file.endsWith('.bpmn')).map((file) => file.replace(/\.bpmn$/, ''));
    for (const model of models) expect(scenarios, model).toContain(`${model}-baseline.yaml`);
  });
});
