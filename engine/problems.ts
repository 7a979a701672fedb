/**
 * Problems are data: a code a program can switch on, where it is, and a sentence a person can act
 * on. Errors carry a list of them so one bad file reports everything wrong with it at once.
 */

export type ProblemCode =
  | 'xml-malformed'
  | 'xml-warning'
  | 'no-process'
  | 'script-refused'
  | 'unsupported-element'
  | 'condition-not-feel'
  | 'condition-syntax'
  | 'condition-unknown-name'
  | 'condition-unknown-value'
  | 'extension-invalid'
  | 'case-invalid'
  | 'case-missing-variable'
  | 'run-stuck'
  | 'run-failed'
  | 'scenario-invalid'
  | 'traceability';

export interface Problem {
  code: ProblemCode;
  /** The file the problem is in. */
  file: string;
  /** Where in the file: an element id, or a dotted key path in a case file. */
  path: string;
  message: string;
}

export function formatProblem(problem: Problem): string {
  return problem.path ? `${problem.file}: ${problem.path}: ${problem.message}` : `${problem.file}: ${problem.message}`;
}

/** A user's file is wrong: show the problems, exit 2, never a stack trace. */
export class InputError extends Error {
  readonly problems: readonly Problem[];

  constructor(problems: readonly Problem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'InputError';
    this.problems = problems;
  }
}

export class ModelError extends InputError {
  override readonly name = 'ModelError';
}

export class CaseFileError extends InputError {
  override readonly name = 'CaseFileError';
}

/** A case ran but the model could not take it to an end (a missing variable, a stuck token). */
export class RunError extends InputError {
  override readonly name = 'RunError';
}

/** A simulation scenario is wrong (a key, a value, a task or lane the model does not have). */
export class ScenarioError extends InputError {
  override readonly name = 'ScenarioError';
}

export type SafeResult<T> = { success: true; data: T } | { success: false; problems: readonly Problem[] };

/** Runs a throwing parser and returns its problems as data instead. */
export function safely<T>(parse: () => T): SafeResult<T> {
  try {
    return { success: true, data: parse() };
  } catch (error) {
    if (error instanceof InputError) return { success: false, problems: error.problems };
    throw error;
  }
}
