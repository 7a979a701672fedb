/**
 * Case runs keep time as the teams work: a task starts when its lane is next open and takes its
 * duration in open time (the simulator's TeamCalendar, unlimited staff). Hours come from the
 * model's mashflow:staff, or the case file's hours: for a lane; a lane with none works any time.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCaseFile, withDefaults } from '../../engine/case-file.ts';
import { parseModel } from '../../engine/model.ts';
import { RunError } from '../../engine/problems.ts';
import { runCase, runCaseFile } from '../../engine/run.ts';
import { fromLocal } from '../../engine/time.ts';
import { prepare, runReplication } from '../../simulations/simulate.ts';

const fixture = readFileSync(new URL('./fixtures/lane-hours.bpmn', import.meta.url), 'utf8');
const model = () => parseModel(fixture, 'fixtures/lane-hours.bpmn');
const fridayEvening = fromLocal(2026, 3, 6, 20, 0);
const mondayNine = fromLocal(2026, 3, 9, 9, 0);
const step = (result: Awaited<ReturnType<typeof runCase>>, id: string) => result.path.find((candidate) => candidate.id === id)!;

describe('case runs in the lanes\' working hours', () => {
  it('given a notification at 20:00 on a Friday, when run, then the MASH manager screens it at 09:00 on Monday and the 24-hour deadline is missed', async () => {
    const result = await runCase(await model(), { variables: withDefaults({}), receivedAt: fridayEvening, durations: { screen: 30 } });
    expect(step(result, 'screen').startedAt).toBe(mondayNine);
    expect(step(result, 'screen').endedAt).toBe(mondayNine + 30 * 60_000);
    expect(result.deadlines[0]).toMatchObject({ element: 'screen', met: false });
  });

  it('given 90 minutes of screening started at 16:15, when run, then it finishes at 09:45 the next working day', async () => {
    const result = await runCase(await model(), { variables: withDefaults({}), receivedAt: fromLocal(2026, 3, 3, 16, 15), durations: { screen: 90 } });
    expect(step(result, 'screen').endedAt).toBe(fromLocal(2026, 3, 4, 9, 45));
  });

  it('given the same Friday 20:00 notification out of hours, when run, then the out-of-hours lane responds at once', async () => {
    const result = await runCase(await model(), { variables: withDefaults({ outOfHours: true }), receivedAt: fridayEvening, durations: { carelineResponds: 60 } });
    expect(step(result, 'carelineResponds').startedAt).toBe(fridayEvening);
    expect(step(result, 'carelineResponds').endedAt).toBe(fridayEvening + 60 * 60_000);
  });

  it('given an out-of-hours call at 08:30 on a Monday taking an hour, when run, then the out-of-hours team works 30 minutes and finishes at 17:30', async () => {
    const result = await runCase(await model(), { variables: withDefaults({ outOfHours: true }), receivedAt: fromLocal(2026, 3, 9, 8, 30), durations: { carelineResponds: 60 } });
    expect(step(result, 'carelineResponds').endedAt).toBe(fromLocal(2026, 3, 9, 17, 30));
  });

  it('given a case file that gives the MASH lane 24/7 hours, when run, then screening starts at 20:00', async () => {
    const caseFile = parseCaseFile('title: t\nreceivedAt: 2026-03-06T20:00\ncase: {}\ndurations: { screen: 30 }\nhours: { mash: 24/7 }\n', 'case.yaml');
    const result = await runCaseFile(await model(), caseFile);
    expect(step(result, 'screen').startedAt).toBe(fridayEvening);
  });

  it('given a case file naming a lane the model lacks, when run, then the problem names the key and the lanes there are', async () => {
    const caseFile = parseCaseFile('title: t\ncase: {}\nhours: { mashTeam: office }\n', 'case.yaml');
    const run = runCaseFile(await model(), caseFile);
    await expect(run).rejects.toBeInstanceOf(RunError);
    await expect(run).rejects.toMatchObject({ problems: [{ file: 'case.yaml', path: 'hours.mashTeam', message: 'fixtures/lane-hours.bpmn has no lane mashTeam; use one of: mash, careline' }] });
  });

  it('given the lanes\' hours and unlimited staff, when simulated, then every step starts and ends when bpmn-engine says', async () => {
    const scenarioText = `
title: lane hours
model: lane-hours.bpmn
start: 2026-03-02
days: 14
arrivals: { perYear: 1, source: test }
officeHours: { Mon-Fri: 09:00-17:00 }
staff: { mash: { count: 1000, assumed: "unlimited, as the case run" }, careline: { count: 1000, assumed: "unlimited, as the case run" } }
durations: { screen: { fixed: 90, assumed: "as the case" }, carelineResponds: { fixed: 60, assumed: "as the case" } }`;
    const plan = await prepare({ scenarioText, scenarioFile: 's.yaml', modelXml: fixture, modelFile: 'lane-hours.bpmn' });
    const incidents = [
      { context: withDefaults({}), arrivedAt: fridayEvening },
      { context: withDefaults({ outOfHours: true }), arrivedAt: fromLocal(2026, 3, 9, 8, 30) },
      { context: withDefaults({}), arrivedAt: fromLocal(2026, 3, 3, 16, 15) },
    ];
    const simulated = runReplication(plan, 0, { explain: 'all', incidents: incidents as never });
    expect(simulated.explained).toHaveLength(3);
    for (const incident of simulated.explained!) {
      const reference = await runCase(await model(), { variables: incident.context as never, receivedAt: incident.arrivedAt, durations: { screen: 90, carelineResponds: 60 } });
      const tasks = (steps: readonly { id: string; startedAt: number; endedAt: number }[]) =>
        steps.filter((candidate) => candidate.id === 'screen' || candidate.id === 'carelineResponds').map(({ id, startedAt, endedAt }) => ({ id, startedAt, endedAt }));
      expect(tasks(reference.path)).toHaveLength(1);
      expect(tasks(incident.timeline)).toEqual(tasks(reference.path));
    }
  });
});
