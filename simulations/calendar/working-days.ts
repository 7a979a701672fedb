/**
 * England's working days by local day number, fast: weekends and bank holidays from date-holidays'
 * rules (engine/bank-holidays.ts: GB, ENG; types public and bank), the same source and the same filter as engine/time.ts
 * `isWorkingDay`, so `isWorkingDayNumber(d)` equals `isWorkingDay(year, month, day)`.
 *
 * Loaded a year at a time (with a year of margin) into three arrays over the loaded days:
 * `flags` (bank holiday, weekend), `rank` (how many working days come before each day) and
 * `list` (the working days in order). Then "the n-th working day at or after day d" is
 * `list[rank[d] + n]`: no loop.
 */
import { englandHolidays } from '../../engine/bank-holidays.ts';
import { civilFromDay, dayFromCivil, weekday } from './london-clock.ts';

const BANK_HOLIDAY = 1;
const WEEKEND = 2;

/** Day numbers of the year's bank holidays (including those that fall on a weekend). */
function bankHolidayDays(year: number): number[] {
  const days: number[] = [];
  for (const holiday of englandHolidays(year)) {
    if (holiday.type !== 'public' && holiday.type !== 'bank') continue;
    const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(holiday.date);
    if (!match) continue;
    // engine/time.ts looks a date up in its own year's list only; do the same.
    if (Number(match[1]) !== year) continue;
    days.push(dayFromCivil(year, Number(match[2]), Number(match[3])));
  }
  return days;
}

let firstYear = 0;
let lastYear = -1;
let base = 0;
let length = 0;
let flags = new Uint8Array(0);
/** rank[i]: working days in [base, base + i); length + 1 entries. */
let rank = new Int32Array(1);
/** The working days of the loaded range, in order. */
let list = new Int32Array(0);

function load(dayNumber: number): void {
  if (!Number.isFinite(dayNumber)) throw new RangeError(`working-days: ${dayNumber} is not a finite day`);
  const year = civilFromDay(dayNumber).year;
  if (year < 1900 || year > 9000) throw new RangeError(`working-days: year ${year} is outside 1900–9000`);
  const from = lastYear < firstYear ? year - 1 : Math.min(firstYear, year - 1);
  const to = lastYear < firstYear ? year + 1 : Math.max(lastYear, year + 1);
  const newBase = dayFromCivil(from, 1, 1);
  const newLength = dayFromCivil(to + 1, 1, 1) - newBase;
  const newFlags = new Uint8Array(newLength);
  for (let i = 0; i < newLength; i++) {
    const w = weekday(newBase + i);
    if (w === 0 || w === 6) newFlags[i] = WEEKEND;
  }
  for (let y = from; y <= to; y++) {
    for (const holiday of bankHolidayDays(y)) newFlags[holiday - newBase]! |= BANK_HOLIDAY;
  }
  const newRank = new Int32Array(newLength + 1);
  const working: number[] = [];
  for (let i = 0; i < newLength; i++) {
    newRank[i] = working.length;
    if (newFlags[i] === 0) working.push(newBase + i);
  }
  newRank[newLength] = working.length;
  firstYear = from;
  lastYear = to;
  base = newBase;
  length = newLength;
  flags = newFlags;
  rank = newRank;
  list = Int32Array.from(working);
}

function index(dayNumber: number): number {
  let i = dayNumber - base;
  if (!(i >= 0 && i < length)) {
    load(dayNumber);
    i = dayNumber - base;
  }
  return i;
}

/** A bank holiday in England (whatever the weekday; Christmas Day on a Saturday counts). */
export function isBankHoliday(dayNumber: number): boolean {
  const i = index(dayNumber); // before reading `flags`: loading replaces the array
  return (flags[i]! & BANK_HOLIDAY) !== 0;
}

/** Monday to Friday and not a bank holiday: engine/time.ts `isWorkingDay` by day number. */
export function isWorkingDayNumber(dayNumber: number): boolean {
  const i = index(dayNumber);
  return flags[i] === 0;
}

/**
 * The n-th working day after the first working day at or after `dayNumber` (n = 0: that first
 * working day itself).
 */
export function workingDayFrom(dayNumber: number, n: number): number {
  if (!(n >= 0)) throw new RangeError(`working-days: ${n} working days is not a count`);
  let i = index(dayNumber);
  while (rank[i]! + n >= list.length) {
    load(base + length + 1); // extend by the next year
    i = index(dayNumber);
  }
  return list[rank[i]! + n]!;
}
