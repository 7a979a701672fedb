import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { simulate } from '../../../simulations/simulate.ts';

const modelXml = readFileSync(new URL('../fixtures/one-task.bpmn', import.meta.url), 'utf8');

describe('an overloaded system', () => {
  it('given arrivals beyond capacity, stops and reports it unstable, naming the pool, instead of running forever', async () => {
    const scenarioText = `
title: overloaded
model: one-task.bpmn
replications: 2
start: 2026-01-05
days: 3650
arrivals: { perYear: 100000, source: "test" }
staff: { desk: { count: 1, hours: 24/7, assumed: "test: one person" } }
durations: { serve: { fixed: 10, assumed: "test" } }
maxInSystem: 2000
`;
    const report = await simulate({ scenarioText, scenarioFile: 'overloaded.yaml', modelXml, modelFile: 'one-task.bpmn' });
    expect(report.unstable.count).toBe(2);
    expect(report.unstable.reason).toMatch(/more than 2000 incidents in the system at once: arrivals exceed capacity \(staff pool "Desk" \(1 staff\) has \d+ waiting\)/);
    // It stops when the queue passes the cap instead of simulating ten years of a million arrivals.
    expect(report.results.arrivals.mean).toBeLessThan(100_000);
  });
});
