import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { defaultReceivedAt, parseCaseFile, safeParseCaseFile, withDefaults } from '../../engine/case-file.ts';
import { CaseFileError, type Problem } from '../../engine/problems.ts';

const file = 'cases/synthetic.yaml';

/** Parses text that must be refused; returns the problems of the CaseFileError it throws. */
function problemsOf(text: string): readonly Problem[] {
  let thrown: unknown;
  try {
    parseCaseFile(text, file);
  } catch (error) {
    thrown = error;
  }
  expect(thrown, 'the case file should be refused').toBeInstanceOf(CaseFileError);
  const problems = (thrown as CaseFileError).problems;
  for (const problem of problems) {
    expect(problem.code).toBe('case-invalid');
    expect(problem.file).toBe(file);
  }
  return problems;
}

function onlyProblem(text: string): Problem {
  const problems = problemsOf(text);
  expect(problems).toHaveLength(1);
  return problems[0]!;
}

describe('parseCaseFile: valid cases', () => {
  it('given a case file using every key, when parsed, then title, model, receipt, variables, durations and expectations are read', () => {
    const text = readFileSync(new URL('./fixtures/full-case.yaml', import.meta.url), 'utf8');
    const parsed = parseCaseFile(text, 'fixtures/full-case.yaml');

    expect(parsed.file).toBe('fixtures/full-case.yaml');
    expect(parsed.title).toBe('High-risk notification, children not known, section 47 agreed');
    expect(parsed.model).toBe('../../../models/derby.bpmn');
    expect(parsed.receivedAt).toBe(Date.UTC(2026, 6, 1, 8, 0));
    expect(parsed.given).toEqual({
      source: 'police',
      dashRisk: 'high',
      socialCareStatus: 'not-known',
      children: [{ age: 3 }, { age: 9 }],
      pregnant: true,
      repeatIncident: true,
      agreedRisk: 'medium',
      thresholdLevel: 4,
      immediateRisk: true,
      s47Agreed: true,
    });
    expect(parsed.variables).toMatchObject({ ...parsed.given, previousMarac: false, furtherInformationNeeded: false });
    expect(parsed.durations).toEqual({
      recordContactsHighRisk: 30,
      screenHighRisk: 45,
      strategyDiscussion: 120,
      agencyChecks: 1440,
      receptionS47Response: 120,
    });
    expect(parsed.expect).toEqual({
      outcomes: ['strategy-discussion', 's47', 'marac'],
      notOutcomes: ['nfa'],
      notifications: ['health', 'education', 'named-midwife'],
      notNotifications: ['da-service'],
      visits: ['screenHighRisk', 'receptionS47Response'],
      notVisits: ['standardRiskTriage'],
      deadlines: { screenHighRisk: 'met' },
    });
  });

  it('given a minimal case, when parsed, then booleans default to false, children to none, source to police and there are no durations or expectations', () => {
    const parsed = parseCaseFile('title: Minimal\ncase:\n  dashRisk: medium\n  socialCareStatus: known\n', file);

    expect(parsed.given).toEqual({ dashRisk: 'medium', socialCareStatus: 'known' });
    expect(parsed.variables).toEqual({
      source: 'police',
      dashRisk: 'medium',
      socialCareStatus: 'known',
      children: [],
      pregnant: false,
      repeatIncident: false,
      previousMarac: false,
      honourBased: false,
      mentalHealthOrSubstance: false,
      adultSafeguarding: false,
      outOfForceArea: false,
      consentToShare: false,
      outOfHours: false,
      agreedRisk: 'medium',
      immediateRisk: false,
      s47Agreed: false,
      furtherInformationNeeded: false,
    });
    expect(parsed.variables).not.toHaveProperty('thresholdLevel');
    expect(parsed.model).toBeUndefined();
    expect(parsed.durations).toEqual({});
    expect(parsed.expect).toEqual({});
  });

  it('given no receivedAt, when parsed, then the case is received on Monday 5 January 2026 at 09:00 (GMT)', () => {
    expect(defaultReceivedAt).toBe('2026-01-05T09:00');
    expect(parseCaseFile('title: t\ncase: {dashRisk: high}\n', file).receivedAt).toBe(Date.UTC(2026, 0, 5, 9, 0));
  });

  it('given no agreedRisk, when parsed, then it follows dashRisk, and a missing DASH (none) counts as standard', () => {
    expect(parseCaseFile('title: t\ncase: {dashRisk: high}\n', file).variables.agreedRisk).toBe('high');
    expect(parseCaseFile('title: t\ncase: {dashRisk: none}\n', file).variables.agreedRisk).toBe('standard');
    expect(parseCaseFile('title: t\ncase: {dashRisk: high, agreedRisk: standard}\n', file).variables.agreedRisk).toBe('standard');
  });

  it('given no dashRisk at all, when defaults are filled, then neither dashRisk nor agreedRisk is invented', () => {
    const filled = withDefaults({ socialCareStatus: 'open' });

    expect(filled).not.toHaveProperty('dashRisk');
    expect(filled).not.toHaveProperty('agreedRisk');
    expect(filled.pregnant).toBe(false);
  });

  it('given receivedAt in winter and in summer, when parsed, then it is London local time (GMT, then BST = UTC+1)', () => {
    expect(parseCaseFile('title: t\nreceivedAt: 2026-03-02T09:30\ncase: {dashRisk: high}\n', file).receivedAt).toBe(Date.UTC(2026, 2, 2, 9, 30));
    expect(parseCaseFile('title: t\nreceivedAt: 2026-07-01T09:00\ncase: {dashRisk: high}\n', file).receivedAt).toBe(Date.UTC(2026, 6, 1, 8, 0));
    expect(parseCaseFile('title: t\nreceivedAt: "2026-07-01 09:00"\ncase: {dashRisk: high}\n', file).receivedAt).toBe(Date.UTC(2026, 6, 1, 8, 0));
  });

  it('given durations as 30, "45m", "2h", "1d", "PT2H" and "1.5h", when parsed, then they are minutes', () => {
    const parsed = parseCaseFile('title: t\ncase: {dashRisk: high}\ndurations: {a: 30, b: 45m, c: 2h, d: 1d, e: PT2H, f: 1.5h, g: 10min}\n', file);

    expect(parsed.durations).toEqual({ a: 30, b: 45, c: 120, d: 1440, e: 120, f: 90, g: 10 });
  });
});

describe('parseCaseFile: refusals name the file, the key and what is allowed', () => {
  it('given an unknown top-level key, when parsed, then the problem names it and lists the allowed keys', () => {
    const problem = onlyProblem('title: t\ncase: {dashRisk: high}\nexpected: {outcomes: [nfa]}\n');

    expect(problem.message).toBe('unknown key "expected"; allowed here: title, model, receivedAt, case, durations, hours, expect');
  });

  it('given an unknown case variable, when parsed, then the problem is at "case", names it and lists the vocabulary', () => {
    const problem = onlyProblem('title: t\ncase: {dashRisk: high, riskScore: 3}\n');

    expect(problem.path).toBe('case');
    expect(problem.message).toMatch(/^unknown key "riskScore"; allowed here: source, dashRisk, socialCareStatus, children,/);
    expect(problem.message).toContain('furtherInformationNeeded');
  });

  it('given an enum variable with a value outside the vocabulary, when parsed, then the message lists the allowed values', () => {
    const problem = onlyProblem('title: t\ncase: {dashRisk: severe}\n');

    expect(problem.path).toBe('case.dashRisk');
    expect(problem.message).toBe('"severe" is not allowed; use one of: "standard", "medium", "high", "none"');
  });

  it('given thresholdLevel 5, when parsed, then the message lists 1, 2, 3, 4', () => {
    const problem = onlyProblem('title: t\ncase: {dashRisk: high, thresholdLevel: 5}\n');

    expect(problem.path).toBe('case.thresholdLevel');
    expect(problem.message).toBe('5 is not allowed; use one of: 1, 2, 3, 4');
  });

  it('given a boolean variable written as "yes", when parsed, then the message says a boolean was expected', () => {
    const problem = onlyProblem('title: t\ncase: {dashRisk: high, pregnant: "yes"}\n');

    expect(problem.path).toBe('case.pregnant');
    expect(problem.message).toBe('expected boolean, got "yes"');
  });

  it('given a child with a key other than age, when parsed, then the problem is at that child and allows only age', () => {
    const problem = onlyProblem('title: t\ncase: {dashRisk: high, children: [{age: 3, name: x}]}\n');

    expect(problem.path).toBe('case.children.0');
    expect(problem.message).toBe('unknown key "name"; allowed here: age');
  });

  it('given an expected outcome that is not a vocabulary word, when parsed, then the problem is at its index and lists the words', () => {
    const problem = onlyProblem('title: t\ncase: {dashRisk: high}\nexpect: {outcomes: [nfa, closed]}\n');

    expect(problem.path).toBe('expect.outcomes.1');
    expect(problem.message).toMatch(/^"closed" is not allowed; use one of: "nfa", "signpost", "early-help"/);
  });

  it('given an expected deadline that is neither met nor missed, when parsed, then the message lists met and missed', () => {
    const problem = onlyProblem('title: t\ncase: {dashRisk: high}\nexpect: {deadlines: {screen: late}}\n');

    expect(problem.path).toBe('expect.deadlines.screen');
    expect(problem.message).toBe('"late" is not allowed; use one of: "met", "missed"');
  });

  it('given a duration that is not one, when parsed, then the message shows the accepted forms', () => {
    const problem = onlyProblem('title: t\ncase: {dashRisk: high}\ndurations: {triage: soon}\n');

    expect(problem.path).toBe('durations.triage');
    expect(problem.message).toBe('"soon" is not a duration; write minutes (30), 45m, 2h, 3d or ISO 8601 (PT2H)');
  });

  it('given a receivedAt that is not a local date-time, when parsed, then the message shows an example', () => {
    for (const receivedAt of ['next Tuesday', '2026-02-31T09:00']) {
      const problem = onlyProblem(`title: t\nreceivedAt: ${receivedAt}\ncase: {dashRisk: high}\n`);
      expect(problem.path).toBe('receivedAt');
      expect(problem.message).toBe(`"${receivedAt}" is not a local date-time; write e.g. 2026-03-02T09:30 (Europe/London)`);
    }
  });

  it('given no title, when parsed, then the problem says title is required', () => {
    const problem = onlyProblem('case: {dashRisk: high}\n');

    expect(problem.path).toBe('title');
    expect(problem.message).toBe('is required (string)');
  });

  it('given text that is not valid YAML, when parsed, then the problem gives the line and says so', () => {
    const problem = onlyProblem('title: t\ncase:\n  dashRisk: high\n   socialCareStatus: [open\n');

    expect(problem.path).toBe('line 3');
    expect(problem.message).toMatch(/^not valid YAML \(/);
  });

  it('given several mistakes, when parsed, then all are reported at once and the error message lists them as "file: path: message"', () => {
    let thrown: unknown;
    try {
      parseCaseFile('title: t\ncase: {dashRisk: severe, thresholdLevel: 7}\nexpect: {outcomes: [closed]}\n', file);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(CaseFileError);
    const error = thrown as CaseFileError;
    expect(error.problems.map((problem) => problem.path)).toEqual(['case.dashRisk', 'case.thresholdLevel', 'expect.outcomes.0']);
    expect(error.message.split('\n')).toEqual(error.problems.map((problem) => `${file}: ${problem.path}: ${problem.message}`));
    expect(error.name).toBe('CaseFileError');
  });
});

describe('safeParseCaseFile', () => {
  it('given a valid case, when parsed safely, then it succeeds with the same data as parseCaseFile', () => {
    const text = 'title: t\ncase: {dashRisk: high}\n';
    const result = safeParseCaseFile(text, file);

    expect(result.success).toBe(true);
    expect(result).toEqual({ success: true, data: parseCaseFile(text, file) });
  });

  it('given an invalid case, when parsed safely, then it returns the problems instead of throwing', () => {
    const result = safeParseCaseFile('title: t\ncase: {dashRisk: severe}\n', file);

    expect(result).toEqual({
      success: false,
      problems: [
        {
          code: 'case-invalid',
          file,
          path: 'case.dashRisk',
          message: '"severe" is not allowed; use one of: "standard", "medium", "high", "none"',
        },
      ],
    });
  });

  it('given invalid YAML, when parsed safely, then it returns the YAML problem instead of throwing', () => {
    const result = safeParseCaseFile('title: [unclosed\n', file);

    expect(result.success).toBe(false);
    expect(result.success ? [] : result.problems.map((problem) => problem.code)).toEqual(['case-invalid']);
  });
});
