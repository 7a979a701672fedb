/**
 * Time as the procedures state it: Europe/London local time (read and written with Intl), and the
 * deadline and meeting rules as a model writes them. The arithmetic on them (working days, office
 * hours, sittings, lanes' hours) has one home that both executors use: simulations/calendar/.
 * test/oracles/time-oracle.ts keeps an independent, plainly written version to test it against.
 */

export const timeZone = 'Europe/London';

/**
 * When a working day ends. Assumed 17:00: Derby's out-of-hours Careline starts then (seed 004).
 * Per-team office hours belong to the simulator's calendars.
 */
export const workingDayEnd = { hour: 17, minute: 0 };

export interface DeadlineRule {
  readonly name: string;
  /** As written in the model, for messages: PT24H, P3D… */
  readonly within: string;
  readonly clock: 'elapsed' | 'working-days' | 'working-hours';
  /** elapsed and working-hours: milliseconds; working-days: whole working days after the day the clock starts. */
  readonly amount: number;
  /**
   * Where the clock starts. Absent: at receipt (the case's receivedAt, the incident's arrival).
   * Otherwise when the element `element` starts (work on it begins: a meeting's item is taken, a
   * person starts it) or ends (it completes), as `at` says.
   */
  readonly from?: { readonly element: string; readonly at: 'start' | 'end' };
}

export interface MeetingRule {
  readonly name: string;
  /** Days of the week the meeting sits, 0 = Sunday. */
  readonly days: readonly number[];
  readonly hour: number;
  readonly minute: number;
}

const weekdays = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const isoDuration = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?)?$/;

/** Reads an ISO 8601 duration of days, hours and minutes (PT24H, P3D, PT90M) into milliseconds. */
export function parseIsoDuration(text: string): number | undefined {
  const match = isoDuration.exec(text.trim());
  if (!match || text.trim() === 'P' || text.trim().endsWith('T')) return undefined;
  const [, days = '0', hours = '0', minutes = '0'] = match;
  return ((Number(days) * 24 + Number(hours)) * 60 + Number(minutes)) * 60_000;
}

interface DeadlineAttributes {
  name?: unknown;
  within?: unknown;
  clock?: unknown;
  from?: unknown;
  at?: unknown;
}

/** Reads from= and at=; the loader checks that the element exists and lies on every path. */
function parseClockStart(name: string, attributes: DeadlineAttributes): DeadlineRule['from'] | string {
  const element = String(attributes.from ?? '').trim();
  const at = String(attributes.at ?? 'start').trim() || 'start';
  if (!element) {
    return attributes.at === undefined ? undefined : `deadline "${name}": at="${at}" needs from="<element id>" (the clock starts at receipt otherwise)`;
  }
  if (at !== 'start' && at !== 'end') return `deadline "${name}": at="${at}" is not known; use start (when work on ${element} begins) or end (when it completes)`;
  return { element, at };
}

export function parseDeadline(attributes: DeadlineAttributes): DeadlineRule | string {
  const rule = parseDeadlineSpan(attributes);
  if (typeof rule === 'string') return rule;
  const from = parseClockStart(rule.name, attributes);
  if (typeof from === 'string') return from;
  return from ? { ...rule, from } : rule;
}

function parseDeadlineSpan(attributes: DeadlineAttributes): DeadlineRule | string {
  const name = String(attributes.name ?? '').trim();
  const within = String(attributes.within ?? '').trim();
  const clock = String(attributes.clock ?? 'elapsed');
  if (!name) return 'mashflow:deadline needs a name, e.g. name="Indexed within 24 hours of receipt"';
  if (clock === 'elapsed') {
    const amount = parseIsoDuration(within);
    if (amount === undefined) return `deadline "${name}": within="${within}" is not an ISO 8601 duration such as PT24H or P3D`;
    return { name, within, clock, amount };
  }
  if (clock === 'working-days') {
    const match = /^P(\d+)D$/.exec(within);
    if (!match) return `deadline "${name}": a working-days deadline needs within="P<n>D" (P0D is the same working day)`;
    return { name, within, clock, amount: Number(match[1]) };
  }
  if (clock === 'working-hours') {
    const amount = parseIsoDuration(within);
    if (amount === undefined) return `deadline "${name}": a working-hours deadline needs within="PT<n>H" (office hours, Mon-Fri 09:00-17:00 without bank holidays)`;
    return { name, within, clock, amount };
  }
  return `deadline "${name}": clock="${clock}" is not known; use elapsed, working-days or working-hours`;
}

interface MeetingAttributes {
  name?: unknown;
  days?: unknown;
  time?: unknown;
}

export function parseMeeting(attributes: MeetingAttributes): MeetingRule | string {
  const name = String(attributes.name ?? '').trim();
  if (!name) return 'mashflow:meeting needs a name, e.g. name="Standard-risk DA triage"';
  const dayWords = String(attributes.days ?? '').split(/[\s,]+/).filter(Boolean);
  const days = dayWords.map((word) => weekdays.findIndex((day) => day.toLowerCase() === word.slice(0, 3).toLowerCase()));
  if (dayWords.length === 0 || days.includes(-1)) {
    return `meeting "${name}": days="${String(attributes.days ?? '')}" should list weekdays, e.g. days="Tue Fri"`;
  }
  const time = /^(\d{1,2}):(\d{2})$/.exec(String(attributes.time ?? ''));
  if (!time || Number(time[1]) > 23 || Number(time[2]) > 59) {
    return `meeting "${name}": time="${String(attributes.time ?? '')}" should be a 24-hour local time, e.g. time="10:00"`;
  }
  return { name, days: [...new Set(days)].sort(), hour: Number(time[1]), minute: Number(time[2]) };
}

export interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  weekday: number;
}

const localFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

export function localParts(instant: number): LocalParts {
  const parts: Record<string, number> = {};
  for (const part of localFormat.formatToParts(new Date(instant))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const { year = 0, month = 1, day = 1, hour = 0, minute = 0 } = parts;
  return { year, month, day, hour, minute, weekday: new Date(Date.UTC(year, month - 1, day)).getUTCDay() };
}

/** The instant of a London wall-clock time. In the autumn overlap the first (summer) reading wins. */
export function fromLocal(year: number, month: number, day: number, hour = 0, minute = 0): number {
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  // London is UTC+1 or UTC+0: try summer time first, so an hour that happens twice reads as BST.
  for (const offsetHours of [1, 0]) {
    const candidate = wall - offsetHours * 3_600_000;
    const seen = localParts(candidate);
    if (Date.UTC(seen.year, seen.month - 1, seen.day, seen.hour, seen.minute) === wall) return candidate;
  }
  // The spring-forward gap (01:00–01:59 does not exist): read it as the same clock time in GMT.
  return wall;
}

const localDateTime = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/;

/** Reads "2026-03-02T09:30" as London local time. Returns undefined if it is not such a string. */
export function parseLocalDateTime(text: string): number | undefined {
  const match = localDateTime.exec(text.trim());
  if (!match) return undefined;
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59) return undefined;
  const instant = fromLocal(y, mo, d, h, mi);
  const back = localParts(instant);
  if (back.day !== d) return undefined; // 31 February and the like
  return instant;
}

export function formatLocal(instant: number): string {
  const p = localParts(instant);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}`;
}
