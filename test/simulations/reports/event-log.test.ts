import { readFileSync } from 'node:fs';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { prepare, runReplication } from '../../../simulations/simulate.ts';
import { toEventCsv, toXes } from '../../../simulations/event-log.ts';

describe('event log export', () => {
  it('given a simulated year of Derby, writes well-formed XES with one trace per incident and events in time order', async () => {
    const plan = await prepare({
      scenarioText: readFileSync('models/scenarios/derby-baseline.yaml', 'utf8'),
      scenarioFile: 'models/scenarios/derby-baseline.yaml',
      modelXml: readFileSync('models/derby.bpmn', 'utf8'),
      modelFile: 'models/derby.bpmn',
    });
    const result = runReplication(plan, 0, { explain: 'all' });
    const incidents = result.explained!;
    expect(incidents.length).toBe(result.arrivals);

    const xes = toXes(incidents, 'Derby <baseline> & "quotes"');
    expect(XMLValidator.validate(xes)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['trace', 'event', 'string', 'date'].includes(name) }).parse(xes);
    const traces = parsed.log.trace as { event?: { string: { '@_key': string; '@_value': string }[]; date: { '@_value': string }[] }[] }[];
    expect(traces).toHaveLength(incidents.length);
    for (const trace of traces.slice(0, 200)) {
      const events = trace.event ?? [];
      expect(events.length).toBeGreaterThan(1);
      const times = events.map((event) => Date.parse(event.date[0]!['@_value']));
      expect(times).toEqual([...times].sort((a, b) => a - b));
      for (const event of events) {
        const keys = event.string.map((attribute) => attribute['@_key']);
        expect(keys).toEqual(expect.arrayContaining(['concept:name', 'lifecycle:transition', 'org:role']));
      }
    }

    const csv = toEventCsv(incidents).trim().split('\n');
    expect(csv[0]).toBe('case,activity,element,lifecycle,timestamp,role');
    expect(csv.length - 1).toBe(traces.reduce((sum, trace) => sum + (trace.event?.length ?? 0), 0));
  }, 60_000);
});
