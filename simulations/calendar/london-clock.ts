/**
 * Europe/London local time for the simulator, fast: the same answers as engine/time.ts
 * (`localParts`, `fromLocal`) without an Intl call per conversion.
 *
 * Day numbers: a "local day" is the number of days since 1970-01-01 on the London calendar, so
 * local day 0 is Thursday 1 January 1970 and 2026-03-29 is day 20541. Instants are UTC epoch
 * milliseconds. Weekdays count from Sunday (0 = Sunday … 6 = Saturday), as `MeetingRule.days`
 * and `Date#getUTCDay` do.
 *
 * The offset changes (GMT/BST) are not written down here: the first time a year is needed, the
 * offset is read from Intl at every seventh UTC midnight of that year and every change found is
 * narrowed to the minute by bisection (about 80 Intl calls, ~1 ms, per year, once). From then on:
 *   - per UTC day: the offset at its start, the instant of a change within it (or +Infinity), the
 *     offset after that change, so `offsetAt(t)` is one array lookup and one comparison;
 *   - per local day: the same for wall-clock readings, so `fromLocalDay` is one lookup too.
 * Years are loaded on demand (with a year of margin either side) and the typed arrays rebuilt;
 * that happens a handful of times per process.
 *
 * Assumptions, true of London: offsets are whole minutes, change at whole minutes, at most once
 * a week, and never move a local midnight backwards (so a local day is one unbroken span of
 * instants).
 */

export const timeZone = 'Europe/London';

export const MINUTE = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;

// ---------------------------------------------------------------------------------------------
// Civil dates ⇄ day numbers (proleptic Gregorian, pure arithmetic; H. Hinnant's algorithms)

/** Day number (days since 1970-01-01) of a calendar date; month counted from 1. */
export function dayFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12; // March = 0
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

/** The calendar date of a day number; month counted from 1. */
export function civilFromDay(dayNumber: number): CivilDate {
  const z = dayNumber + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** 0 = Sunday … 6 = Saturday (day 0, 1970-01-01, was a Thursday). */
export function weekday(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

// ---------------------------------------------------------------------------------------------
// Offsets read from Intl, once per year

interface Transition {
  /** First instant with the new offset. */
  readonly at: number;
  readonly before: number;
  readonly after: number;
}

const intlFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
  hourCycle: 'h23',
});

/** UTC offset in ms at a whole-second instant, from Intl (slow: the source of truth). */
function intlOffset(instant: number): number {
  let year = 0;
  let month = 1;
  let day = 1;
  let hour = 0;
  let minute = 0;
  let second = 0;
  for (const part of intlFormat.formatToParts(new Date(instant))) {
    switch (part.type) {
      case 'year': year = Number(part.value); break;
      case 'month': month = Number(part.value); break;
      case 'day': day = Number(part.value); break;
      case 'hour': hour = Number(part.value); break;
      case 'minute': minute = Number(part.value); break;
      case 'second': second = Number(part.value); break;
      default: break;
    }
  }
  return Date.UTC(year, month - 1, day, hour, minute, second) - instant;
}

const transitionsByYear = new Map<number, readonly Transition[]>();

/** Days between Intl samples; two changes closer together than this would be missed. */
const sampleDays = 7;

/** The offset changes from 1 January `year` 00:00 UTC (exclusive) to 1 January `year + 1` (inclusive). */
function yearTransitions(year: number): readonly Transition[] {
  let found = transitionsByYear.get(year);
  if (found) return found;
  const list: Transition[] = [];
  const first = dayFromCivil(year, 1, 1);
  const last = dayFromCivil(year + 1, 1, 1);
  let previousInstant = first * DAY;
  let previous = intlOffset(previousInstant);
  for (let utcDay = first; utcDay < last; ) {
    utcDay = Math.min(utcDay + sampleDays, last);
    const instant = utcDay * DAY;
    const offset = intlOffset(instant);
    if (offset !== previous) {
      // The change lies in (previousInstant, instant]: narrow it to the first minute with the new offset.
      let low = previousInstant; // still `previous`
      let high = instant; // already `offset`
      while (high - low > MINUTE) {
        const middle = low + Math.floor((high - low) / 2 / MINUTE) * MINUTE;
        if (intlOffset(middle) === previous) low = middle;
        else high = middle;
      }
      list.push({ at: high, before: previous, after: offset });
    }
    previous = offset;
    previousInstant = instant;
  }
  found = list;
  transitionsByYear.set(year, found);
  return found;
}

// Tables over the loaded days. Index = day number - `base`. Lookups are valid for indices
// [1, length - 1): the first and last day are margin so edge days see every change near them.
let firstYear = 0;
let lastYear = -1;
let base = 0;
let length = 0;
/** Per UTC day: offset (ms) at its start, instant of a change within it (+Infinity if none), offset after. */
let utcOffsetStart = new Int32Array(0);
let utcSwitchAt = new Float64Array(0);
let utcOffsetAfter = new Int32Array(0);
/** Per local day: offset for wall readings before the threshold, the wall threshold (+Infinity if none), offset from it. */
let wallOffsetBefore = new Int32Array(0);
let wallSwitchAt = new Float64Array(0);
let wallOffsetAfter = new Int32Array(0);

/** Makes the tables cover the year of `dayNumber` with a year of margin either side. */
function load(dayNumber: number): void {
  if (!Number.isFinite(dayNumber)) throw new RangeError(`london-clock: ${dayNumber} is not a finite day or instant`);
  const year = civilFromDay(dayNumber).year;
  if (year < 1900 || year > 9000) throw new RangeError(`london-clock: year ${year} is outside 1900–9000`);
  const from = lastYear < firstYear ? year - 1 : Math.min(firstYear, year - 1);
  const to = lastYear < firstYear ? year + 1 : Math.max(lastYear, year + 1);
  const transitions: Transition[] = [];
  for (let y = from; y <= to; y++) transitions.push(...yearTransitions(y));

  const newBase = dayFromCivil(from, 1, 1);
  const newLength = dayFromCivil(to + 1, 1, 1) - newBase;
  const offsetStart = new Int32Array(newLength);
  const switchAt = new Float64Array(newLength).fill(Infinity);
  const offsetAfter = new Int32Array(newLength);
  const wallBefore = new Int32Array(newLength);
  const wallSwitch = new Float64Array(newLength).fill(Infinity);
  const wallAfter = new Int32Array(newLength);

  // Instants: walk UTC days and changes together.
  let offset = intlOffset(newBase * DAY);
  let next = 0;
  for (let i = 0; i < newLength; i++) {
    const dayStart = (newBase + i) * DAY;
    while (next < transitions.length && transitions[next]!.at <= dayStart) offset = transitions[next++]!.after;
    offsetStart[i] = offset;
    offsetAfter[i] = offset;
    const change = transitions[next];
    if (change && change.at < dayStart + DAY) {
      switchAt[i] = change.at;
      offsetAfter[i] = change.after;
      offset = change.after;
      next++;
      const another = transitions[next];
      if (another && another.at < dayStart + DAY) throw new Error(`london-clock: two offset changes on UTC day ${newBase + i} are not supported`);
    }
  }

  // Wall readings: a reading before `at + max(before, after)` uses the offset before the change.
  // That is engine/time.ts fromLocal's rule: in the autumn overlap the first (summer) reading,
  // in the spring gap the same clock time read in winter time.
  offset = intlOffset(newBase * DAY - 2 * DAY); // well before any wall reading on the first day
  next = 0;
  for (let i = 0; i < newLength; i++) {
    const wallStart = (newBase + i) * DAY;
    while (next < transitions.length && threshold(transitions[next]!) <= wallStart) offset = transitions[next++]!.after;
    wallBefore[i] = offset;
    wallAfter[i] = offset;
    const change = transitions[next];
    if (change && threshold(change) < wallStart + DAY) {
      wallSwitch[i] = threshold(change);
      wallAfter[i] = change.after;
      offset = change.after;
      next++;
    }
  }

  firstYear = from;
  lastYear = to;
  base = newBase;
  length = newLength;
  utcOffsetStart = offsetStart;
  utcSwitchAt = switchAt;
  utcOffsetAfter = offsetAfter;
  wallOffsetBefore = wallBefore;
  wallSwitchAt = wallSwitch;
  wallOffsetAfter = wallAfter;
}

function threshold(change: Transition): number {
  return change.at + Math.max(change.before, change.after);
}

// ---------------------------------------------------------------------------------------------
// Instants → local time

/** UTC offset (ms) of London at the instant: 0 in GMT, 3_600_000 in BST. */
export function offsetAt(instant: number): number {
  let i = Math.floor(instant / DAY) - base;
  if (!(i >= 1 && i < length - 1)) {
    load(Math.floor(instant / DAY));
    i = Math.floor(instant / DAY) - base;
  }
  return instant < utcSwitchAt[i]! ? utcOffsetStart[i]! : utcOffsetAfter[i]!;
}

/** Local day number of the instant (days since 1970-01-01 on the London calendar). */
export function localDay(instant: number): number {
  return Math.floor((instant + offsetAt(instant)) / DAY);
}

/** Minutes since local midnight as the London wall clock shows them (0…1439; seconds dropped). */
export function minuteOfDay(instant: number): number {
  const wall = instant + offsetAt(instant);
  return Math.floor((wall - Math.floor(wall / DAY) * DAY) / MINUTE);
}

/** Wall-clock milliseconds: the instant as if London time were UTC (day × DAY + time of day). */
export function wallTime(instant: number): number {
  return instant + offsetAt(instant);
}

export type { LocalParts } from '../../engine/time.ts';
import type { LocalParts } from '../../engine/time.ts';

/** The same as engine/time.ts `localParts`. */
export function localParts(instant: number): LocalParts {
  const wall = instant + offsetAt(instant);
  const dayNumber = Math.floor(wall / DAY);
  const minutes = Math.floor((wall - dayNumber * DAY) / MINUTE);
  const { year, month, day } = civilFromDay(dayNumber);
  return { year, month, day, hour: Math.floor(minutes / 60), minute: minutes % 60, weekday: weekday(dayNumber) };
}

// ---------------------------------------------------------------------------------------------
// Local time → instants

/**
 * The instant London's clock shows `minuteOfDay` minutes after midnight of the local day (minutes
 * outside 0…1439 roll into neighbouring days). Same rule as engine/time.ts `fromLocal`: in the
 * autumn overlap the first (BST) reading; in the spring gap the same clock time read as GMT
 * (29 March 2026 01:30 → 01:30 UTC, which the clock shows as 02:30 BST).
 */
export function fromLocalDay(dayNumber: number, minuteOfDay = 0): number {
  const wall = dayNumber * DAY + minuteOfDay * MINUTE;
  const wallDay = minuteOfDay >= 0 && minuteOfDay < 1440 ? dayNumber : Math.floor(wall / DAY);
  let i = wallDay - base;
  if (!(i >= 1 && i < length - 1)) {
    load(wallDay);
    i = wallDay - base;
  }
  return wall - (wall < wallSwitchAt[i]! ? wallOffsetBefore[i]! : wallOffsetAfter[i]!);
}

/** UTC instant of local midnight starting the day (its first instant). */
export function dayStart(dayNumber: number): number {
  return fromLocalDay(dayNumber, 0);
}

/** The same as engine/time.ts `fromLocal`. */
export function fromLocal(year: number, month: number, day: number, hour = 0, minute = 0): number {
  return fromLocalDay(dayFromCivil(year, month, day), hour * 60 + minute);
}

export interface OffsetSpan {
  /** First instant of the span. */
  readonly start: number;
  /** First instant after it. */
  readonly end: number;
  /** UTC offset (ms) throughout the span. */
  readonly offset: number;
}

/**
 * The instants of a local day, [dayStart(day), dayStart(day + 1)), cut where the offset changes:
 * one span on most days, two on the days the clocks change. Within a span the wall clock reads
 * `instant + offset`.
 */
export function localDaySpans(dayNumber: number): OffsetSpan[] {
  const start = dayStart(dayNumber);
  const end = dayStart(dayNumber + 1);
  const spans: OffsetSpan[] = [];
  let from = start;
  for (let utcDay = Math.floor(start / DAY); utcDay * DAY < end; utcDay++) {
    offsetAt(utcDay * DAY); // loads the day if needed
    const change = utcSwitchAt[utcDay - base]!;
    if (change > from && change < end) {
      spans.push({ start: from, end: change, offset: offsetAt(from) });
      from = change;
    }
  }
  spans.push({ start: from, end, offset: offsetAt(from) });
  return spans;
}

/** The offset changes Intl reports for a year (for tests and reports). */
export function clockChanges(year: number): readonly { at: number; before: number; after: number }[] {
  return yearTransitions(year).filter((change) => change.at < dayFromCivil(year + 1, 1, 1) * DAY);
}
