/**
 * England and Wales bank holidays: date-holidays' rules for GB, read with its own parser
 * (date-holidays-parser), from a copy of just the GB part of its data (england-holiday-rules.ts,
 * written by `npm run holidays:update`). The full table covers every country; loading it cost
 * each worker thread about 170 ms and the editor page about 1 MB.
 */
import HolidaysParser, { type HolidaysTypes } from 'date-holidays-parser';
import { englandHolidayRules } from './england-holiday-rules.ts';

/** The part of date-holidays' data that England's holidays need: the GB rules and the holiday names they use. */
export function englandRulesFrom(data: { version: string; license: string; holidays: Record<string, unknown>; names: Record<string, unknown> }) {
  return { version: data.version, license: data.license, holidays: { GB: data.holidays.GB }, names: data.names };
}

let england: HolidaysParser | undefined;

/** England (GB-ENG) public and bank holidays of a year, as date-holidays gives them. */
export function englandHolidays(year: number): HolidaysTypes.Holiday[] {
  england ??= new HolidaysParser(englandHolidayRules, 'GB', 'ENG');
  return england.getHolidays(year);
}
