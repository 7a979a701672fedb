/**
 * A test oracle: deadlines, working days and meeting sittings computed the plain way (Intl for
 * local time, date-holidays' rules for bank holidays, day by day), independently of the
 * executors' calendar (simulations/calendar/). Tests compare the two on many instants.
 */
import { englandHolidays } from '../../engine/bank-holidays.ts';
import { fromLocal, localParts, workingDayEnd, type DeadlineRule, type MeetingRule } from '../../engine/time.ts';

/** Office hours open at 09:00 (assumed: no seed gives a start), as the calendar's 'office' hours do. */
const workingDayStart = { hour: 9, minute: 0 };

const bankHolidaysByYear = new Map<number, Set<string>>();

function bankHolidays(year: number): Set<string> {
  let set = bankHolidaysByYear.get(year);
  if (!set) {
    set = new Set(
      englandHolidays(year)
        .filter((holiday) => holiday.type === 'public' || holiday.type === 'bank')
        .map((holiday) => holiday.date.slice(0, 10)),
    );
    bankHolidaysByYear.set(year, set);
  }
  return set;
}

export function isWorkingDay(year: number, month: number, day: number): boolean {
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  const key = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return !bankHolidays(year).has(key);
}

function nextDate(year: number, month: number, day: number): [number, number, number] {
  const next = new Date(Date.UTC(year, month - 1, day + 1));
  return [next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate()];
}

/**
 * The end of the n-th working day after the day of receipt. Receipt after the end of a working
 * day, or on a weekend or bank holiday, counts from the next working day.
 */
export function workingDaysDue(receivedAt: number, workingDays: number): number {
  const local = localParts(receivedAt);
  let date: [number, number, number] = [local.year, local.month, local.day];
  const afterHours = local.hour * 60 + local.minute >= workingDayEnd.hour * 60 + workingDayEnd.minute;
  if (afterHours || !isWorkingDay(...date)) {
    do date = nextDate(...date);
    while (!isWorkingDay(...date));
  }
  for (let counted = 0; counted < workingDays; ) {
    date = nextDate(...date);
    if (isWorkingDay(...date)) counted++;
  }
  return fromLocal(...date, workingDayEnd.hour, workingDayEnd.minute);
}

/** `amount` ms of office hours (working days 09:00–17:00) from receipt, starting at the next opening if closed. */
export function workingHoursDue(receivedAt: number, amount: number): number {
  let remaining = amount;
  let from = receivedAt;
  const local = localParts(receivedAt);
  let date: [number, number, number] = [local.year, local.month, local.day];
  for (let day = 0; day < 3660; day++) {
    if (isWorkingDay(...date)) {
      const open = fromLocal(...date, workingDayStart.hour, workingDayStart.minute);
      const close = fromLocal(...date, workingDayEnd.hour, workingDayEnd.minute);
      const start = Math.max(from, open);
      if (start < close) {
        if (remaining <= close - start) return start + remaining;
        remaining -= close - start;
      }
    }
    date = nextDate(...date);
    from = fromLocal(...date, 0, 0);
  }
  throw new RangeError('a working-hours deadline more than ten years away');
}

/** When the deadline falls, for a clock that started at `startsAt` (receipt, or its from= element). */
export function deadlineDue(rule: DeadlineRule, startsAt: number): number {
  const receivedAt = startsAt;
  switch (rule.clock) {
    case 'elapsed':
      return receivedAt + rule.amount;
    case 'working-days':
      return workingDaysDue(receivedAt, rule.amount);
    case 'working-hours':
      return workingHoursDue(receivedAt, rule.amount);
  }
}

/** The first sitting of the meeting at or after the instant. Meetings do not sit on bank holidays. */
export function nextSitting(rule: MeetingRule, after: number): number {
  const local = localParts(after);
  let date: [number, number, number] = [local.year, local.month, local.day];
  for (let i = 0; i < 30; i++) {
    const weekday = new Date(Date.UTC(date[0], date[1] - 1, date[2])).getUTCDay();
    if (rule.days.includes(weekday) && isWorkingDay(...date)) {
      const sitting = fromLocal(...date, rule.hour, rule.minute);
      if (sitting >= after) return sitting;
    }
    date = nextDate(...date);
  }
  throw new Error(`meeting "${rule.name}" has no sitting within 30 days`);
}
