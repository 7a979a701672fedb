/**
 * The engine's and simulator's own readers of deadlines, meetings and working hours, which the
 * panel's checks use. They bring date-holidays (about 1 MB) with them, so field-checks.ts loads
 * this module after the page rather than with it.
 */
export { parseDeadline, parseMeeting } from '../../engine/time.ts';
export { hoursFromText, parseWorkingHours } from '../../simulations/calendar/working-hours.ts';
