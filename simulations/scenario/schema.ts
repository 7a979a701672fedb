/**
 * A simulation scenario (YAML): which model, how long, how many incidents arrive and when, who
 * they are (the population), how many staff with which hours, how long tasks take, when meetings
 * sit. Anything left out comes from the model's own mashflow:staff, mashflow:duration and
 * mashflow:meeting elements. Pure: takes text, returns data or problems.
 */
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { z } from 'zod';
import { ScenarioError, safely, type Problem, type SafeResult } from '../../engine/problems.ts';

/**
 * Every staffing, duration and meeting figure says what it rests on: `source:` cites a public
 * figure or a seed passage, `assumed:` gives a one-line reason. Reports mark figures that rest on
 * assumptions, so a made-up number is never read as a finding.
 */
const basisShape = { source: z.string().min(1).optional(), assumed: z.string().min(1).optional() };
export interface Basis {
  source?: string | undefined;
  assumed?: string | undefined;
}

function distributionForms<Extra extends z.core.$ZodLooseShape>(extra: Extra) {
  return z.union([
    z.strictObject({ fixed: z.number().min(0), ...extra }),
    z.strictObject({ uniform: z.tuple([z.number().min(0), z.number().min(0)]), ...extra }),
    z.strictObject({ triangular: z.tuple([z.number().min(0), z.number().min(0), z.number().min(0)]), ...extra }),
    z.strictObject({ exponential: z.strictObject({ mean: z.number().positive() }), ...extra }),
    z.strictObject({ lognormal: z.strictObject({ mean: z.number().positive(), sd: z.number().min(0) }), ...extra }),
    z.strictObject({ empirical: z.array(z.number().min(0)).min(1), ...extra }),
  ]);
}
const minutesDistribution = distributionForms({});
/** A task's minutes, with the basis of the figure. */
const durationFigure = distributionForms(basisShape);

const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'write a date as YYYY-MM-DD');
const weekdayNames = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

/** A weight table (value → weight) or, for a yes/no variable, the probability of yes. */
const weights = z.union([z.number().min(0).max(1), z.record(z.string(), z.number().min(0))]);
const populationEntry = z.union([
  weights,
  z.strictObject({ given: z.string(), table: z.record(z.string(), weights), source: z.string().optional() }),
  z.strictObject({ count: z.record(z.string(), z.number().min(0)), underFive: z.number().min(0).max(1), source: z.string().optional() }),
]);

const hours = z.union([z.string(), z.record(z.string(), z.union([z.string(), z.array(z.string())]))]);

export const scenarioSchema = z.strictObject({
  title: z.string().min(1),
  description: z.string().optional(),
  /** The model, relative to the scenario file. */
  model: z.string().min(1),
  seed: z.number().int().default(1),
  replications: z.number().int().min(1).max(10_000).default(10),
  /** First local day simulated (midnight Europe/London). */
  start: localDate,
  /** Days measured after the warm-up. */
  days: z.number().int().min(1).max(36_600),
  warmUpDays: z.number().int().min(0).default(0),
  arrivals: z.strictObject({
    perYear: z.number().positive(),
    source: z.string().min(1),
    weekday: z.partialRecord(z.enum(weekdayNames), z.number().min(0)).optional(),
    hourOfDay: z.array(z.number().min(0)).length(24).optional(),
    surges: z
      .array(z.strictObject({ from: localDate, to: localDate, factor: z.number().positive(), why: z.string().min(1) }))
      .default([]),
  }),
  population: z.record(z.string(), populationEntry).default({}),
  staff: z.record(z.string(), z.strictObject({ count: z.number().int().min(1), hours: hours.optional(), ...basisShape })).default({}),
  durations: z.record(z.string(), durationFigure).default({}),
  defaultDuration: durationFigure.optional(),
  meetings: z
    .record(
      z.string(),
      z.strictObject({
        days: z.string().optional(),
        time: z.string().optional(),
        capacity: z.number().int().min(1).optional(),
        /** No sittings: the lane's staff do the task as items arrive (e.g. instead of a daily list). */
        onArrival: z.boolean().optional(),
        ...basisShape,
      }),
    )
    .default({}),
  /** The authority's office hours: an incident arriving outside them gets outOfHours: true (for models that route on it). */
  officeHours: hours.optional(),
  /** Work is taken highest priority first: the order of agreedRisk values. */
  priority: z.array(z.enum(['high', 'medium', 'standard'])).default(['high', 'medium', 'standard']),
  backlog: z
    .array(z.strictObject({ at: z.string(), count: z.number().int().min(1), ageHours: minutesDistribution }))
    .default([]),
  /** Above this many incidents in the system at once the run stops and reports it unstable. */
  maxInSystem: z.number().int().min(1).default(100_000),
  sources: z.record(z.string(), z.string()).optional(),
});

export type ScenarioInput = z.input<typeof scenarioSchema>;
export type Scenario = z.output<typeof scenarioSchema> & { file: string };
export type MinutesDistribution = z.output<typeof minutesDistribution>;
export type DurationFigure = z.output<typeof durationFigure>;
export type PopulationEntry = z.output<typeof populationEntry>;
export type HoursSpec = z.output<typeof hours>;
export { weekdayNames };

function messageFor(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'unrecognized_keys':
      return `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((key) => `"${key}"`).join(', ')}`;
    case 'invalid_value':
      return `${JSON.stringify(issue.input)} is not allowed; use one of: ${issue.values.map((value) => JSON.stringify(value)).join(', ')}`;
    case 'invalid_type':
      return issue.input === undefined ? `is required (${issue.expected})` : `expected ${issue.expected}, got ${JSON.stringify(issue.input)}`;
    case 'invalid_union':
      return `${JSON.stringify(issue.input)} is not one of the accepted forms (see the README's scenario format)`;
    default:
      return issue.message;
  }
}

const basisHint = 'add source: "<the public figure or seed passage, cited>" or assumed: "<why this figure, in one line>"';

/** Staffing, duration and meeting figures that give no basis, or two. */
function basisProblems(scenario: z.output<typeof scenarioSchema>, file: string): Problem[] {
  const problems: Problem[] = [];
  const check = (path: string, what: string, basis: Basis) => {
    if (basis.source !== undefined && basis.assumed !== undefined) problems.push({ code: 'scenario-invalid', file, path, message: `${what} gives both source: and assumed:; keep the one it rests on` });
    else if (basis.source === undefined && basis.assumed === undefined) problems.push({ code: 'scenario-invalid', file, path, message: `${what} has no basis: ${basisHint}` });
  };
  for (const [lane, staff] of Object.entries(scenario.staff)) check(`staff.${lane}`, 'the staffing figure', staff);
  for (const [task, duration] of Object.entries(scenario.durations)) check(`durations.${task}`, 'the duration', duration);
  if (scenario.defaultDuration) check('defaultDuration', 'the default duration', scenario.defaultDuration);
  // onArrival alone changes the procedure, not a figure: only sittings and capacity need a basis.
  for (const [task, meeting] of Object.entries(scenario.meetings)) {
    if (meeting.capacity !== undefined || meeting.days !== undefined || meeting.time !== undefined) check(`meetings.${task}`, 'the meeting figure', meeting);
  }
  return problems;
}

/** Parses a scenario's text; throws ScenarioError naming the file and the key. */
export function parseScenario(text: string, file: string): Scenario {
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (error) {
    const where = error instanceof YAMLParseError && error.linePos ? `line ${error.linePos[0].line}` : '';
    throw new ScenarioError([{ code: 'scenario-invalid', file, path: where, message: `not readable YAML (${(error as Error).message.split('\n')[0]})` }]);
  }
  const result = scenarioSchema.safeParse(raw, { reportInput: true });
  if (!result.success) {
    const problems: Problem[] = result.error.issues.map((issue) => ({
      code: 'scenario-invalid',
      file,
      path: issue.path.join('.'),
      message: messageFor(issue),
    }));
    throw new ScenarioError(problems);
  }
  const unfounded = basisProblems(result.data, file);
  if (unfounded.length > 0) throw new ScenarioError(unfounded);
  return { ...result.data, file };
}

export function safeParseScenario(text: string, file: string): SafeResult<Scenario> {
  return safely(() => parseScenario(text, file));
}
