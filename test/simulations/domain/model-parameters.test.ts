import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { prepare, runReplication } from '../../../simulations/simulate.ts';
import { fromLocal } from '../../../engine/time.ts';

const modelXml = readFileSync(new URL('../fixtures/one-task-with-parameters.bpmn', import.meta.url), 'utf8');
const scenario = (extra = '') => `
title: parameters from the model
model: one-task-with-parameters.bpmn
start: 2026-03-02
days: 28
arrivals: { perYear: 3000, source: test }
${extra}`;

describe('simulation parameters in the BPMN file', () => {
  it('given mashflow:staff on the lane and mashflow:duration on the task, uses them when the scenario does not', async () => {
    const plan = await prepare({ scenarioText: scenario(), scenarioFile: 's.yaml', modelXml, modelFile: 'm.bpmn' });
    const pool = plan.pools.get('desk')!;
    expect(pool.count).toBe(2);
    // Coventry-style hours: Friday closes at 16:30.
    expect(pool.calendar.isOpen(fromLocal(2026, 3, 6, 16, 15))).toBe(true);
    expect(pool.calendar.isOpen(fromLocal(2026, 3, 6, 16, 45))).toBe(false);
    expect(pool.calendar.isOpen(fromLocal(2026, 3, 5, 16, 45))).toBe(true);
    expect(plan.tasks.find((task) => task !== undefined)!.meanMinutes).toBe(30);
  });

  it('given the scenario also sets them, the scenario wins', async () => {
    const plan = await prepare({
      scenarioText: scenario('staff: { desk: { count: 5, hours: 24/7, assumed: "test" } }\ndurations: { serve: { fixed: 7, assumed: "test" } }'),
      scenarioFile: 's.yaml',
      modelXml,
      modelFile: 'm.bpmn',
    });
    expect(plan.pools.get('desk')!.count).toBe(5);
    expect(plan.tasks.find((task) => task !== undefined)!.meanMinutes).toBe(7);
  });
});

describe('a starting backlog', () => {
  it('given 50 open items at the task, they are worked first and counted in the system from the start', async () => {
    const withBacklog = await prepare({
      scenarioText: scenario('backlog: [{ at: serve, count: 50, ageHours: { uniform: [0, 48] } }]'),
      scenarioFile: 's.yaml',
      modelXml,
      modelFile: 'm.bpmn',
    });
    const empty = await prepare({ scenarioText: scenario(), scenarioFile: 's.yaml', modelXml, modelFile: 'm.bpmn' });
    const loaded = runReplication(withBacklog, 0);
    const clean = runReplication(empty, 0);
    expect(loaded.inSystem.max).toBeGreaterThanOrEqual(50);
    expect(loaded.pools.desk!.meanWaitHours).toBeGreaterThan(clean.pools.desk!.meanWaitHours);
    // The same arrivals (common random numbers): the backlog only adds work.
    expect(loaded.arrivals).toBe(clean.arrivals);
  });
});
