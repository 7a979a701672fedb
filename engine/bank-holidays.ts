/**
 * England and Wales bank holidays: date-holidays' rules for GB, read with its own parser
 * (date-holidays-parser), from a copy of just the GB part of its data (england-holiday-rules.ts,
 * written by `npm run holidays:update`). The full table covers every country; loading it cost
 * each worker thread about 170 ms and the editor page about 1 MB.
 *
 * Only calendar dates are taken, with no time zone: the parser's start and end instants would need
 * moment-timezone's database, and nothing here reads them. England's rules are Gregorian dates and
 * Easter only, so the editor's bundles leave out moment-timezone and the parser's other calendars
 * (tools/bundling/lean-holidays.ts).
 */
import HolidaysParser, { type HolidaysTypes } from 'date-holidays-parser';
import { englandHolidayRules } from './england-holiday-rules.ts';

/** The part of date-holidays' data that England's holidays need: the GB rules and the holiday names they use. */
export function englandRulesFrom(data: { version: string; license: string; holidays: Record<string, unknown>; names: Record<string, unknown> }) {
  return { version: data.version, license: data.license, holidays: { GB: data.holidays.GB }, names: data.names };
}

/** A holiday as date-holidays gives it, without the start and end instants. */
export type EnglandHoliday = Omit<HolidaysTypes.Holiday, 'start' | 'end'>;

let england: HolidaysParser | undefined;

/** England (GB-ENG) public and bank holidays of a year, as date-holidays gives them: `date` is London's calendar date, "YYYY-MM-DD 00:00:00". */
export function englandHolidays(year: number): EnglandHoliday[] {
  if (!england) {
    england = new HolidaysParser(englandHolidayRules, 'GB', 'ENG');
    // No zone: the parser then leaves moment-timezone alone (its documented "local dates" mode;
    // the typings omit undefined). `date` is the same text either way.
    england.setTimezone(undefined as unknown as string);
  }
  return england.getHolidays(year).map(({ start: _start, end: _end, ...holiday }) => holiday);
}
