import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { parseCaseFile, withDefaults } from '../../engine/case-file.ts';
import { parseModel, type Model } from '../../engine/model.ts';
import { RunError } from '../../engine/problems.ts';
import { conditionContext, runCase, runCaseFile, type RunInput, type RunResult } from '../../engine/run.ts';

const minute = 60_000;
const hour = 60 * minute;

/** Monday 2 March 2026, 09:30 in London (GMT, so also 09:30 UTC). */
const mondayMorning = Date.UTC(2026, 2, 2, 9, 30);

function fixtureModel(name: string): Promise<Model> {
  return parseModel(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8'), `fixtures/${name}`);
}

function derbyModel(): Promise<Model> {
  return parseModel(readFileSync(new URL('../../models/derby.bpmn', import.meta.url), 'utf8'), 'models/derby.bpmn');
}

function visited(result: RunResult): string[] {
  return result.path.map((step) => step.id);
}

function step(result: RunResult, id: string) {
  const found = result.path.filter((candidate) => candidate.id === id);
  expect(found, `${id} should be visited once`).toHaveLength(1);
  return found[0]!;
}

async function runError(model: Model, input: RunInput): Promise<RunError> {
  let thrown: unknown;
  try {
    await runCase(model, input);
  } catch (error) {
    thrown = error;
  }
  expect(thrown, 'the run should fail').toBeInstanceOf(RunError);
  return thrown as RunError;
}

describe('conditionContext', () => {
  it('given children aged 7 and 4, when the context is built, then childUnderFive is true and childCount is 2, beside the variables', () => {
    const context = conditionContext({ dashRisk: 'high', children: [{ age: 7 }, { age: 4 }] });

    expect(context).toEqual({ dashRisk: 'high', children: [{ age: 7 }, { age: 4 }], childUnderFive: true, childCount: 2 });
  });

  it('given only a child aged exactly 5, when the context is built, then childUnderFive is false', () => {
    expect(conditionContext({ children: [{ age: 5 }] })).toMatchObject({ childUnderFive: false, childCount: 1 });
  });

  it('given no children variable, when the context is built, then there is no child under five and the count is 0', () => {
    expect(conditionContext({ dashRisk: 'standard' })).toMatchObject({ childUnderFive: false, childCount: 0 });
  });
});

describe('runCase on fixture models', () => {
  it('given dashRisk high, when run through exclusive routing, then only the high flow is taken', async () => {
    const model = await fixtureModel('exclusive-routing.bpmn');
    const result = await runCase(model, { variables: withDefaults({ dashRisk: 'high' }), receivedAt: mondayMorning });

    expect(visited(result)).toEqual(['received', 'riskLevel', 'strategyDiscussion', 'done']);
    expect(result.flowsTaken).toEqual(['flow_received_to_riskLevel', 'flow_riskLevel_to_strategyDiscussion', 'flow_strategyDiscussion_to_done']);
    expect(result.outcomes).toEqual(['strategy-discussion']);
    expect(result.notifications).toEqual(['police']);
  });

  it('given dashRisk medium, when run through exclusive routing, then the medium flow is taken and the default is not', async () => {
    const model = await fixtureModel('exclusive-routing.bpmn');
    const result = await runCase(model, { variables: withDefaults({ dashRisk: 'medium' }), receivedAt: mondayMorning });

    expect(visited(result)).toEqual(['received', 'riskLevel', 'screenMedium', 'done']);
    expect(result.outcomes).toEqual(['cin-assessment']);
    expect(result.notifications).toEqual([]);
  });

  it('given dashRisk standard or none, when run through exclusive routing, then no condition holds and the default flow is taken', async () => {
    const model = await fixtureModel('exclusive-routing.bpmn');
    for (const dashRisk of ['standard', 'none']) {
      const result = await runCase(model, { variables: withDefaults({ dashRisk }), receivedAt: mondayMorning });
      expect(result.flowsTaken, dashRisk).toContain('flow_riskLevel_to_triageStandard');
      expect(visited(result), dashRisk).toEqual(['received', 'riskLevel', 'triageStandard', 'done']);
      expect(result.outcomes, dashRisk).toEqual(['nfa']);
    }
  });

  it('given a parallel split, when run, then both branches are in the path and the join and what follows it happen once', async () => {
    const model = await fixtureModel('parallel-join.bpmn');
    const result = await runCase(model, { variables: {}, receivedAt: mondayMorning });

    expect(visited(result)).toEqual(expect.arrayContaining(['healthActions', 'educationActions']));
    step(result, 'join');
    step(result, 'reportBack');
    step(result, 'done');
    expect(visited(result).indexOf('join')).toBeGreaterThan(visited(result).indexOf('healthActions'));
    expect(visited(result).indexOf('join')).toBeGreaterThan(visited(result).indexOf('educationActions'));
  });

  it('given branches of 1 h and 2 h, when run, then the join starts when the later branch ends', async () => {
    const model = await fixtureModel('parallel-join.bpmn');
    const result = await runCase(model, {
      variables: {},
      receivedAt: mondayMorning,
      durations: { healthActions: 60, educationActions: 120 },
    });

    expect(step(result, 'healthActions').endedAt).toBe(mondayMorning + 1 * hour);
    expect(step(result, 'educationActions').endedAt).toBe(mondayMorning + 2 * hour);
    expect(step(result, 'join').startedAt).toBe(mondayMorning + 2 * hour);
    expect(result.finishedAt).toBe(mondayMorning + 2 * hour);
  });

  it('given two branches reporting the same outcome and notification, when run, then outcomes and notifications are sets', async () => {
    const model = await fixtureModel('parallel-join.bpmn');
    const result = await runCase(model, { variables: {}, receivedAt: mondayMorning });

    expect(result.outcomes).toEqual(['early-help']);
    expect([...result.notifications].sort()).toEqual(['education', 'health']);
  });

  it('given an exclusive split closed by a parallel join, when one branch is taken, then the run stops at the join and names the flow it waits for (lint refuses such a model)', async () => {
    const model = await fixtureModel('exclusive-split-parallel-join.bpmn');
    const run = runCase(model, { variables: withDefaults({ dashRisk: 'standard' }), receivedAt: mondayMorning });

    await expect(run).rejects.toThrow(RunError);
    await expect(run).rejects.toMatchObject({
      problems: [
        expect.objectContaining({
          code: 'run-stuck',
          path: 'bothDone',
          message: expect.stringContaining('parallel join bothDone: it waits for flow_screen_to_bothDone, which no token reaches'),
        }),
      ],
    });
  });

  it('given work arriving on Monday 09:30 for a Tue/Fri 10:00 meeting, when run, then the task starts at Tuesday 10:00 and takes its duration', async () => {
    const model = await fixtureModel('triage-meeting-wait.bpmn');
    const result = await runCase(model, { variables: {}, receivedAt: mondayMorning, durations: { triage: 30 } });

    expect(step(result, 'recordContact').startedAt).toBe(mondayMorning);
    expect(step(result, 'triage').startedAt).toBe(Date.UTC(2026, 2, 3, 10, 0));
    expect(step(result, 'triage').endedAt).toBe(Date.UTC(2026, 2, 3, 10, 30));
    expect(step(result, 'triaged').startedAt).toBe(Date.UTC(2026, 2, 3, 10, 30));
    expect(result.finishedAt).toBe(Date.UTC(2026, 2, 3, 10, 30));
  });

  it('given work that reaches the meeting after Tuesday 10:00, when run, then it waits for the Friday sitting', async () => {
    const model = await fixtureModel('triage-meeting-wait.bpmn');
    // Recording takes 25 hours, so the contact is ready at Tuesday 10:30.
    const result = await runCase(model, { variables: {}, receivedAt: mondayMorning, durations: { recordContact: 25 * 60 } });

    expect(step(result, 'recordContact').endedAt).toBe(Date.UTC(2026, 2, 3, 10, 30));
    expect(step(result, 'triage').startedAt).toBe(Date.UTC(2026, 2, 6, 10, 0));
  });

  it('given work arriving exactly at a sitting, when run, then it is taken at that sitting', async () => {
    const model = await fixtureModel('triage-meeting-wait.bpmn');
    const tuesdayTen = Date.UTC(2026, 2, 3, 10, 0);
    const result = await runCase(model, { variables: {}, receivedAt: tuesdayTen });

    expect(step(result, 'triage').startedAt).toBe(tuesdayTen);
  });

  it('given a PT24H deadline and 11 hours of work, when run, then the deadline is met and reported with its due time', async () => {
    const model = await fixtureModel('elapsed-deadline.bpmn');
    const result = await runCase(model, {
      variables: {},
      receivedAt: mondayMorning,
      durations: { recordContact: 10 * 60, indexNotification: 60 },
    });

    expect(result.deadlines).toEqual([
      {
        element: 'indexNotification',
        name: 'Indexed within 24 hours of receipt',
        within: 'PT24H',
        startsAt: mondayMorning,
        dueAt: mondayMorning + 24 * hour,
        completedAt: mondayMorning + 11 * hour,
        met: true,
      },
    ]);
  });

  it('given a PT24H deadline and 24 h 20 min of work, when run, then the deadline is missed', async () => {
    const model = await fixtureModel('elapsed-deadline.bpmn');
    const result = await runCase(model, {
      variables: {},
      receivedAt: mondayMorning,
      durations: { recordContact: 1400, indexNotification: 60 },
    });

    expect(result.deadlines).toHaveLength(1);
    expect(result.deadlines[0]).toMatchObject({ element: 'indexNotification', met: false, completedAt: mondayMorning + 1460 * minute });
  });

  it('given a PT24H deadline completed exactly at the due time, when run, then it is met', async () => {
    const model = await fixtureModel('elapsed-deadline.bpmn');
    const result = await runCase(model, { variables: {}, receivedAt: mondayMorning, durations: { indexNotification: 24 * 60 } });

    expect(result.deadlines[0]).toMatchObject({ completedAt: mondayMorning + 24 * hour, dueAt: mondayMorning + 24 * hour, met: true });
  });

  it('given a case without the variable a condition needs, when run, then it fails with case-missing-variable at case.<name>', async () => {
    const model = await fixtureModel('exclusive-routing.bpmn');
    const error = await runError(model, { variables: {}, receivedAt: mondayMorning, file: 'cases/no-dash.yaml' });

    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]).toMatchObject({ code: 'case-missing-variable', file: 'cases/no-dash.yaml', path: 'case.dashRisk' });
    expect(error.problems[0]?.message).toMatch(/does not give dashRisk/);
    expect(error.problems[0]?.message).toMatch(/flow_riskLevel_to_strategyDiscussion/);
    expect(error.problems[0]?.message).toMatch(/add it under case:/);
  });

  it('given a gateway where no condition holds and there is no default flow, when run, then it fails as run-stuck at that gateway', async () => {
    // bpmn-engine errors at once with "<id> no conditional flow taken"; the runner reports it as
    // run-stuck at that gateway rather than waiting for the idle limit.
    const model = await fixtureModel('no-condition-true.bpmn');
    const error = await runError(model, { variables: withDefaults({ dashRisk: 'standard' }), receivedAt: mondayMorning });

    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]).toMatchObject({ code: 'run-stuck', path: 'riskLevel' });
  });

  it('given a household with a child under five, when run, then the derived childUnderFive routes to child health', async () => {
    const model = await fixtureModel('child-under-five.bpmn');
    const young = await runCase(model, { variables: withDefaults({ children: [{ age: 7 }, { age: 3 }] }), receivedAt: mondayMorning });
    const older = await runCase(model, { variables: withDefaults({ children: [{ age: 7 }] }), receivedAt: mondayMorning });

    expect(visited(young)).toContain('tellChildHealth');
    expect(young.notifications).toEqual(['child-health-safeguarding']);
    expect(visited(older)).not.toContain('tellChildHealth');
    expect(older.notifications).toEqual([]);
  });

  it('given a step, when run, then it carries its name, type and lane (null without one)', async () => {
    const model = await fixtureModel('small-model.bpmn');
    const result = await runCase(model, { variables: withDefaults({ dashRisk: 'high' }), receivedAt: mondayMorning });

    expect(step(result, 'recordContact')).toMatchObject({ name: 'Record the contact', type: 'userTask', lane: 'Contact officer' });
    const unlaned = await runCase(await fixtureModel('triage-meeting-wait.bpmn'), { variables: {}, receivedAt: mondayMorning });
    expect(step(unlaned, 'triage').lane).toBeNull();
    expect(result.receivedAt).toBe(mondayMorning);
  });
});

describe("runCase on Derby's model", () => {
  it('given a high-risk case not known to social care with s47 agreed, when run, then it reaches the reception S47 response with outcomes strategy-discussion and s47', async () => {
    const model = await derbyModel();
    const result = await runCase(model, {
      variables: withDefaults({ dashRisk: 'high', socialCareStatus: 'not-known', s47Agreed: true, children: [{ age: 6 }] }),
      receivedAt: mondayMorning,
    });

    expect(visited(result)).toContain('receptionS47Response');
    expect(visited(result).at(-1)).toBe('s47Underway');
    expect([...result.outcomes].sort()).toEqual(['marac', 's47', 'strategy-discussion']);
    expect(visited(result)).not.toContain('standardRiskTriage');
    expect(result.deadlines.map((deadline) => [deadline.element, deadline.met])).toEqual([
      ['recordContactsHighRisk', true],
      ['screenHighRisk', true],
    ]);
  });

  it('given a standard-risk case not known to social care below threshold, when run, then it waits for Tuesday triage and ends at triageNfa with outcome nfa', async () => {
    const model = await derbyModel();
    const result = await runCase(model, {
      variables: withDefaults({ dashRisk: 'standard', socialCareStatus: 'not-known', thresholdLevel: 1, children: [{ age: 6 }] }),
      receivedAt: mondayMorning,
    });

    expect(visited(result).at(-1)).toBe('triageNfa');
    expect(result.outcomes).toEqual(['nfa']);
    expect(result.notifications).toEqual([]);
    expect(step(result, 'standardRiskTriage').startedAt).toBe(Date.UTC(2026, 2, 3, 10, 0));
  });

  it('given a standard-risk case with no thresholdLevel, when run, then it fails at case.thresholdLevel, which the triage condition needs', async () => {
    const model = await derbyModel();
    const error = await runError(model, {
      variables: withDefaults({ dashRisk: 'standard', socialCareStatus: 'not-known' }),
      receivedAt: mondayMorning,
    });

    expect(error.problems[0]).toMatchObject({ code: 'case-missing-variable', path: 'case.thresholdLevel', file: 'models/derby.bpmn' });
  });

  it('given the full synthetic case file, when run with runCaseFile, then its durations are used and its expectations hold', async () => {
    const caseFile = parseCaseFile(readFileSync(new URL('./fixtures/full-case.yaml', import.meta.url), 'utf8'), 'fixtures/full-case.yaml');
    const result = await runCaseFile(await derbyModel(), caseFile);

    expect([...result.outcomes].sort()).toEqual([...(caseFile.expect.outcomes ?? [])].sort());
    for (const word of caseFile.expect.notifications ?? []) expect(result.notifications).toContain(word);
    for (const word of caseFile.expect.notNotifications ?? []) expect(result.notifications).not.toContain(word);
    for (const id of caseFile.expect.visits ?? []) expect(visited(result)).toContain(id);
    for (const id of caseFile.expect.notVisits ?? []) expect(visited(result)).not.toContain(id);
    // Received Wednesday 1 July 2026 09:00 BST; recording takes 30 min, screening 45 min after it.
    expect(step(result, 'screenHighRisk').endedAt).toBe(caseFile.receivedAt + 75 * minute);
    expect(step(result, 'receptionS47Response').endedAt - step(result, 'receptionS47Response').startedAt).toBe(2 * hour);
    expect(result.deadlines.find((deadline) => deadline.element === 'screenHighRisk')).toMatchObject({
      met: true,
      dueAt: Date.UTC(2026, 6, 1, 16, 0),
    });
  });
});
