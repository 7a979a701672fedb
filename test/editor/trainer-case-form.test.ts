/** Trainer mode's case form (editor/trainer/case-form.ts): fields from the vocabulary, prefill, and back to a case file the schema accepts. */
import { describe, expect, it } from 'vitest';
import { parseCaseFile } from '../../engine/case-file.ts';
import { CaseFileError } from '../../engine/problems.ts';
import { variableNames } from '../../engine/vocabulary.ts';
import { caseFileContent, formFields, formFromGiven, givenFromForm, problemField } from '../../editor/trainer/case-form.ts';

const bundled = parseCaseFile(
  `title: A synthetic household
receivedAt: 2026-03-02T09:30
case:
  dashRisk: high
  socialCareStatus: not-known
  children: [{ age: 2 }, { age: 7 }]
  pregnant: true
  thresholdLevel: 4
durations:
  screenHighRisk: 1h
expect:
  outcomes: [s47]
`,
  'synthetic.yaml',
);

describe('trainer case form', () => {
  it('given the vocabulary, then each variable has a field: selects for choices, tick boxes for yes/no, ages for children', () => {
    expect(formFields.map((field) => field.name)).toEqual(variableNames);
    const byName = new Map(formFields.map((field) => [field.name, field]));
    expect(byName.get('dashRisk')).toMatchObject({ kind: 'select', options: ['standard', 'medium', 'high', 'none'], whenNotGiven: 'not given' });
    expect(byName.get('thresholdLevel')).toMatchObject({ kind: 'select', options: ['1', '2', '3', '4'], judgement: true });
    expect(byName.get('pregnant')).toMatchObject({ kind: 'checkbox' });
    expect(byName.get('children')).toMatchObject({ kind: 'ages' });
    expect(byName.get('source')!.whenNotGiven).toBe('default: police');
    expect(byName.get('agreedRisk')!.whenNotGiven).toBe('as the DASH grade');
  });

  it('given a bundled case, then the form is prefilled from what it gives, defaults for the rest, agreedRisk left to follow DASH', () => {
    const form = formFromGiven(bundled.given, '2026-03-02T09:30');
    expect(form.receivedAt).toBe('2026-03-02T09:30');
    expect(form.values).toMatchObject({ dashRisk: 'high', socialCareStatus: 'not-known', children: '2, 7', pregnant: 'true', thresholdLevel: '4', source: 'police', repeatIncident: 'false', agreedRisk: '' });
  });

  it('given the prefilled form, when turned back into a case file, then the schema reads the same variables and keeps the durations', () => {
    const form = formFromGiven(bundled.given, '2026-03-02T09:30');
    const { given, problems } = givenFromForm(form);
    expect(problems).toEqual([]);
    const again = parseCaseFile(caseFileContent(form, given, bundled), 'the case form');
    expect(again.variables).toEqual(bundled.variables);
    expect(again.receivedAt).toBe(bundled.receivedAt);
    expect(again.durations).toEqual({ screenHighRisk: 60 });
    expect(again.expect).toEqual({});
    expect(again.title).toContain('A synthetic household');
  });

  it('given a changed DASH grade, then agreedRisk follows it, as in a case file that leaves it out', () => {
    const form = formFromGiven(bundled.given, '2026-03-02T09:30');
    form.values.dashRisk = 'standard';
    form.values.pregnant = 'false';
    form.values.children = '';
    const { given } = givenFromForm(form);
    const changed = parseCaseFile(caseFileContent(form, given, bundled), 'the case form');
    expect(changed.variables).toMatchObject({ dashRisk: 'standard', agreedRisk: 'standard', pregnant: false, children: [] });
  });

  it('given ages that are not numbers or a missing time, then the form says which field and what to write', () => {
    const form = formFromGiven(bundled.given, '');
    form.values.children = '2, two';
    const { problems } = givenFromForm(form);
    expect(problems).toEqual([
      { field: 'children', message: '"two" is not an age; write whole years separated by commas, e.g. 2, 7' },
      { field: 'receivedAt', message: '"" is not a date and time; choose when the notification arrived' },
    ]);
  });

  it('given an age the schema refuses, then its problem points at the children field', () => {
    const form = formFromGiven(bundled.given, '2026-03-02T09:30');
    form.values.children = '2, 40';
    const { given, problems } = givenFromForm(form);
    expect(problems).toEqual([]);
    let caught: unknown;
    try {
      parseCaseFile(caseFileContent(form, given, bundled), 'the case form');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(CaseFileError);
    const problem = (caught as CaseFileError).problems[0]!;
    expect(problem.path).toBe('case.children.1.age');
    expect(problemField(problem.path)).toBe('children');
  });
});
