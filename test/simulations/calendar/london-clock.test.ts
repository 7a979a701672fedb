import { describe, expect, it } from 'vitest';
import { formatLocal } from '../../../engine/time.ts';
import {
  civilFromDay,
  clockChanges,
  dayFromCivil,
  dayStart,
  fromLocal,
  fromLocalDay,
  localDay,
  localDaySpans,
  localParts,
  minuteOfDay,
  offsetAt,
  weekday,
} from '../../../simulations/calendar/london-clock.ts';

const hour = 3_600_000;

/** UTC instant, months counted from 1. */
function utc(year: number, month: number, day: number, h = 0, m = 0): number {
  return Date.UTC(year, month - 1, day, h, m);
}

const spring = dayFromCivil(2026, 3, 29);
const autumn = dayFromCivil(2026, 10, 25);

describe('day numbers and weekdays', () => {
  it('given 1970-01-01 and the 2026 clock-change Sundays, when numbered, then they are days 0, 20541 and 20751 and read back', () => {
    expect(dayFromCivil(1970, 1, 1)).toBe(0);
    expect(spring).toBe(20541);
    expect(autumn).toBe(20751);
    expect(civilFromDay(spring)).toEqual({ year: 2026, month: 3, day: 29 });
    expect(civilFromDay(dayFromCivil(2028, 2, 29))).toEqual({ year: 2028, month: 2, day: 29 });
    expect(civilFromDay(-1)).toEqual({ year: 1969, month: 12, day: 31 });
  });

  it('given day numbers, when asked the weekday, then 0 is Sunday as in MeetingRule.days', () => {
    expect(weekday(0)).toBe(4); // Thursday 1 January 1970
    expect(weekday(spring)).toBe(0);
    expect(weekday(dayFromCivil(2026, 4, 3))).toBe(5); // Good Friday
    expect(weekday(-1)).toBe(3);
  });
});

describe('the 2026 clock changes, as Intl reports them', () => {
  it('given 2026, when its changes are derived from Intl, then BST starts 29 March 01:00 UTC and ends 25 October 01:00 UTC', () => {
    expect(clockChanges(2026)).toEqual([
      { at: utc(2026, 3, 29, 1, 0), before: 0, after: hour },
      { at: utc(2026, 10, 25, 1, 0), before: hour, after: 0 },
    ]);
  });

  it('given instants either side of each change, when the offset is read, then it switches exactly at 01:00 UTC', () => {
    expect(offsetAt(utc(2026, 3, 29, 1, 0) - 1)).toBe(0);
    expect(offsetAt(utc(2026, 3, 29, 1, 0))).toBe(hour);
    expect(offsetAt(utc(2026, 10, 25, 1, 0) - 1)).toBe(hour);
    expect(offsetAt(utc(2026, 10, 25, 1, 0))).toBe(0);
  });
});

describe('29 March 2026: the spring change (01:00 GMT becomes 02:00 BST)', () => {
  it('given the minutes either side of the change, when minuteOfDay is read, then 00:59 is followed by 02:00', () => {
    expect(minuteOfDay(utc(2026, 3, 29, 0, 59))).toBe(59);
    expect(minuteOfDay(utc(2026, 3, 29, 1, 0))).toBe(120);
    expect(minuteOfDay(utc(2026, 3, 29, 1, 0) - 1)).toBe(59); // seconds dropped, as localParts does
    expect(localDay(utc(2026, 3, 29, 1, 0))).toBe(spring);
  });

  it('given the day and the next, when dayStart is asked, then the Sunday starts at 00:00 UTC and lasts 23 hours', () => {
    expect(dayStart(spring)).toBe(utc(2026, 3, 29, 0, 0));
    expect(dayStart(spring + 1)).toBe(utc(2026, 3, 29, 23, 0));
    expect(dayStart(spring + 1) - dayStart(spring)).toBe(23 * hour);
    expect(localDay(utc(2026, 3, 29, 23, 0))).toBe(spring + 1);
    expect(localDay(utc(2026, 3, 29, 23, 0) - 1)).toBe(spring);
  });

  it('given wall times in the gap (01:00–01:59), when fromLocalDay converts them, then they are read as GMT like engine fromLocal', () => {
    expect(fromLocalDay(spring, 59)).toBe(utc(2026, 3, 29, 0, 59));
    expect(fromLocalDay(spring, 60)).toBe(utc(2026, 3, 29, 1, 0));
    expect(fromLocalDay(spring, 90)).toBe(utc(2026, 3, 29, 1, 30));
    expect(formatLocal(fromLocalDay(spring, 90))).toBe('2026-03-29 02:30');
    expect(fromLocalDay(spring, 120)).toBe(utc(2026, 3, 29, 1, 0));
    expect(fromLocalDay(spring, 180)).toBe(utc(2026, 3, 29, 2, 0));
  });
});

describe('25 October 2026: the autumn change (02:00 BST becomes 01:00 GMT)', () => {
  it('given instants an hour apart in the repeated hour, when minuteOfDay is read, then both show 01:30', () => {
    expect(minuteOfDay(utc(2026, 10, 25, 0, 30))).toBe(90);
    expect(minuteOfDay(utc(2026, 10, 25, 1, 30))).toBe(90);
    expect(minuteOfDay(utc(2026, 10, 25, 0, 59))).toBe(119);
    expect(minuteOfDay(utc(2026, 10, 25, 1, 0))).toBe(60);
  });

  it('given the day and the next, when dayStart is asked, then the Sunday starts at 23:00 UTC the evening before and lasts 25 hours', () => {
    expect(dayStart(autumn)).toBe(utc(2026, 10, 24, 23, 0));
    expect(dayStart(autumn + 1)).toBe(utc(2026, 10, 26, 0, 0));
    expect(dayStart(autumn + 1) - dayStart(autumn)).toBe(25 * hour);
  });

  it('given wall times in the overlap (01:00–01:59), when fromLocalDay converts them, then the first (BST) reading wins like engine fromLocal', () => {
    expect(fromLocalDay(autumn, 60)).toBe(utc(2026, 10, 25, 0, 0));
    expect(fromLocalDay(autumn, 90)).toBe(utc(2026, 10, 25, 0, 30));
    expect(fromLocalDay(autumn, 119)).toBe(utc(2026, 10, 25, 0, 59));
    expect(fromLocalDay(autumn, 120)).toBe(utc(2026, 10, 25, 2, 0));
    expect(fromLocalDay(autumn, 59)).toBe(utc(2026, 10, 24, 23, 59));
  });

  it('given the day, when cut into offset spans, then it is 2 hours of BST then 23 hours of GMT', () => {
    expect(localDaySpans(autumn)).toEqual([
      { start: utc(2026, 10, 24, 23, 0), end: utc(2026, 10, 25, 1, 0), offset: hour },
      { start: utc(2026, 10, 25, 1, 0), end: utc(2026, 10, 26, 0, 0), offset: 0 },
    ]);
    expect(localDaySpans(autumn + 1)).toEqual([{ start: utc(2026, 10, 26, 0, 0), end: utc(2026, 10, 27, 0, 0), offset: 0 }]);
  });
});

describe('conversions far from the first year loaded', () => {
  it('given instants from 1975 to 2090, when converted, then local parts and fromLocal still agree with the calendar', () => {
    expect(localParts(utc(1975, 7, 1, 12, 0))).toEqual({ year: 1975, month: 7, day: 1, hour: 13, minute: 0, weekday: 2 });
    expect(localParts(utc(2090, 1, 2, 12, 0))).toMatchObject({ year: 2090, month: 1, day: 2, hour: 12 });
    expect(fromLocal(2060, 7, 1, 9, 0)).toBe(utc(2060, 7, 1, 8, 0));
  });

  it('given something that is not an instant, when converted, then it throws instead of answering', () => {
    expect(() => localDay(Number.NaN)).toThrow(RangeError);
    expect(() => fromLocalDay(Number.POSITIVE_INFINITY, 0)).toThrow(RangeError);
  });
});
