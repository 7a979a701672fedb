/**
 * The JSON the editor server speaks, shared by the page (editor/) and the server (cli/server/).
 * Types only: nothing here runs.
 */

/** One problem with a request or a file, as the engine reports it (file, where, what to do). */
export interface ApiProblem {
  code: string;
  file: string;
  path: string;
  message: string;
}

/** Every refusal: a sentence, and for a bad model or case the engine's problems. */
export interface ApiError {
  error: string;
  problems?: ApiProblem[];
}

/** GET /api/models */
export interface ModelSummary {
  /** File name without .bpmn: what the other endpoints take. */
  name: string;
  /** The process name, as the diagram gives it. */
  title: string;
  /** Case files in models/cases/<name>/. */
  cases: number;
}

/** GET /api/models/<name> */
export interface ModelDocument {
  name: string;
  xml: string;
  /** sha256 of the file as read; send it back when saving so a concurrent change is not overwritten. */
  version: string;
}

/** PUT /api/models/<name> body. */
export interface SaveRequest {
  xml: string;
  /** The version the edit started from; omitted: overwrite whatever is there. */
  baseVersion?: string;
}

/** PUT /api/models/<name> answer. */
export interface SaveResult {
  name: string;
  version: string;
  /** Where the previous version was kept, relative to the models folder. */
  backup: string;
}

/** POST /api/lint body and answer. */
export interface LintRequest {
  /** The model the XML belongs to, for messages. */
  name: string;
  xml: string;
}

export interface LintIssueJson {
  /** The element's id; empty for the file as a whole. */
  id: string;
  rule: string;
  category: 'error' | 'warn';
  message: string;
}

export interface LintResult {
  issues: LintIssueJson[];
}

/** GET /api/models/<name>/cases */
export interface CaseSummary {
  /** The case file's name in models/cases/<model>/. */
  file: string;
  title: string;
}

/** POST /api/run body: a bundled case of the model, run against the XML given (the page's, maybe unsaved). */
export interface RunRequest {
  model: string;
  case: string;
  xml: string;
}

/** An outgoing sequence flow as the trainer explains it. */
export interface FlowInfo {
  id: string;
  name: string;
  target: string;
  targetName: string;
  /** The FEEL condition as written, or null for an unconditional flow. */
  condition: string | null;
  isDefault: boolean;
}

export interface StepDeadline {
  name: string;
  within: string;
  dueAt: string;
  dueLocal: string;
  met: boolean;
}

export interface TrainerStep {
  id: string;
  name: string;
  /** BPMN type without prefix: userTask, exclusiveGateway, endEvent… */
  type: string;
  lane: string | null;
  /** The element's documentation: what the procedure says, with its seed citation. */
  documentation: string;
  startedAt: string;
  endedAt: string;
  /** Europe/London local times, "2026-03-02 09:30". */
  startedLocal: string;
  endedLocal: string;
  /** Minutes from receipt to the end of this step. */
  elapsedMinutes: number;
  outcomes: string[];
  notifications: string[];
  deadline: StepDeadline | null;
  /** A nameless gateway with one way out: joins paths, decides nothing. */
  merge: boolean;
  /** The flows taken out of this step (one for a decision, all for a parallel split). */
  next: FlowInfo[];
  /** At a decision: the other outgoing flows, not taken. */
  notTaken: FlowInfo[];
  /** At a decision: the case variables its conditions read, with this case's values. */
  reads: { name: string; value: unknown }[];
}

export interface RunDeadline {
  element: string;
  name: string;
  within: string;
  dueAt: string;
  dueLocal: string;
  completedAt: string;
  completedLocal: string;
  met: boolean;
}

/** POST /api/run answer. */
export interface TrainerRun {
  model: string;
  case: { file: string; title: string; receivedAt: string; receivedLocal: string; given: Record<string, unknown> };
  steps: TrainerStep[];
  outcomes: string[];
  notifications: string[];
  deadlines: RunDeadline[];
  flowsTaken: string[];
  finishedLocal: string;
  /** What the case file expects, for comparison. */
  expect: { outcomes: string[]; notifications: string[] };
}
