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
  /** Whether the condition is true for this case; null for a flow without one. */
  holds: boolean | null;
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
  /** Milliseconds the engine's run and its shaping took, where it ran (the page or the server). */
  ranInMs?: number;
}

/** GET /api/models/<name>/cases/<file>: a case file's text, parsed where it is run. */
export interface CaseDocument {
  file: string;
  text: string;
}

/** GET /api/scenarios: the simulation scenarios in models/scenarios/ (what-if mode). */
export interface ScenarioSummary {
  /** File name without .yaml: e.g. derby-baseline. */
  name: string;
  /** The file's name in models/scenarios/. */
  file: string;
  title: string;
  /** The scenario's description, folded to one paragraph; empty when it has none. */
  description: string;
  /** The model it simulates, as a models-folder name (derby); null when it names no model in the folder. */
  model: string | null;
  /** The scenario's YAML as written. */
  text: string;
}

/** One case of a model's suite in the coverage view. */
export interface CoverageCase {
  file: string;
  title: string;
  /** It ran and met its expectations. */
  passed: boolean;
  /** Why not: the case could not run, or what it expected and got. */
  problems: string[];
}

/** GET /api/models/<name>/coverage (the saved file) or POST with { xml } (the page's diagram). */
export interface CoverageResult {
  model: string;
  nodes: { total: number; covered: string[]; uncovered: string[] };
  flows: { total: number; covered: string[]; uncovered: string[] };
  /** Element id (flow node or sequence flow) → the case files whose run reached it. */
  reachedBy: Record<string, string[]>;
  cases: CoverageCase[];
  /** Time to run the suite; a cached answer gives the time it took then. */
  milliseconds: number;
  /** Answered from the cache (the same XML and case files were run before). */
  cached: boolean;
}

/** GET /api/models/<name>/coverage/progress: the suite now running for that model, if any. */
export interface CoverageProgress {
  running: boolean;
  done: number;
  total: number;
  /** The case that finished last. */
  last: string;
}

/** GET /api/households: sample households (examples/households/) to run through every model. */
export interface HouseholdSummary {
  file: string;
  title: string;
}

/**
 * POST /api/run-all body, one of: a bundled case { model, case }, a sample household
 * { household }, or the variables themselves { variables, title?, receivedAt?, durations? }.
 */
export type RunAllRequest =
  | { model: string; case: string }
  | { household: string }
  | { variables: Record<string, unknown>; title?: string; receivedAt?: string; durations?: Record<string, number | string> };

export interface AuthorityStep {
  id: string;
  name: string;
  type: string;
  lane: string | null;
  endedLocal: string;
}

/** One authority's answer: its run, or the problems that kept the case from running in it. */
export interface AuthorityRun {
  /** Model file name without .bpmn (GET /api/models/<model> gives its diagram). */
  model: string;
  /** The process name. */
  title: string;
  ran: boolean;
  outcomes: string[];
  notifications: string[];
  path: AuthorityStep[];
  flowsTaken: string[];
  /** Steps other than gateways, as `mashflow run --all-models` counts them. */
  steps: number;
  deadlines: RunDeadline[];
  finishedLocal: string;
  problems: ApiProblem[];
}

/** POST /api/run-all answer. */
export interface RunAllResult {
  case: { title: string; source: string; receivedLocal: string; given: Record<string, unknown> };
  authorities: AuthorityRun[];
  milliseconds: number;
}
