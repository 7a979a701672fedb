/**
 * Case files: YAML describing one household's incident in the shared vocabulary, the judgements
 * a professional would make, and what the procedure should do with it.
 */
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { z } from 'zod';
import { CaseFileError, safely, type Problem, type SafeResult } from './problems.ts';
import { parseIsoDuration, parseLocalDateTime } from './time.ts';
import {
  notificationWords,
  outcomeWords,
  variableNames,
  variables,
  type NotificationWord,
  type OutcomeWord,
  type VariableKind,
} from './vocabulary.ts';

function variableSchema(type: VariableKind): z.ZodType {
  switch (type.kind) {
    case 'enum':
      return z.enum(type.values as [string, ...string[]]);
    case 'boolean':
      return z.boolean();
    case 'integer':
      return type.values ? z.union(type.values.map((value) => z.literal(value)) as [z.ZodLiteral<number>, ...z.ZodLiteral<number>[]]) : z.number().int();
    case 'children':
      return z.array(z.strictObject({ age: z.number().int().min(0).max(25) }));
  }
}

const caseSchema = z.strictObject(
  Object.fromEntries(variableNames.map((name) => [name, variableSchema(variables[name].type).optional()])),
);

const durationText = z.union([z.number().min(0), z.string()]).transform((value, context) => {
  const minutes = typeof value === 'number' ? value : parseDurationText(value);
  if (minutes === undefined) {
    context.addIssue({ code: 'custom', message: `"${value}" is not a duration; write minutes (30), 45m, 2h, 3d or ISO 8601 (PT2H)` });
    return z.NEVER;
  }
  return minutes;
});

const outcomeList = z.array(z.enum(Object.keys(outcomeWords) as [OutcomeWord, ...OutcomeWord[]]));
const notificationList = z.array(z.enum(Object.keys(notificationWords) as [NotificationWord, ...NotificationWord[]]));

const expectSchema = z.strictObject({
  outcomes: outcomeList.optional(),
  notOutcomes: outcomeList.optional(),
  notifications: notificationList.optional(),
  notNotifications: notificationList.optional(),
  visits: z.array(z.string().min(1)).optional(),
  notVisits: z.array(z.string().min(1)).optional(),
  deadlines: z.record(z.string(), z.enum(['met', 'missed'])).optional(),
});

const caseFileSchema = z.strictObject({
  title: z.string().min(1),
  model: z.string().min(1).optional(),
  receivedAt: z.string().optional(),
  case: caseSchema,
  durations: z.record(z.string(), durationText).optional(),
  /** Working hours per lane id, over the model's mashflow:staff hours: "24/7", "office", "Mon-Fri 09:00-17:00; Sat 10:00-12:00" or a scenario-style record. */
  hours: z.record(z.string(), z.union([z.string().min(1), z.record(z.string(), z.union([z.string(), z.array(z.string())]))])).optional(),
  expect: expectSchema.optional(),
});

export type CaseVariables = Record<string, unknown>;

export interface CaseExpectations {
  outcomes?: OutcomeWord[];
  notOutcomes?: OutcomeWord[];
  notifications?: NotificationWord[];
  notNotifications?: NotificationWord[];
  visits?: string[];
  notVisits?: string[];
  deadlines?: Record<string, 'met' | 'missed'>;
}

export interface CaseFile {
  file: string;
  title: string;
  /** As written in the file, relative to it. */
  model: string | undefined;
  /** Instant of receipt. Cases that give none are received on Monday 5 January 2026, 09:00. */
  receivedAt: number;
  /** The variables with the vocabulary's defaults filled in. */
  variables: CaseVariables;
  /** The variables as the file gives them, before defaults. */
  given: CaseVariables;
  durations: Record<string, number>;
  /** Working hours per lane id, as written; the run checks them against the model's lanes. */
  hours: Record<string, string | Record<string, string | string[]>>;
  expect: CaseExpectations;
}

export const defaultReceivedAt = '2026-01-05T09:00';

function parseDurationText(text: string): number | undefined {
  const short = /^(\d+(?:\.\d+)?)\s*(m|min|h|d)$/.exec(text.trim());
  if (short) return Number(short[1]) * { m: 1, min: 1, h: 60, d: 1440 }[short[2] as 'm' | 'min' | 'h' | 'd'];
  const ms = parseIsoDuration(text);
  return ms === undefined ? undefined : ms / 60_000;
}

/** Fills in defaults: agreedRisk follows dashRisk (no DASH counts as standard), booleans are false. */
export function withDefaults(given: CaseVariables): CaseVariables {
  const filled: CaseVariables = {};
  for (const name of variableNames) {
    const spec = variables[name];
    if (given[name] !== undefined) filled[name] = given[name];
    else if ('default' in spec) filled[name] = spec.default;
  }
  if (filled.agreedRisk === undefined && typeof filled.dashRisk === 'string') {
    filled.agreedRisk = filled.dashRisk === 'none' ? 'standard' : filled.dashRisk;
  }
  return filled;
}

function issueMessage(issue: z.core.$ZodIssue): string {
  const key = issue.path.at(-1);
  switch (issue.code) {
    case 'unrecognized_keys':
      return `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}; allowed here: ${allowedKeysAt(issue.path)}`;
    case 'invalid_value':
      return `${JSON.stringify(issue.input)} is not allowed; use one of: ${issue.values.map((value) => JSON.stringify(value)).join(', ')}`;
    case 'invalid_union':
      if (key === 'thresholdLevel') return `${JSON.stringify(issue.input)} is not allowed; use one of: 1, 2, 3, 4`;
      return issue.message;
    case 'invalid_type':
      return issue.input === undefined ? `is required (${issue.expected})` : `expected ${issue.expected}, got ${JSON.stringify(issue.input)}`;
    default:
      return issue.message;
  }
}

function allowedKeysAt(path: readonly PropertyKey[]): string {
  const where = path.join('.');
  if (where === '') return Object.keys(caseFileSchema.shape).join(', ');
  if (where === 'case') return variableNames.join(', ');
  if (where === 'expect') return Object.keys(expectSchema.shape).join(', ');
  if (/^case\.children\.\d+$/.test(where)) return 'age';
  return 'see the README';
}

/** Parses a case file's text; throws CaseFileError naming the file, the key and what is allowed. */
export function parseCaseFile(text: string, file: string): CaseFile {
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (error) {
    const where = error instanceof YAMLParseError && error.linePos ? `line ${error.linePos[0].line}` : '';
    throw new CaseFileError([{ code: 'case-invalid', file, path: where, message: `not valid YAML (${(error as Error).message.split('\n')[0]})` }]);
  }
  const result = caseFileSchema.safeParse(raw, { reportInput: true });
  if (!result.success) {
    const problems: Problem[] = result.error.issues.map((issue) => ({
      code: 'case-invalid',
      file,
      path: issue.path.join('.'),
      message: issueMessage(issue),
    }));
    throw new CaseFileError(problems);
  }
  const data = result.data;
  const receivedText = data.receivedAt ?? defaultReceivedAt;
  const receivedAt = parseLocalDateTime(receivedText);
  if (receivedAt === undefined) {
    throw new CaseFileError([
      { code: 'case-invalid', file, path: 'receivedAt', message: `"${receivedText}" is not a local date-time; write e.g. 2026-03-02T09:30 (Europe/London)` },
    ]);
  }
  const given = data.case as CaseVariables;
  return {
    file,
    title: data.title,
    model: data.model,
    receivedAt,
    variables: withDefaults(given),
    given,
    durations: data.durations ?? {},
    hours: data.hours ?? {},
    expect: (data.expect ?? {}) as CaseExpectations,
  };
}

export function safeParseCaseFile(text: string, file: string): SafeResult<CaseFile> {
  return safely(() => parseCaseFile(text, file));
}
