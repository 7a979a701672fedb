import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { prepare } from '../../simulations/simulate.ts';
import { laneHoursBasis, reportBasis, restsOnFigure, seedCitation } from '../../simulations/basis.ts';

const modelXml = readFileSync(new URL('fixtures/one-task-with-deadline.bpmn', import.meta.url), 'utf8');
const scenarioText = `
title: one desk
model: one-task-with-deadline.bpmn
start: 2026-01-05
days: 30
arrivals: { perYear: 1000, source: "docs/sources.md#nspcc-referrals" }
staff: { desk: { count: 2, hours: 24/7, assumed: "no public team size" } }
durations: { serve: { triangular: [5, 10, 20], source: "a timed sample (test)" } }
`;

describe('what each figure rests on', () => {
  it('given a task documentation citing its seed, then the citation is the seed file, its title and section, without the quote', () => {
    expect(seedCitation('Seed 000_49d76658befd0305.txt (Derby business process), High: "Emails are sent…" Assumed: on the day.')).toBe(
      'Seed 000_49d76658befd0305.txt (Derby business process), High',
    );
    expect(seedCitation('No seed here.')).toBeUndefined();
    expect(seedCitation('Seed 002_0953eec5265e5b9b.txt (Coventry MASH operating procedures, January 2018), 3.2: &quot;This Service is open…&quot;')).toBe(
      'Seed 002_0953eec5265e5b9b.txt (Coventry MASH operating procedures, January 2018), 3.2',
    );
  });

  it('given a lane documentation, then its hours are sourced when it cites a seed first and assumed when it opens with "Assumed: …"', () => {
    expect(laneHoursBasis('Seed 004_92194f687ea3084a.txt (Derby reception leaflet), Careline: "…5pm till 9am…"', 'Careline')).toEqual({
      kind: 'sourced',
      text: 'Seed 004_92194f687ea3084a.txt (Derby reception leaflet), Careline',
    });
    expect(laneHoursBasis("Assumed: office hours: the MASH outside Careline's hours (seed 004_92194f687ea3084a.txt, Careline; docs/sources.md#derby-careline). More.", 'CSO')).toEqual({
      kind: 'assumed',
      text: "office hours: the MASH outside Careline's hours (seed 004_92194f687ea3084a.txt, Careline; docs/sources.md#derby-careline)",
    });
    expect(laneHoursBasis('', 'Desk')).toEqual({ kind: 'assumed', text: 'the model\'s mashflow:staff hours on lane "Desk" (its documentation cites no seed and states no assumption)' });
  });

  it('given hours on the lane and a scenario giving only the count, then the hours are their own input resting on the lane documentation', async () => {
    const withHours = modelXml.replace(
      /(<bpmn:lane id="desk" name="Desk">)/,
      '$1<bpmn:documentation>Assumed: the desk keeps office hours (test).</bpmn:documentation><bpmn:extensionElements><mashflow:staff hours="office" /></bpmn:extensionElements>',
    );
    expect(withHours).toContain('mashflow:staff');
    const countOnly = scenarioText.replace('count: 2, hours: 24/7,', 'count: 2,');
    const basis = reportBasis(await prepare({ scenarioText: countOnly, scenarioFile: 's.yaml', modelXml: withHours, modelFile: 'one-task-with-deadline.bpmn' }));
    expect(basis.inputs.filter((input) => input.key.startsWith('staff.'))).toEqual([
      { key: 'staff.desk', kind: 'assumed', text: 'no public team size' },
      { key: 'staff.desk.hours', kind: 'assumed', text: 'the desk keeps office hours (test)' },
    ]);
    expect(basis.restsOn['pools.desk']).toEqual(['staff.desk', 'staff.desk.hours']);
  });

  it('given assumed staff and sourced minutes, then the inputs carry their bases and the desk figures rest on the staff only', async () => {
    const basis = reportBasis(await prepare({ scenarioText, scenarioFile: 's.yaml', modelXml, modelFile: 'one-task-with-deadline.bpmn' }));
    expect(basis.inputs).toEqual([
      { key: 'arrivals.perYear', kind: 'sourced', text: 'docs/sources.md#nspcc-referrals' },
      { key: 'deadlines.Served within 24 hours of receipt', kind: 'sourced', text: 'Seed 999_0123456789abcdef.txt (test procedure), Standard' },
      { key: 'durations.serve', kind: 'sourced', text: 'a timed sample (test)' },
      { key: 'staff.desk', kind: 'assumed', text: 'no public team size' },
    ]);
    expect(basis.restsOn['pools.desk']).toEqual(['staff.desk']);
    expect(basis.restsOn.arrivals).toEqual([]);
    expect(restsOnFigure(basis, 'deadlines.Served within 24 hours of receipt.breachRate')).toEqual(['staff.desk']);
    expect(restsOnFigure(basis, 'decidedWithin24Hours')).toEqual(['staff.desk']);
    expect(restsOnFigure(basis, 'outcomes.nfa')).toEqual([]);
  });
});
