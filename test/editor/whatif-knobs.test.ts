/**
 * The what-if knobs and run, without a browser: knobs read from Derby's baseline plan, applied to
 * the parsed scenario object (and nothing else touched), validation problems in the knob's words,
 * and the worker's run: progress after every replication, common random numbers with the baseline,
 * the baseline reused, a cancel heard between replications.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { ScenarioError } from '../../engine/problems.ts';
import { prepare } from '../../simulations/simulate.ts';
import { parseScenario } from '../../simulations/scenario/schema.ts';
import { applyKnobs, describeChanges, knobsFromPlan, movedKnobs, problemMessages, readScenarioObject, scenarioTextWithKnobs, type KnobSettings, type ScenarioKnobs } from '../../editor/whatif/knobs.ts';
import { RunCancelled, WhatIfRunner, describeScenario, type WhatIfRequest } from '../../editor/whatif/whatif-run.ts';
import { formatWait, longestWait, waitLevel } from '../../editor/whatif/wait-bands.ts';
import { decisionCurve } from '../../editor/whatif/whatif-charts.ts';

const read = (path: string) => readFileSync(fileURLToPath(new URL(`../../models/${path}`, import.meta.url)), 'utf8');
const scenarioText = read('scenarios/derby-baseline.yaml');
const dailyTriageText = read('scenarios/derby-daily-triage.yaml');
const modelXml = read('derby.bpmn');
const scenarioFile = 'models/scenarios/derby-baseline.yaml';
const modelFile = 'models/derby.bpmn';

/** A short run: enough replications for intervals, few enough days to be quick. */
const short = { replications: 4, days: 56 };

function request(settings: KnobSettings, overrides: Partial<WhatIfRequest> = {}): WhatIfRequest {
  return { scenarioText, scenarioFile, modelFile, whatIfXml: modelXml, baselineXml: modelXml, settings, ...overrides };
}

const quietHooks = () => {
  const progress: [number, number][] = [];
  return { progress, hooks: { progress: (done: number, total: number) => progress.push([done, total]), checkpoint: async () => true } };
};

describe('what-if knobs', () => {
  let knobs: ScenarioKnobs;

  beforeAll(async () => {
    knobs = await describeScenario({ scenarioText, scenarioFile, modelXml, modelFile });
  });

  it('given Derby baseline, when described, then the knobs are the staffed roles, the two triage meetings with the days from the model, and the volume as written', () => {
    expect(knobs.title).toMatch(/^Derby baseline/);
    expect(knobs.written.staff).toMatchObject({ police: 3, cso: 3, manager: 2 });
    expect(knobs.staff.map((role) => role.lane).sort()).toEqual(['careline', 'cso', 'education', 'fct', 'health', 'locality', 'manager', 'police', 'triage']);
    expect(knobs.staff.find((role) => role.lane === 'cso')?.name).toBeTruthy();
    expect(knobs.meetings.map((meeting) => meeting.task).sort()).toEqual(['earlyHelpTriage', 'standardRiskTriage']);
    // The scenario gives only the capacity; the days come from the model's mashflow:meeting.
    expect(knobs.written.meetingDays.standardRiskTriage).toEqual(['Tue', 'Fri']);
    expect(knobs.meetings.find((meeting) => meeting.task === 'standardRiskTriage')?.capacity).toBe(30);
    expect(knobs.written).toMatchObject({ perYear: 1080, replications: 20, days: 364 });
  });

  it('given new values, when applied, then only the knobs\' keys change; hours, time, capacity and everything else are kept, and the original is untouched', () => {
    const original = readScenarioObject(scenarioText, scenarioFile);
    const before = structuredClone(original);
    const changed = applyKnobs(original, { staff: { cso: 2 }, meetingDays: { standardRiskTriage: ['Fri', 'Mon', 'Wed'] }, perYear: 1500, replications: 7, days: 90 });
    expect(original).toEqual(before);
    // A moved knob is the figure's new basis: the file's reason no longer applies.
    // The lane's hours come from the model, so the scenario carries only the count.
    expect(changed.staff?.cso).toEqual({ count: 2, assumed: 'what-if: 2 set in the what-if panel' });
    expect(changed.staff?.police).toEqual(before.staff?.police);
    expect(changed.meetings?.standardRiskTriage).toEqual({ capacity: 30, days: 'Mon Wed Fri', assumed: 'what-if: sits Mon Wed Fri, set in the what-if panel' });
    expect(changed.meetings?.earlyHelpTriage).toEqual(before.meetings?.earlyHelpTriage);
    expect(changed.arrivals).toEqual({ ...before.arrivals, perYear: 1500 });
    expect(changed).toMatchObject({ replications: 7, days: 90 });
    const { staff: _s, meetings: _m, arrivals: _a, replications: _r, days: _d, ...rest } = changed;
    const { staff: _s2, meetings: _m2, arrivals: _a2, replications: _r2, days: _d2, ...restBefore } = before;
    expect(rest).toEqual(restBefore);
  });

  it('given the knobs as written, when the moved ones are applied, then the scenario parses to exactly the file\'s own', () => {
    const text = scenarioTextWithKnobs(scenarioText, scenarioFile, movedKnobs(knobs.written, knobs.written));
    expect(parseScenario(text, scenarioFile)).toEqual(parseScenario(scenarioText, scenarioFile));
  });

  it('given triage every weekday by knob, when planned, then it plans like derby-daily-triage.yaml, which says the same in its file', async () => {
    const text = scenarioTextWithKnobs(scenarioText, scenarioFile, { meetingDays: { standardRiskTriage: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri'] } });
    const byKnob = knobsFromPlan(await prepare({ scenarioText: text, scenarioFile, modelXml, modelFile }));
    const byFile = knobsFromPlan(await prepare({ scenarioText: dailyTriageText, scenarioFile, modelXml, modelFile }));
    expect(byKnob.written.meetingDays).toEqual(byFile.written.meetingDays);
    expect(byKnob.meetings).toEqual(byFile.meetings);
  });

  it('given knobs as written but one, then only that one is moved (with replications and days, which the baseline shares)', () => {
    const settings = structuredClone(knobs.written);
    settings.staff.manager = 1;
    expect(movedKnobs(knobs.written, settings)).toEqual({ staff: { manager: 1 }, meetingDays: {}, replications: 20, days: 364 });
    settings.meetingDays.earlyHelpTriage = ['Thu', 'Mon'];
    settings.perYear = 900;
    expect(movedKnobs(knobs.written, settings)).toEqual({ staff: { manager: 1 }, meetingDays: { earlyHelpTriage: ['Thu', 'Mon'] }, perYear: 900, replications: 20, days: 364 });
  });

  it('given knobs moved, then the changes are listed in words', () => {
    const settings = structuredClone(knobs.written);
    settings.staff.cso = 2;
    settings.meetingDays.standardRiskTriage = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri'];
    settings.replications = 5; // not a change to the procedure
    const cso = knobs.staff.find((role) => role.lane === 'cso')!.name;
    expect(describeChanges(knobs, settings)).toEqual([`${cso} 3 → 2`, 'Standard-risk DA triage Tue Fri → Mon Tue Wed Thu Fri']);
    expect(describeChanges(knobs, knobs.written)).toEqual([]);
  });

  it('given impossible values, when planned, then the schema\'s problems name the knob in words', async () => {
    const text = scenarioTextWithKnobs(scenarioText, scenarioFile, { staff: { cso: 0 }, perYear: Number.NaN, meetingDays: { standardRiskTriage: [] } });
    const error = await prepare({ scenarioText: text, scenarioFile, modelXml, modelFile }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ScenarioError);
    const messages = problemMessages((error as ScenarioError).problems, knobs);
    const cso = knobs.staff.find((role) => role.lane === 'cso')!.name;
    expect(messages).toContain(`Staff: ${cso}: Too small: expected number to be >=1`);
    expect(messages).toContain('Incidents a year: enter a number');

    const noDays = scenarioTextWithKnobs(scenarioText, scenarioFile, { meetingDays: { standardRiskTriage: [] } });
    const planError = await prepare({ scenarioText: noDays, scenarioFile, modelXml, modelFile }).catch((caught: unknown) => caught);
    expect(problemMessages((planError as ScenarioError).problems, knobs)).toEqual([expect.stringMatching(/^Meeting: Standard-risk DA triage: .*should list weekdays/)]);
  });

  it('given text that is not YAML, when read, then a ScenarioError says so', () => {
    expect(() => readScenarioObject('title: [unclosed', scenarioFile)).toThrow(ScenarioError);
    expect(() => readScenarioObject('- a list', scenarioFile)).toThrow(/a YAML mapping/);
  });

  it('given waits in hours, then the bands and labels are the legend\'s', () => {
    expect([0.2, 0.5, 3.9, 4, 23, 24, 71, 72, 500].map(waitLevel)).toEqual([0, 1, 1, 2, 2, 3, 3, 4, 4]);
    expect([0.25, 7.34, 60].map(formatWait)).toEqual(['15 min', '7.3 h', '2.5 days']);
    expect(longestWait({ a: { mean: 3 }, b: { mean: 40 }, c: { mean: 12 } })).toBe('b');
    expect(longestWait({ a: { mean: 0.1 } })).toBeUndefined();
    const curve = decisionCurve('baseline', [0.5, 0.25, 0.25, 0]);
    expect(curve.map((point) => [point.days, point.decided])).toEqual([[0, 0], [0.5, 50], [1, 75], [1.5, 100]]);
  });
});

describe('what-if run (the worker\'s work, in Node)', () => {
  let knobs: ScenarioKnobs;

  beforeAll(async () => {
    knobs = await describeScenario({ scenarioText, scenarioFile, modelXml, modelFile });
  });

  it('given no knob moved, when run, then the what-if is the baseline replication for replication (same seed) and every change is exactly 0', async () => {
    const { progress, hooks } = quietHooks();
    const outcome = await new WhatIfRunner().run(request({ ...knobs.written, ...short }), hooks);
    expect(progress).toEqual(Array.from({ length: 9 }, (_, done) => [done, 8]));
    expect(outcome.changes).toEqual([]);
    expect(outcome.whatIf.results).toEqual(outcome.baseline.results);
    for (const figure of outcome.figures) expect(figure.difference, figure.key).toMatchObject({ mean: 0, low: 0, high: 0 });
    expect(outcome.comparison.summary[0]).toContain('makes no difference');
  });

  it('given one CSO fewer and triage every weekday, when run, then the figures cover deadlines, time to decision, utilisation, meeting overflow and backlog, and CSO utilisation rises', async () => {
    const settings: KnobSettings = { ...structuredClone(knobs.written), ...short };
    settings.staff.cso = 1;
    settings.meetingDays.standardRiskTriage = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri'];
    const outcome = await new WhatIfRunner().run(request(settings), quietHooks().hooks);
    const keys = outcome.figures.map((figure) => figure.key);
    expect(keys.filter((key) => key.startsWith('deadlines.')).length).toBe(Object.keys(outcome.baseline.results.deadlines).length);
    expect(keys).toEqual(expect.arrayContaining(['timeToDecisionHours.p50', 'timeToDecisionHours.p90', 'pools.cso.utilisation', 'meetings.standardRiskTriage.meanCarriedOver', 'inSystemAtEnd']));
    const cso = outcome.figures.find((figure) => figure.key === 'pools.cso.utilisation')!;
    expect(cso.label).toBe(`utilisation: ${knobs.staff.find((role) => role.lane === 'cso')!.name}`);
    expect(cso.difference.mean).toBeGreaterThan(0);
    expect(cso.significant).toBe(true);
    // Same seed: the same incidents arrive in both.
    expect(outcome.whatIf.results.arrivals).toEqual(outcome.baseline.results.arrivals);
    expect(outcome.changes).toHaveLength(2);
    expect(outcome.whatIf.period.days).toBe(short.days);
  });

  it('given a second what-if on the same scenario and model, when run, then the baseline is reused and only the what-if\'s replications run', async () => {
    const runner = new WhatIfRunner();
    const settings: KnobSettings = { ...structuredClone(knobs.written), ...short };
    const first = await runner.run(request(settings), quietHooks().hooks);
    settings.perYear = 1300;
    const { progress, hooks } = quietHooks();
    const second = await runner.run(request(settings), hooks);
    expect(first.baselineReused).toBe(false);
    expect(second.baselineReused).toBe(true);
    expect(second.replicationsRun).toBe(short.replications);
    expect(progress.at(-1)).toEqual([4, 4]);
    expect(second.baseline).toEqual(first.baseline);
    expect(second.whatIf.results.arrivals.mean).toBeGreaterThan(first.whatIf.results.arrivals.mean);
    // Another model (an edited diagram as saved) is another baseline.
    const edited = modelXml.replace('name="Standard-risk DA triage"', 'name="Standard-risk triage (edited)"');
    expect(edited).not.toBe(modelXml);
    const third = await runner.run(request(settings, { baselineXml: edited, whatIfXml: edited }), quietHooks().hooks);
    expect(third.baselineReused).toBe(false);
  });

  it('given an edited diagram, when run, then the what-if runs on it and the baseline on the saved model', async () => {
    const edited = modelXml.replace(/(<mashflow:meeting\b[^>]*?days=")Tue Fri(")/, '$1Mon Tue Wed Thu Fri$2');
    expect(edited).not.toBe(modelXml);
    const outcome = await new WhatIfRunner().run(request({ ...knobs.written, ...short }, { whatIfXml: edited }), quietHooks().hooks);
    expect(outcome.diagramEdited).toBe(true);
    const triage = outcome.figures.find((figure) => figure.key === 'meetings.standardRiskTriage.meanCarriedOver');
    expect(triage).toBeDefined();
    // Daily sittings take the items sooner: the wait at the triage task falls.
    expect(outcome.whatIf.results.waitByTask.standardRiskTriage!.mean).toBeLessThan(outcome.baseline.results.waitByTask.standardRiskTriage!.mean);
  });

  it('given a cancel after the third replication, when run, then it stops there with RunCancelled', async () => {
    let done = 0;
    const run = new WhatIfRunner().run(request({ ...knobs.written, ...short }), {
      progress: (count) => (done = count),
      checkpoint: async () => done < 3,
    });
    await expect(run).rejects.toBeInstanceOf(RunCancelled);
    expect(done).toBe(3);
  });
});
