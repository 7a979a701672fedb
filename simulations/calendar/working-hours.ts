/**
 * A team's working hours in Europe/London and arithmetic on its open time.
 *
 * Specs:
 *   '24/7'     always open, bank holidays included;
 *   'office'   Monday to Friday 09:00–17:00, closed on bank holidays. engine/time.ts fixes only
 *              the end of a working day (17:00, `workingDayEnd`); it implies no start (its
 *              working-days clock treats receipt at 03:00 on a working day as that day), so the
 *              09:00 start is this module's choice;
 *   a record   keys are days or day ranges, Mon..Sun in that order ('Mon-Thu', 'Fri', 'Sat,Sun'),
 *              values one or more ranges 'HH:MM-HH:MM' (end up to 24:00) as an array or a comma
 *              list, or 'closed'; days not named are closed. `bankHolidays: 'open'` keeps the
 *              team's usual hours on bank holidays (default 'closed'). A bank holiday that falls
 *              on a weekend (Christmas Day 2027, a Saturday) closes a team open that day too.
 *              A record open 00:00–24:00 every day with bank holidays open is read as '24/7'.
 *              e.g. { 'Mon-Thu': '08:30-17:00', Fri: '08:30-16:30' }.
 *
 * Open means the London wall clock shows a time inside one of the day's ranges. On the days the
 * clocks change that is decided reading by reading: a range across the spring gap is an hour
 * shorter in real time, one across the autumn overlap an hour longer, and a range inside the
 * repeated hour (01:00–02:00 on the last Sunday of October) is open twice. Ordinary office hours
 * never meet this.
 *
 * Cache: per local day, lazily, the day's open intervals as UTC instants plus the day's total
 * open milliseconds, in one flat Float64Array of fixed-size slots indexed by local day number −
 * base (no object per day). A '24/7' calendar keeps no tables: plain arithmetic.
 */
import { DAY, MINUTE, dayStart, localDay, localDaySpans } from './london-clock.ts';
import { isBankHoliday } from './working-days.ts';

/** Open ranges of one weekday, minutes after midnight, [start, end) pairs, sorted, disjoint. */
export type DayRanges = readonly (readonly [number, number])[];

export type WorkingHours =
  | { readonly kind: '24/7' }
  | {
      readonly kind: 'weekly';
      /** Index 0 = Sunday … 6 = Saturday. */
      readonly week: readonly DayRanges[];
      readonly bankHolidays: 'open' | 'closed';
    };

/** What `parseWorkingHours` reads (YAML or code); anything else gets a message. */
export type WorkingHoursSpec = '24/7' | 'office' | { readonly [daysOrBankHolidays: string]: string | readonly string[] };

/**
 * Hours as written on a lane's mashflow:staff ("24/7", "office", "Mon-Thu 08:30-17:00; Fri
 * 08:30-16:30") into the record form a scenario uses; parseWorkingHours checks the result.
 */
export function hoursFromText(text: string): WorkingHoursSpec {
  const trimmed = text.trim();
  if (!trimmed.includes(' ')) return trimmed as WorkingHoursSpec;
  const record: Record<string, string> = {};
  for (const part of trimmed.split(';')) {
    const [days, ...ranges] = part.trim().split(/\s+/);
    if (days) record[days] = ranges.join(',');
  }
  return record;
}

export type ParsedWorkingHours = { ok: true; hours: WorkingHours } | { ok: false; message: string };

const dayNames = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const fullDayNames = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
/** Position in a Monday-first week, for ranges such as 'Mon-Thu'. */
const mondayFirst = (day: number) => (day + 6) % 7;

function dayIndex(word: string): number {
  const lower = word.trim().toLowerCase();
  const short = dayNames.findIndex((name) => name.toLowerCase() === lower);
  return short >= 0 ? short : fullDayNames.indexOf(lower);
}

const example = `e.g. { "Mon-Thu": "08:30-17:00", "Fri": "08:30-16:30" }`;

/** Reads a day key into weekday numbers (0 = Sunday), or a message. */
function readDays(key: string): number[] | string {
  const days: number[] = [];
  for (const item of key.split(',')) {
    const ends = item.split(/[-–]/);
    if (ends.length > 2 || ends.some((end) => dayIndex(end) < 0)) {
      return `working hours: key "${key}" is not a day or day range; use Mon, Tue, Wed, Thu, Fri, Sat, Sun, ranges such as "Mon-Thu", or bankHolidays (${example})`;
    }
    const from = dayIndex(ends[0]!);
    const to = dayIndex(ends[ends.length - 1]!);
    if (mondayFirst(to) < mondayFirst(from)) {
      return `working hours: key "${key}" runs backwards; a day range goes Mon to Sun, e.g. "Fri-Sun" (use two keys for a range across Sunday night)`;
    }
    for (let position = mondayFirst(from); position <= mondayFirst(to); position++) days.push((position + 1) % 7);
  }
  return days;
}

const timeRange = /^(\d{1,2}):(\d{2})\s*[-–]\s*(\d{1,2}):(\d{2})$/;

/** Reads one day's value into sorted disjoint minute ranges, or a message. */
function readRanges(key: string, value: unknown): [number, number][] | string {
  const shown = JSON.stringify(value);
  let items: string[];
  if (typeof value === 'string') items = value.split(',');
  else if (Array.isArray(value) && value.every((item) => typeof item === 'string')) items = (value as string[]).flatMap((item) => item.split(','));
  else return `working hours: "${key}": ${shown} should be a time range such as "08:30-17:00", a list of them, or "closed"`;
  items = items.map((item) => item.trim()).filter(Boolean);
  if (items.length === 1 && items[0]!.toLowerCase() === 'closed') return [];
  const ranges: [number, number][] = [];
  for (const item of items) {
    const match = timeRange.exec(item);
    if (!match) return `working hours: "${key}": "${item}" is not a time range such as "08:30-17:00" (24-hour HH:MM-HH:MM)`;
    const [startHour, startMinute, endHour, endMinute] = match.slice(1).map(Number) as [number, number, number, number];
    const start = startHour * 60 + startMinute;
    const end = endHour * 60 + endMinute;
    if (startMinute > 59 || endMinute > 59 || start >= 1440 || end > 1440) {
      return `working hours: "${key}": "${item}" is not a time of day (00:00 to 23:59, or 24:00 as an end)`;
    }
    if (end <= start) {
      return `working hours: "${key}": "${item}" ends before it starts; split a shift across midnight over two days, e.g. { "Mon": "22:00-24:00", "Tue": "00:00-06:00" }`;
    }
    ranges.push([start, end]);
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range[0] < last[1]) {
      return `working hours: "${key}": ${formatRange(last)} and ${formatRange(range)} overlap`;
    }
    if (last && range[0] === last[1]) last[1] = range[1];
    else merged.push([range[0], range[1]]);
  }
  return merged;
}

function formatRange([start, end]: readonly [number, number]): string {
  const time = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  return `"${time(start)}-${time(end)}"`;
}

const officeDay: DayRanges = [[9 * 60, 17 * 60]];
const office: WorkingHours = { kind: 'weekly', week: [[], officeDay, officeDay, officeDay, officeDay, officeDay, []], bankHolidays: 'closed' };

/** Reads a working-hours spec; the message names the bad key or value. */
export function parseWorkingHours(spec: unknown): ParsedWorkingHours {
  if (spec === '24/7') return { ok: true, hours: { kind: '24/7' } };
  if (spec === 'office') return { ok: true, hours: office };
  if (typeof spec !== 'object' || spec === null || Array.isArray(spec)) {
    return { ok: false, message: `working hours: ${JSON.stringify(spec) ?? String(spec)} is not known; use "24/7", "office" or a record of days and hours, ${example}` };
  }
  const week: [number, number][][] = [[], [], [], [], [], [], []];
  const givenBy: (string | undefined)[] = [];
  let bankHolidays: 'open' | 'closed' = 'closed';
  for (const [key, value] of Object.entries(spec)) {
    if (key === 'bankHolidays') {
      if (value !== 'open' && value !== 'closed') return { ok: false, message: `working hours: bankHolidays: ${JSON.stringify(value)} should be "open" or "closed"` };
      bankHolidays = value;
      continue;
    }
    const days = readDays(key);
    if (typeof days === 'string') return { ok: false, message: days };
    const ranges = readRanges(key, value);
    if (typeof ranges === 'string') return { ok: false, message: ranges };
    for (const day of days) {
      const earlier = givenBy[day];
      if (earlier !== undefined) {
        const where = earlier === key ? `twice in "${key}"` : `twice, in "${earlier}" and "${key}"`;
        return { ok: false, message: `working hours: ${dayNames[day]} is given ${where}` };
      }
      givenBy[day] = key;
      week[day] = ranges.map(([start, end]) => [start, end]);
    }
  }
  if (week.every((ranges) => ranges.length === 0)) {
    return { ok: false, message: `working hours: no day has open hours; ${example}` };
  }
  if (bankHolidays === 'open' && week.every((ranges) => ranges.length === 1 && ranges[0]![0] === 0 && ranges[0]![1] === 1440)) {
    return { ok: true, hours: { kind: '24/7' } };
  }
  return { ok: true, hours: { kind: 'weekly', week, bankHolidays } };
}

/** Longest closed stretch searched before giving up (a spec has at least one open weekday). */
const searchDays = 400;
const unbuilt = -1;

export class TeamCalendar {
  readonly hours: WorkingHours;
  private readonly alwaysOpen: boolean;
  private readonly week: readonly DayRanges[];
  private readonly closedOnBankHolidays: boolean;
  /**
   * The day cache, one flat array: the slot of local day `base + i` starts at `i * stride` and
   * holds [bounds used (unbuilt = -1), open ms in the day, start0, end0, start1, end1, …].
   * A range can fall into both readings of the autumn repeated hour, so a day has at most twice
   * as many intervals as its weekday has ranges.
   */
  private readonly stride: number;
  private base = 0;
  private days = 0;
  private slots = new Float64Array(0);

  constructor(hours: WorkingHours) {
    this.hours = hours;
    this.alwaysOpen = hours.kind === '24/7';
    this.week = hours.kind === 'weekly' ? hours.week : [];
    this.closedOnBankHolidays = hours.kind === 'weekly' && hours.bankHolidays === 'closed';
    this.stride = 2 + 4 * Math.max(0, ...this.week.map((ranges) => ranges.length));
  }

  /** Parses the spec and builds the calendar; throws the parse message if the spec is bad. */
  static from(spec: unknown): TeamCalendar {
    const parsed = parseWorkingHours(spec);
    if (!parsed.ok) throw new Error(parsed.message);
    return new TeamCalendar(parsed.hours);
  }

  /** Open intervals of the local day as UTC instants: [start0, end0, start1, end1, …] (a copy). */
  openIntervals(day: number): Float64Array {
    if (this.alwaysOpen) return Float64Array.of(dayStart(day), dayStart(day + 1));
    const at = this.slot(day);
    return this.slots.slice(at + 2, at + 2 + this.slots[at]!);
  }

  /** Where the day's slot starts in `slots`, building it first if needed. */
  private slot(day: number): number {
    const i = day - this.base;
    if (i >= 0 && i < this.days) {
      const at = i * this.stride;
      if (this.slots[at]! >= 0) return at;
    }
    return this.build(day);
  }

  private build(day: number): number {
    if (!Number.isFinite(day)) throw new RangeError(`TeamCalendar: ${day} is not a finite day`);
    this.reserve(day);
    const at = (day - this.base) * this.stride;
    const slots = this.slots;
    const ranges = this.week[(((day + 4) % 7) + 7) % 7] ?? [];
    let used = 0;
    let total = 0;
    if (ranges.length > 0 && !(this.closedOnBankHolidays && isBankHoliday(day))) {
      const wallDayStart = day * DAY;
      // Instants whose wall reading (instant + offset) falls in a range, span by span.
      for (const span of localDaySpans(day)) {
        for (const [from, to] of ranges) {
          const start = Math.max(span.start, wallDayStart + from * MINUTE - span.offset);
          const end = Math.min(span.end, wallDayStart + to * MINUTE - span.offset);
          if (end <= start) continue;
          total += end - start;
          const lastEnd = at + 2 + used - 1;
          if (used > 0 && start <= slots[lastEnd]!) {
            total -= Math.min(end, slots[lastEnd]!) - start; // touching spans: do not count twice
            slots[lastEnd] = Math.max(end, slots[lastEnd]!);
          } else {
            slots[at + 2 + used] = start;
            slots[at + 3 + used] = end;
            used += 2;
          }
        }
      }
    }
    slots[at] = used;
    slots[at + 1] = total;
    return at;
  }

  /** Makes the cache cover the day (a year either side when it grows). */
  private reserve(day: number): void {
    if (day - this.base >= 0 && day - this.base < this.days) return;
    const from = this.days === 0 ? day - 366 : Math.min(this.base, day - 366);
    const to = this.days === 0 ? day + 731 : Math.max(this.base + this.days, day + 366);
    const slots = new Float64Array((to - from) * this.stride).fill(unbuilt);
    if (this.days > 0) slots.set(this.slots, (this.base - from) * this.stride);
    this.base = from;
    this.days = to - from;
    this.slots = slots;
  }

  isOpen(t: number): boolean {
    if (this.alwaysOpen) return true;
    const at = this.slot(localDay(t));
    const slots = this.slots;
    const end = at + 2 + slots[at]!;
    for (let k = at + 2; k < end; k += 2) {
      if (t < slots[k]!) return false;
      if (t < slots[k + 1]!) return true;
    }
    return false;
  }

  /** The first open instant at or after t (t itself if open). */
  nextOpen(t: number): number {
    if (this.alwaysOpen) return t;
    const first = localDay(t);
    for (let day = first; day < first + searchDays; day++) {
      const at = this.slot(day);
      const slots = this.slots;
      const end = at + 2 + slots[at]!;
      for (let k = at + 2; k < end; k += 2) {
        if (t < slots[k + 1]!) return Math.max(t, slots[k]!);
      }
    }
    throw new Error(`TeamCalendar: not open within ${searchDays} days of ${new Date(t).toISOString()}`);
  }

  /**
   * The instant by which `minutes` of open time have passed since t, counting from nextOpen(t) if
   * the team is closed at t. Ending exactly at a closing time gives that closing time.
   */
  addWorkingMinutes(t: number, minutes: number): number {
    if (!(minutes >= 0)) throw new RangeError(`addWorkingMinutes: minutes must be 0 or more, not ${minutes}`);
    if (this.alwaysOpen) return t + minutes * MINUTE;
    let remaining = minutes * MINUTE;
    const first = localDay(t);
    for (let day = first, closedDays = 0; closedDays < searchDays; day++) {
      const at = this.slot(day);
      const slots = this.slots;
      const used = slots[at]!;
      if (used === 0) {
        closedDays++;
        continue;
      }
      closedDays = 0;
      // Skip a whole day in one step when t is before it and it cannot finish the work.
      if (day > first && remaining > slots[at + 1]!) {
        remaining -= slots[at + 1]!;
        continue;
      }
      const end = at + 2 + used;
      for (let k = at + 2; k < end; k += 2) {
        const close = slots[k + 1]!;
        if (t >= close) continue;
        const open = Math.max(t, slots[k]!);
        if (remaining <= close - open) return open + remaining;
        remaining -= close - open;
      }
    }
    throw new Error(`TeamCalendar: not open within ${searchDays} days after ${new Date(t).toISOString()}`);
  }

  /** Open minutes in [a, b); negative if b is before a. Fractional if the instants are. */
  openMinutesBetween(a: number, b: number): number {
    if (b < a) return -this.openMinutesBetween(b, a);
    if (this.alwaysOpen) return (b - a) / MINUTE;
    let total = 0;
    const last = localDay(b);
    for (let day = localDay(a); day <= last; day++) {
      const at = this.slot(day);
      const slots = this.slots;
      const used = slots[at]!;
      if (used === 0) continue;
      const end = at + 2 + used;
      if (a <= slots[at + 2]! && slots[end - 1]! <= b) {
        total += slots[at + 1]!;
        continue;
      }
      for (let k = at + 2; k < end; k += 2) {
        const open = Math.max(a, slots[k]!);
        const close = Math.min(b, slots[k + 1]!);
        if (close > open) total += close - open;
      }
    }
    return total / MINUTE;
  }
}
