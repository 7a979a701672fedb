import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { prepare } from '../../simulations/simulate.ts';
import { reportBasis, restsOnFigure, seedCitation } from '../../simulations/basis.ts';

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
