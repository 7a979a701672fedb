import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { prepare, runReplication } from '../../../simulations/simulate.ts';
import { explainIncident, firstBreach, waitsOf } from '../../../simulations/explain.ts';

const input = {
  scenarioText: readFileSync('models/scenarios/derby-baseline.yaml', 'utf8'),
  scenarioFile: 'models/scenarios/derby-baseline.yaml',
  modelXml: readFileSync('models/derby.bpmn', 'utf8'),
  modelFile: 'models/derby.bpmn',
};

describe('explaining one incident', () => {
  it('given the first incident that missed a deadline, names the deadline, how late, and the waits behind it', async () => {
    const plan = await prepare(input);
    const result = runReplication(plan, 0, { explain: 'all' });
    const breached = firstBreach(result.explained!)!;
    expect(breached).toBeDefined();
    const missed = breached.timeline.find((step) => step.deadline && !step.deadline.met)!;
    expect(missed.endedAt).toBeGreaterThan(missed.deadline!.dueAt);
    const text = explainIncident(breached);
    expect(text).toMatch(/DEADLINE MISSED by .+: ".+" was due \d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    expect(text).toMatch(/the longest wait before it: /);
  });

  it('given an incident number, watches only that incident and its waits add up with its work to its time in the system', async () => {
    const plan = await prepare(input);
    const result = runReplication(plan, 0, { explain: 5 });
    expect(result.explained).toHaveLength(1);
    const incident = result.explained![0]!;
    expect(incident.number).toBe(5);
    expect(incident.finished).toBe(true);
    // Every task starts when it arrives plus its waits (sequential parts of the path).
    for (const step of incident.timeline.filter((candidate) => candidate.kind === 'task')) {
      const waited = waitsOf(step).filter((wait) => !wait.reason.startsWith('work paused')).reduce((sum, wait) => sum + wait.ms, 0);
      expect(step.startedAt - step.arrivedAt).toBe(waited);
    }
  });

  it('given explaining, the figures are those of the same replication without it', async () => {
    const plan = await prepare(input);
    const plain = runReplication(plan, 2);
    const { explained: _ignored, ...watched } = runReplication(plan, 2, { explain: 'all' });
    expect(watched).toEqual(plain);
  });
});
