import { describe, it, expect } from 'vitest';
import { CaseFileError, InputError, ModelError, RunError, formatProblem, safely, type Problem } from '../../engine/problems.ts';

const located: Problem = { code: 'script-refused', file: 'models/x.bpmn', path: 'computeRisk', message: 'script tasks are refused' };
const unlocated: Problem = { code: 'xml-malformed', file: 'models/y.bpmn', path: '', message: 'not a readable BPMN 2.0 file' };

describe('formatProblem', () => {
  it('given a problem with a path, when formatted, then it reads "file: path: message"', () => {
    expect(formatProblem(located)).toBe('models/x.bpmn: computeRisk: script tasks are refused');
  });

  it('given a problem without a path, when formatted, then it reads "file: message"', () => {
    expect(formatProblem(unlocated)).toBe('models/y.bpmn: not a readable BPMN 2.0 file');
  });
});

describe('InputError and its kinds', () => {
  it('given several problems, when an error is made of them, then its message has one formatted line each and it keeps the problems', () => {
    const error = new ModelError([located, unlocated]);

    expect(error.message).toBe(`${formatProblem(located)}\n${formatProblem(unlocated)}`);
    expect(error.problems).toEqual([located, unlocated]);
    expect(error).toBeInstanceOf(InputError);
    expect(error.name).toBe('ModelError');
    expect(new CaseFileError([located]).name).toBe('CaseFileError');
    expect(new RunError([located])).toBeInstanceOf(InputError);
  });
});

describe('safely', () => {
  it('given a parser that succeeds, when run safely, then the data is returned', () => {
    expect(safely(() => 42)).toEqual({ success: true, data: 42 });
  });

  it('given a parser that throws an InputError, when run safely, then its problems are returned', () => {
    expect(
      safely(() => {
        throw new CaseFileError([located]);
      }),
    ).toEqual({ success: false, problems: [located] });
  });

  it('given a parser that throws anything else, when run safely, then the error is rethrown (a bug is not a user mistake)', () => {
    expect(() =>
      safely(() => {
        throw new TypeError('boom');
      }),
    ).toThrow(TypeError);
  });
});
