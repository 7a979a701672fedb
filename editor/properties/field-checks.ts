/**
 * What the panel's fields accept, checked as the user types, and the conversions between a
 * field and the attribute text it edits. Each check returns a message for the entry or undefined.
 * The rules are the engine's and the simulator's own (parseDeadline, parseMeeting,
 * parseWorkingHours, checkDistribution), so the panel never disagrees with a run.
 */
import { checkDistribution, mean, type DistributionSpec } from '../../simulations/random/distributions.ts';

type EngineRules = typeof import('./engine-rules.ts');
let engineRules: EngineRules | undefined;

/**
 * The deadline, meeting and working-hours checks load with their rules (engine-rules.ts) just
 * after the page; until then they pass everything, and lint and the save still check the model.
 */
export const engineRulesReady: Promise<void> = import('./engine-rules.ts').then((rules) => {
  engineRules = rules;
});

export const durationKinds = ['fixed', 'uniform', 'triangular', 'exponential', 'lognormal', 'empirical'] as const;
export type DurationKind = (typeof durationKinds)[number];

export function isDurationKind(text: string): text is DurationKind {
  return (durationKinds as readonly string[]).includes(text);
}

/** The numbers each kind's attribute holds, in order (mashflow.json's Duration description); empirical is one list. */
export const durationParameters: Readonly<Record<DurationKind, readonly string[]>> = {
  fixed: ['Minutes'],
  uniform: ['Shortest (minutes)', 'Longest (minutes)'],
  triangular: ['Shortest (minutes)', 'Most likely (minutes)', 'Longest (minutes)'],
  exponential: ['Mean (minutes)'],
  lognormal: ['Mean (minutes)', 'Standard deviation (minutes)'],
  empirical: ['Observed times (minutes, separated by spaces)'],
};

export const durationKindLabels: Readonly<Record<DurationKind, string>> = {
  fixed: 'fixed (always the same)',
  uniform: 'uniform (shortest, longest)',
  triangular: 'triangular (shortest, likeliest, longest)',
  exponential: 'exponential (mean)',
  lognormal: 'lognormal (mean, sd)',
  empirical: 'empirical (observed times)',
};

/** The numbers of an attribute such as "10 20 40" (spaces or commas, as the simulator reads it). */
export function splitNumbers(text: string): string[] {
  return text.trim().split(/[\s,]+/).filter(Boolean);
}

/** The attribute text with the index-th number replaced (missing ones filled with 0). */
export function withNumber(text: string, index: number, value: string, count: number): string {
  const numbers = splitNumbers(text).slice(0, count);
  while (numbers.length < count) numbers.push('0');
  numbers[index] = value.trim();
  return numbers.join(' ');
}

export function checkMinutes(text: string | undefined): string | undefined {
  const trimmed = (text ?? '').trim();
  if (trimmed === '') return 'Enter a number of minutes.';
  const value = Number(trimmed);
  if (!Number.isFinite(value)) return `"${trimmed}" is not a number of minutes.`;
  if (value < 0) return 'Minutes cannot be negative.';
  return undefined;
}

export function checkMinutesList(text: string | undefined): string | undefined {
  const numbers = splitNumbers(text ?? '');
  if (numbers.length === 0) return 'Enter at least one number of minutes, e.g. 5 10 20.';
  for (const number of numbers) {
    const problem = checkMinutes(number);
    if (problem) return problem;
  }
  return undefined;
}

/** The distribution an attribute describes, as the simulator reads it (simulations/scenario/plan.ts), or why not. */
export function durationSpec(kind: DurationKind, text: string): DistributionSpec | string {
  const numbers = splitNumbers(text).map(Number);
  if (numbers.length === 0 || numbers.some((value) => !Number.isFinite(value))) return `${kind} needs minutes as numbers`;
  const wanted = kind === 'empirical' ? undefined : durationParameters[kind].length;
  if (wanted !== undefined && numbers.length !== wanted) return `${kind} needs ${wanted} number${wanted === 1 ? '' : 's'}, not ${numbers.length}`;
  switch (kind) {
    case 'fixed':
      return { fixed: numbers[0]! };
    case 'uniform':
      return { uniform: [numbers[0]!, numbers[1]!] };
    case 'triangular':
      return { triangular: [numbers[0]!, numbers[1]!, numbers[2]!] };
    case 'exponential':
      return { exponential: { mean: numbers[0]! } };
    case 'lognormal':
      return { lognormal: { mean: numbers[0]!, sd: numbers[1]! } };
    case 'empirical':
      return { empirical: numbers };
  }
}

/** The whole distribution's problem (an order such as min <= mode <= max), or undefined. */
export function checkDuration(kind: DurationKind, text: string): string | undefined {
  const spec = durationSpec(kind, text);
  return typeof spec === 'string' ? spec : checkDistribution(spec);
}

const round = (value: number) => String(Math.round(value * 10) / 10);

/**
 * Parameters for a newly chosen kind with the same mean as before (15 minutes when there was
 * none), so switching kind keeps the task's expected workload.
 */
export function durationTextFor(kind: DurationKind, previous?: { kind: DurationKind; text: string }): string {
  const spec = previous ? durationSpec(previous.kind, previous.text) : undefined;
  const average = spec && typeof spec !== 'string' && !checkDistribution(spec) && mean(spec) > 0 ? mean(spec) : 15;
  switch (kind) {
    case 'fixed':
    case 'exponential':
      return round(average);
    case 'uniform':
      return `${round(average / 2)} ${round(average * 1.5)}`;
    case 'triangular':
    case 'empirical':
      return `${round(average / 2)} ${round(average)} ${round(average * 1.5)}`;
    case 'lognormal':
      return `${round(average)} ${round(average / 3)}`;
  }
}

export const deadlineClocks = [
  { value: 'elapsed', label: 'elapsed time (round the clock)' },
  { value: 'working-days', label: 'working days (end of the n-th working day)' },
  { value: 'working-hours', label: 'working hours (Mon–Fri 09:00–17:00)' },
] as const;

export const deadlineWithinHelp: Readonly<Record<string, string>> = {
  elapsed: 'ISO 8601 duration from the clock\'s start: PT24H is 24 hours, P3D three days, PT90M 90 minutes.',
  'working-days': 'P<n>D: by the end of the n-th working day after the clock starts; P0D is the same working day.',
  'working-hours': 'PT<n>H: office hours counted from the clock\'s start, e.g. PT8H.',
};

/** Drops the engine message's 'deadline "…": ' or 'meeting "…": ' lead-in: the entry already says what it is about. */
function withoutLeadIn(message: string): string {
  const text = message.replace(/^(deadline|meeting) "[^"]*": /, '');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function checkName(text: string | undefined): string | undefined {
  return (text ?? '').trim() === '' ? 'Give it a name: reports and the trainer show it.' : undefined;
}

export function checkWithin(clock: string, within: string | undefined): string | undefined {
  if (!engineRules) return undefined;
  const parsed = engineRules.parseDeadline({ name: 'deadline', within: within ?? '', clock: clock || 'elapsed' });
  return typeof parsed === 'string' ? withoutLeadIn(parsed) : undefined;
}

export function checkMeetingDays(days: string | undefined): string | undefined {
  if (!engineRules) return undefined;
  const parsed = engineRules.parseMeeting({ name: 'meeting', days: days ?? '', time: '10:00' });
  return typeof parsed === 'string' ? withoutLeadIn(parsed) : undefined;
}

export function checkMeetingTime(time: string | undefined): string | undefined {
  if (!engineRules) return undefined;
  const parsed = engineRules.parseMeeting({ name: 'meeting', days: 'Mon', time: (time ?? '').trim() });
  return typeof parsed === 'string' ? withoutLeadIn(parsed) : undefined;
}

function wholeNumberAtLeastOne(text: string): boolean {
  return /^\d+$/.test(text) && Number(text) >= 1;
}

/** Empty is allowed: no limit on what a sitting takes. */
export function checkCapacity(text: string | undefined): string | undefined {
  const trimmed = (text ?? '').trim();
  if (trimmed === '' || wholeNumberAtLeastOne(trimmed)) return undefined;
  return 'Capacity is a whole number of items, 1 or more (leave it empty for no limit).';
}

export function checkStaffCount(text: string | undefined): string | undefined {
  const trimmed = (text ?? '').trim();
  if (wholeNumberAtLeastOne(trimmed)) return undefined;
  return trimmed === '' ? 'Enter how many people do the lane’s tasks.' : 'Staff is a whole number of people, 1 or more.';
}

/** Empty is allowed: the simulator then uses office hours. */
export function checkStaffHours(text: string | undefined): string | undefined {
  const trimmed = (text ?? '').trim();
  if (trimmed === '' || !engineRules) return undefined;
  const parsed = engineRules.parseWorkingHours(engineRules.hoursFromText(trimmed));
  return parsed.ok ? undefined : withoutLeadIn(parsed.message.replace(/^working hours: /, ''));
}
