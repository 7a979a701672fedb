/**
 * The bundled copy of date-holidays' GB rules (engine/england-holiday-rules.ts) against the
 * installed date-holidays: after an upgrade of date-holidays this fails until
 * `npm run holidays:update` refreshes the copy.
 */
import Holidays from 'date-holidays';
import { data } from 'date-holidays/data';
import { describe, expect, it } from 'vitest';
import { englandHolidays, englandRulesFrom } from '../../engine/bank-holidays.ts';
import { englandHolidayRules } from '../../engine/england-holiday-rules.ts';

describe('England bank holidays from the bundled GB rules', () => {
  it('given the installed date-holidays, when its GB rules are taken, then they equal the bundled copy (else run npm run holidays:update)', () => {
    expect(englandHolidayRules).toEqual(JSON.parse(JSON.stringify(englandRulesFrom(data))));
  });

  it('given every year from 1950 to 2100, when holidays are listed, then the bundled rules give what date-holidays gives for GB-ENG (all but the start and end instants)', () => {
    const library = new Holidays('GB', 'ENG');
    for (let year = 1950; year <= 2100; year++) {
      expect(englandHolidays(year), String(year)).toEqual(library.getHolidays(year).map(({ start: _start, end: _end, ...holiday }) => holiday));
    }
  });

  it('given 2026, then the England bank holidays are there: Easter Monday, the late summer holiday, and Boxing Day on a Saturday with its substitute on Monday 28 December', () => {
    const days = englandHolidays(2026)
      .filter((holiday) => holiday.type === 'public' || holiday.type === 'bank')
      .map((holiday) => holiday.date.slice(0, 10));
    expect(days).toEqual(['2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-26', '2026-12-28']);
  });
});
