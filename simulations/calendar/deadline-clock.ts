/**
 * Deadlines for the simulator: engine/time.ts `deadlineDue` without Intl, plus a 'working-hours'
 * clock that counts a team's open time.
 *
 * 'working-days' is answered from the working-day tables of working-days.ts: receipt before
 * 17:00 on local day d counts from the first working day at or after d, receipt at or after 17:00
 * from the first at or after d + 1, and the due day is the n-th working day after that one, so
 * `due = 17:00 on workingDayFrom(d + (after17 ? 1 : 0), n)`: two array lookups and a
 * `fromLocalDay`, no loop and no per-call allocation.
 */
import { parseIsoDuration, workingDayEnd, type DeadlineRule } from '../../engine/time.ts';
import { DAY, MINUTE, fromLocalDay, wallTime } from './london-clock.ts';
import type { TeamCalendar } from './working-hours.ts';
import { workingDayFrom } from './working-days.ts';

/** A deadline counted in a team's open time: `amount` milliseconds of working hours. */
export interface WorkingHoursDeadlineRule {
  readonly name: string;
  /** As written, for messages: PT8H… */
  readonly within: string;
  readonly clock: 'working-hours';
  /** Milliseconds of open time. */
  readonly amount: number;
}

export type SimulationDeadlineRule = DeadlineRule | WorkingHoursDeadlineRule;

const endOfWorkingDay = workingDayEnd.hour * 60 + workingDayEnd.minute;

/** engine/time.ts `workingDaysDue`: 17:00 on the n-th working day after the day of receipt. */
export function workingDaysDueFast(receivedAt: number, workingDays: number): number {
  const wall = wallTime(receivedAt);
  const day = Math.floor(wall / DAY);
  const afterHours = wall - day * DAY >= endOfWorkingDay * MINUTE; // whole minutes, as localParts reads them
  return fromLocalDay(workingDayFrom(afterHours ? day + 1 : day, workingDays), endOfWorkingDay);
}

/** `minutes` of the team's open time after receipt (counting from its next opening if closed). */
export function workingHoursDue(calendar: TeamCalendar, receivedAt: number, minutes: number): number {
  return calendar.addWorkingMinutes(receivedAt, minutes);
}

/**
 * When the deadline falls due. For 'elapsed' and 'working-days' rules exactly engine/time.ts
 * `deadlineDue`; a 'working-hours' rule needs the calendar of the team whose open time it counts.
 */
export function deadlineDueFast(rule: DeadlineRule, receivedAt: number): number;
export function deadlineDueFast(rule: SimulationDeadlineRule, receivedAt: number, calendar: TeamCalendar): number;
export function deadlineDueFast(rule: SimulationDeadlineRule, receivedAt: number, calendar?: TeamCalendar): number {
  switch (rule.clock) {
    case 'elapsed':
      return receivedAt + rule.amount;
    case 'working-days':
      return workingDaysDueFast(receivedAt, rule.amount);
    case 'working-hours':
      if (!calendar) throw new Error(`deadline "${rule.name}": a working-hours deadline needs the team's calendar`);
      return calendar.addWorkingMinutes(receivedAt, rule.amount / 60_000);
  }
}

/**
 * A working-hours deadline from a name and an ISO 8601 duration of open time (PT8H, P1DT4H with
 * a day counted as 24 open hours, as parseIsoDuration reads it). A string is a problem message.
 */
export function parseWorkingHoursDeadline(name: string, within: string): WorkingHoursDeadlineRule | string {
  const trimmedName = name.trim();
  const trimmedWithin = within.trim();
  if (!trimmedName) return 'a working-hours deadline needs a name, e.g. "Screened within 8 working hours"';
  const amount = parseIsoDuration(trimmedWithin);
  if (amount === undefined) {
    return `deadline "${trimmedName}": within="${trimmedWithin}" is not an ISO 8601 duration of working hours such as PT8H or PT90M`;
  }
  return { name: trimmedName, within: trimmedWithin, clock: 'working-hours', amount };
}
