/**
 * Deadlines whose clock starts at an element (mashflow:deadline from= at=), as the seeds start
 * them: Coventry's RAG timescales "of MASH Assessment commencing" (seed 002, section 7) and
 * Warwickshire's MASH record "from the time of receipt of the referral on the MASH system" (seed
 * 001, 14.8). Both executors must give the same due times and verdicts.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { withDefaults } from '../../engine/case-file.ts';
import { parseModel } from '../../engine/model.ts';
import { ModelError } from '../../engine/problems.ts';
import { runCase } from '../../engine/run.ts';
import { fromLocal, parseDeadline } from '../../engine/time.ts';
import { prepare, runReplication } from '../../simulations/simulate.ts';

const fixture = readFileSync(new URL('./fixtures/deadline-from.bpmn', import.meta.url), 'utf8');
const hour = 3_600_000;
const mondayMorning = fromLocal(2026, 3, 2, 9, 30);

describe('parseDeadline: where the clock starts', () => {
  it('given no from=, when parsed, then the clock starts at receipt (no from on the rule)', () => {
    expect(parseDeadline({ name: 'Indexed', within: 'PT24H' })).toEqual({ name: 'Indexed', within: 'PT24H', clock: 'elapsed', amount: 24 * hour });
  });

  it('given from= without at=, when parsed, then the clock starts when that element starts', () => {
    expect(parseDeadline({ name: 'Red', within: 'PT4H', from: 'gather' })).toMatchObject({ from: { element: 'gather', at: 'start' } });
  });

  it('given at="end", when parsed, then the clock starts when that element completes', () => {
    expect(parseDeadline({ name: 'Record', within: 'PT24H', from: 'load', at: 'end' })).toMatchObject({ from: { element: 'load', at: 'end' } });
  });

  it('given an unknown at= or at= without from=, when parsed, then the problem says what to write', () => {
    expect(parseDeadline({ name: 'Record', within: 'PT24H', from: 'load', at: 'finish' })).toBe(
      'deadline "Record": at="finish" is not known; use start (when work on load begins) or end (when it completes)',
    );
    expect(parseDeadline({ name: 'Record', within: 'PT24H', at: 'end' })).toBe('deadline "Record": at="end" needs from="<element id>" (the clock starts at receipt otherwise)');
  });
});

describe('the loader: a deadline clock must start on every path', () => {
  it('given from= naming no flow node, when loaded, then one problem names the deadline element and the missing id', async () => {
    const xml = fixture.replace('from="loadOnMash"', 'from="loadOnMashSystem"');
    const error = await parseModel(xml, 'fixtures/deadline-from.bpmn').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ModelError);
    expect((error as ModelError).problems).toEqual([
      expect.objectContaining({ path: 'recordMeeting', message: expect.stringContaining('counts from loadOnMashSystem, which is not a flow node of this process') }),
    ]);
  });

  it('given a path that skips the from= element, when loaded, then the problem names both elements', async () => {
    // A flow straight from receipt to the meeting record bypasses loading on the MASH system.
    const xml = fixture.replace(
      '<bpmn:endEvent id="decided"',
      '<bpmn:sequenceFlow id="bypass" sourceRef="received" targetRef="recordMeeting" />\n    <bpmn:endEvent id="decided"',
    );
    const error = await parseModel(xml, 'fixtures/deadline-from.bpmn').catch((caught: unknown) => caught);
    expect((error as ModelError).problems).toEqual([
      expect.objectContaining({ path: 'recordMeeting', message: expect.stringContaining('a path reaches recordMeeting without passing loadOnMash') }),
    ]);
  });
});

describe('deadlines from an element, in bpmn-engine and in the simulator', () => {
  const durations = { loadOnMash: 120, applyRag: 30, gatherInformation: 5 * 60, recordMeeting: 20 * 60 };

  it('given a 5-hour information gathering after 2.5 hours of loading and rating, when run, then the 4-hour clock starts at the gathering and is missed by an hour', async () => {
    const model = await parseModel(fixture, 'fixtures/deadline-from.bpmn');
    const result = await runCase(model, { variables: withDefaults({}), receivedAt: mondayMorning, durations });
    const red = result.deadlines.find((deadline) => deadline.element === 'gatherInformation')!;
    expect(red.startsAt).toBe(mondayMorning + 2.5 * hour);
    expect(red.dueAt).toBe(mondayMorning + 6.5 * hour);
    expect(red.completedAt).toBe(mondayMorning + 7.5 * hour);
    expect(red.met).toBe(false);
  });

  it('given a meeting record 27.5 h and then 23.5 h after receipt, when run, then the 24-hour clock counts from the end of loading (2 h in), missed and then met', async () => {
    const model = await parseModel(fixture, 'fixtures/deadline-from.bpmn');
    const result = await runCase(model, { variables: withDefaults({}), receivedAt: mondayMorning, durations });
    const record = result.deadlines.find((deadline) => deadline.element === 'recordMeeting')!;
    expect(record.startsAt).toBe(mondayMorning + 2 * hour);
    expect(record.completedAt).toBe(mondayMorning + 27.5 * hour);
    expect(record.met).toBe(false);
    const quicker = await runCase(model, { variables: withDefaults({}), receivedAt: mondayMorning, durations: { ...durations, recordMeeting: 16 * 60 } });
    const quickRecord = quicker.deadlines.find((deadline) => deadline.element === 'recordMeeting')!;
    expect(quickRecord.completedAt).toBe(mondayMorning + 23.5 * hour);
    // From receipt this would be 23.5 h and met either way; from loading it is 21.5 h.
    expect(quickRecord.completedAt - quickRecord.startsAt).toBe(21.5 * hour);
    expect(quickRecord.met).toBe(true);
  });

  it('given the same durations and unlimited staff around the clock, when simulated, then every due time and verdict equals bpmn-engine\'s', async () => {
    const model = await parseModel(fixture, 'fixtures/deadline-from.bpmn');
    const scenarioText = `
title: deadlines from an element
model: deadline-from.bpmn
start: 2026-03-02
days: 7
arrivals: { perYear: 1, source: test }
staff: { mash: { count: 1000, hours: 24/7, assumed: "unlimited, as the case run" } }
durations: { ${Object.entries(durations).map(([id, minutes]) => `${id}: { fixed: ${minutes}, assumed: "as the case" }`).join(', ')} }`;
    const plan = await prepare({ scenarioText, scenarioFile: 's.yaml', modelXml: fixture, modelFile: 'deadline-from.bpmn' });
    const arrivals = [mondayMorning, fromLocal(2026, 3, 6, 22, 15), fromLocal(2026, 3, 3, 14, 0)];
    const simulated = runReplication(plan, 0, { explain: 'all', incidents: arrivals.map((arrivedAt) => ({ context: withDefaults({}) as never, arrivedAt })) });
    for (const incident of simulated.explained!) {
      const reference = await runCase(model, { variables: withDefaults({}), receivedAt: incident.arrivedAt, durations });
      const fromSimulator = incident.timeline.filter((step) => step.deadline).map((step) => ({ element: step.id, ...step.deadline }));
      const fromEngine = reference.deadlines.map((deadline) => ({ element: deadline.element, name: deadline.name, dueAt: deadline.dueAt, met: deadline.met }));
      expect(fromEngine).toHaveLength(2);
      expect(fromSimulator).toEqual(fromEngine);
    }
    expect(simulated.explained).toHaveLength(3);
  });
});
