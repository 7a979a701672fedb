import { describe, it, expect } from 'vitest';
import { formatLocal, fromLocal, localParts, parseDeadline, parseIsoDuration, parseLocalDateTime, parseMeeting, type DeadlineRule, type MeetingRule } from '../../engine/time.ts';
import { deadlineDue, isWorkingDay, nextSitting, workingDaysDue } from '../oracles/time-oracle.ts';

const minute = 60_000;
const hour = 60 * minute;

/** UTC instant, months counted from 1 as people write them. */
function utc(year: number, month: number, day: number, h = 0, m = 0): number {
  return Date.UTC(year, month - 1, day, h, m);
}

function meeting(days: string, time: string): MeetingRule {
  const rule = parseMeeting({ name: 'Synthetic triage', days, time });
  if (typeof rule === 'string') throw new Error(rule);
  return rule;
}

function deadline(within: string, clock?: string): DeadlineRule {
  const rule = parseDeadline({ name: 'Synthetic deadline', within, clock });
  if (typeof rule === 'string') throw new Error(rule);
  return rule;
}

describe('parseIsoDuration', () => {
  it('given days, hours and minutes, when parsed, then it returns milliseconds', () => {
    expect(parseIsoDuration('PT24H')).toBe(24 * hour);
    expect(parseIsoDuration('P3D')).toBe(72 * hour);
    expect(parseIsoDuration('PT90M')).toBe(90 * minute);
    expect(parseIsoDuration('P1DT2H30M')).toBe(26 * hour + 30 * minute);
    expect(parseIsoDuration('P0D')).toBe(0);
    expect(parseIsoDuration(' PT2H ')).toBe(2 * hour);
  });

  it('given something that is not a days-hours-minutes duration, when parsed, then it is undefined', () => {
    for (const text of ['', 'P', 'PT', 'P1DT', '24h', 'P1W', 'P1Y', 'p1d', '2 hours']) {
      expect(parseIsoDuration(text), text).toBeUndefined();
    }
  });
});

describe('parseDeadline', () => {
  it('given within and no clock, when parsed, then the clock is elapsed and the amount is milliseconds', () => {
    expect(parseDeadline({ name: 'Indexed', within: 'PT24H' })).toEqual({ name: 'Indexed', within: 'PT24H', clock: 'elapsed', amount: 24 * hour });
  });

  it('given clock="working-days" and within="P2D", when parsed, then the amount is 2 working days', () => {
    expect(parseDeadline({ name: 'Screened', within: 'P2D', clock: 'working-days' })).toEqual({
      name: 'Screened',
      within: 'P2D',
      clock: 'working-days',
      amount: 2,
    });
  });

  it('given no name, when parsed, then the message asks for one', () => {
    expect(parseDeadline({ within: 'P2D' })).toMatch(/needs a name/);
  });

  it('given an elapsed within that is not ISO 8601, when parsed, then the message names the deadline and the bad value', () => {
    expect(parseDeadline({ name: 'Indexed', within: '24 hours' })).toBe(
      'deadline "Indexed": within="24 hours" is not an ISO 8601 duration such as PT24H or P3D',
    );
  });

  it('given a working-days deadline in hours, when parsed, then the message asks for P<n>D', () => {
    expect(parseDeadline({ name: 'Screened', within: 'PT24H', clock: 'working-days' })).toMatch(/working-days deadline needs within="P<n>D"/);
  });

  it('given an unknown clock, when parsed, then the message lists the clocks', () => {
    expect(parseDeadline({ name: 'Screened', within: 'P2D', clock: 'calendar' })).toMatch(/clock="calendar" is not known; use elapsed, working-days or working-hours/);
  });
});

describe('parseMeeting', () => {
  it('given weekday words in any case and order, with repeats, when parsed, then days are unique sorted numbers with 0 = Sunday', () => {
    expect(parseMeeting({ name: 'Triage', days: 'Fri, tuesday Tue', time: '9:05' })).toEqual({ name: 'Triage', days: [2, 5], hour: 9, minute: 5 });
  });

  it('given no name, when parsed, then the message asks for one', () => {
    expect(parseMeeting({ days: 'Tue', time: '10:00' })).toMatch(/needs a name/);
  });

  it('given days that are not weekdays or no days at all, when parsed, then the message shows the expected form', () => {
    expect(parseMeeting({ name: 'Triage', days: 'Someday', time: '10:00' })).toBe(
      'meeting "Triage": days="Someday" should list weekdays, e.g. days="Tue Fri"',
    );
    expect(parseMeeting({ name: 'Triage', days: '', time: '10:00' })).toMatch(/should list weekdays/);
  });

  it('given a time that is not a 24-hour hh:mm, when parsed, then the message shows the expected form', () => {
    for (const time of ['25:00', '10', '9:60', '10am']) {
      expect(parseMeeting({ name: 'Triage', days: 'Tue', time }), time).toBe(
        `meeting "Triage": time="${time}" should be a 24-hour local time, e.g. time="10:00"`,
      );
    }
  });
});

describe('localParts and fromLocal around the 2026 clock changes (Europe/London)', () => {
  it('given the instants either side of 29 March 2026 01:00 UTC, when read locally, then the clock jumps from 00:59 GMT to 02:00 BST', () => {
    expect(localParts(utc(2026, 3, 29, 0, 59))).toEqual({ year: 2026, month: 3, day: 29, hour: 0, minute: 59, weekday: 0 });
    expect(localParts(utc(2026, 3, 29, 1, 0))).toEqual({ year: 2026, month: 3, day: 29, hour: 2, minute: 0, weekday: 0 });
  });

  it('given the instants either side of 25 October 2026 01:00 UTC, when read locally, then 01:30 is seen twice, first BST then GMT', () => {
    expect(localParts(utc(2026, 10, 25, 0, 30))).toMatchObject({ day: 25, hour: 1, minute: 30 });
    expect(localParts(utc(2026, 10, 25, 1, 30))).toMatchObject({ day: 25, hour: 1, minute: 30 });
    expect(localParts(utc(2026, 10, 25, 1, 0))).toMatchObject({ day: 25, hour: 1, minute: 0 });
  });

  it('given a winter and a summer wall-clock time, when converted, then GMT is UTC and BST is UTC+1', () => {
    expect(fromLocal(2026, 1, 5, 9, 0)).toBe(utc(2026, 1, 5, 9, 0));
    expect(fromLocal(2026, 7, 1, 9, 0)).toBe(utc(2026, 7, 1, 8, 0));
  });

  it('given wall-clock times on both sides of the spring change, when converted, then the offset changes at 01:00 GMT', () => {
    expect(fromLocal(2026, 3, 29, 0, 30)).toBe(utc(2026, 3, 29, 0, 30));
    expect(fromLocal(2026, 3, 29, 3, 0)).toBe(utc(2026, 3, 29, 2, 0));
    expect(fromLocal(2026, 3, 28, 12, 0)).toBe(utc(2026, 3, 28, 12, 0));
    expect(fromLocal(2026, 3, 30, 12, 0)).toBe(utc(2026, 3, 30, 11, 0));
  });

  it('given wall-clock times on both sides of the autumn change, when converted, then the offset changes at 02:00 BST', () => {
    expect(fromLocal(2026, 10, 24, 12, 0)).toBe(utc(2026, 10, 24, 11, 0));
    expect(fromLocal(2026, 10, 25, 0, 30)).toBe(utc(2026, 10, 24, 23, 30));
    expect(fromLocal(2026, 10, 25, 2, 30)).toBe(utc(2026, 10, 25, 2, 30));
    expect(fromLocal(2026, 10, 25, 12, 0)).toBe(utc(2026, 10, 25, 12, 0));
  });

  it('given 01:30 on 25 October 2026, which happens twice, when converted, then the first (summer) reading wins as documented', () => {
    // BUG (engine/time.ts:118-126): the correction loop starts from the wall time read as UTC
    // (01:30Z), which is itself a valid reading (01:30 GMT), so it never moves to the earlier
    // 01:30 BST (00:30Z) that the doc comment on fromLocal promises.
    expect(fromLocal(2026, 10, 25, 1, 30)).toBe(utc(2026, 10, 25, 0, 30));
  });

  it('given an instant, when converted to local parts and back, then it is the same instant', () => {
    for (const instant of [utc(2026, 1, 5, 9, 0), utc(2026, 3, 29, 1, 0), utc(2026, 7, 1, 8, 15), utc(2026, 10, 25, 2, 0)]) {
      const p = localParts(instant);
      expect(fromLocal(p.year, p.month, p.day, p.hour, p.minute)).toBe(instant);
    }
  });
});

describe('parseLocalDateTime and formatLocal', () => {
  it('given a summer date-time, when parsed, then it is read as BST (UTC+1)', () => {
    expect(parseLocalDateTime('2026-07-01T09:00')).toBe(utc(2026, 7, 1, 8, 0));
    expect(parseLocalDateTime('2026-03-02 09:30')).toBe(utc(2026, 3, 2, 9, 30));
  });

  it('given an impossible or unreadable date-time, when parsed, then it is undefined', () => {
    for (const text of ['2026-02-31T09:00', '2026-13-01T09:00', '2026-03-02T24:00', 'next Tuesday', '2026-03-02']) {
      expect(parseLocalDateTime(text), text).toBeUndefined();
    }
  });

  it('given an instant in summer, when formatted, then it shows London wall-clock time', () => {
    expect(formatLocal(utc(2026, 7, 1, 8, 5))).toBe('2026-07-01 09:05');
  });
});

describe('isWorkingDay', () => {
  it('given weekends and England bank holidays of 2026, when asked, then they are not working days', () => {
    expect(isWorkingDay(2026, 3, 2)).toBe(true); // Monday
    expect(isWorkingDay(2026, 3, 7)).toBe(false); // Saturday
    expect(isWorkingDay(2026, 3, 8)).toBe(false); // Sunday
    expect(isWorkingDay(2026, 4, 3)).toBe(false); // Good Friday
    expect(isWorkingDay(2026, 4, 6)).toBe(false); // Easter Monday
    expect(isWorkingDay(2026, 12, 25)).toBe(false); // Christmas Day, a Friday
    expect(isWorkingDay(2026, 12, 28)).toBe(false); // Boxing Day substitute, a Monday
    expect(isWorkingDay(2026, 12, 24)).toBe(true); // Christmas Eve is not a bank holiday
  });
});

describe('workingDaysDue', () => {
  it('given P0D on a working morning, when due, then it is 17:00 the same day', () => {
    expect(workingDaysDue(utc(2026, 3, 2, 9, 30), 0)).toBe(utc(2026, 3, 2, 17, 0));
    expect(workingDaysDue(utc(2026, 3, 6, 16, 59), 0)).toBe(utc(2026, 3, 6, 17, 0));
  });

  it('given receipt on a Friday morning and 1 working day, when due, then the weekend is skipped to Monday 17:00', () => {
    expect(workingDaysDue(utc(2026, 3, 6, 10, 0), 1)).toBe(utc(2026, 3, 9, 17, 0));
  });

  it('given receipt on a Friday at or after 17:00, when due, then counting starts on Monday', () => {
    expect(workingDaysDue(utc(2026, 3, 6, 17, 30), 0)).toBe(utc(2026, 3, 9, 17, 0));
    expect(workingDaysDue(utc(2026, 3, 6, 17, 0), 0)).toBe(utc(2026, 3, 9, 17, 0));
    expect(workingDaysDue(utc(2026, 3, 6, 17, 30), 1)).toBe(utc(2026, 3, 10, 17, 0));
  });

  it('given receipt on a Saturday, when due, then counting starts on Monday', () => {
    expect(workingDaysDue(utc(2026, 3, 7, 10, 0), 0)).toBe(utc(2026, 3, 9, 17, 0));
    expect(workingDaysDue(utc(2026, 3, 7, 10, 0), 3)).toBe(utc(2026, 3, 12, 17, 0));
  });

  it('given receipt on the Thursday before Easter 2026 and 1 working day, when due, then Good Friday and Easter Monday are skipped (Tuesday 17:00 BST)', () => {
    const thursday = fromLocal(2026, 4, 2, 10, 0);
    expect(workingDaysDue(thursday, 1)).toBe(utc(2026, 4, 7, 16, 0));
    expect(formatLocal(workingDaysDue(thursday, 1))).toBe('2026-04-07 17:00');
  });

  it('given receipt on Good Friday with P0D, when due, then it is the first working day after Easter', () => {
    expect(formatLocal(workingDaysDue(fromLocal(2026, 4, 3, 10, 0), 0))).toBe('2026-04-07 17:00');
  });

  it('given receipt on Christmas Eve 2026 and 1 working day, when due, then Christmas, the weekend and the substitute Boxing Day are skipped', () => {
    expect(workingDaysDue(utc(2026, 12, 24, 10, 0), 1)).toBe(utc(2026, 12, 29, 17, 0));
    expect(workingDaysDue(utc(2026, 12, 24, 18, 0), 0)).toBe(utc(2026, 12, 29, 17, 0));
  });

  it("given receipt on New Year's Eve and 1 working day, when due, then New Year's Day 2027 and the weekend are skipped", () => {
    expect(workingDaysDue(utc(2026, 12, 31, 10, 0), 1)).toBe(utc(2027, 1, 4, 17, 0));
  });
});

describe('nextSitting of a "Tue Fri" 10:00 meeting', () => {
  const triage = meeting('Tue Fri', '10:00');

  it('given a Monday morning, when the next sitting is sought, then it is Tuesday 10:00', () => {
    expect(nextSitting(triage, utc(2026, 3, 2, 9, 30))).toBe(utc(2026, 3, 3, 10, 0));
  });

  it('given exactly a sitting, when the next sitting is sought, then it is that sitting', () => {
    expect(nextSitting(triage, utc(2026, 3, 3, 10, 0))).toBe(utc(2026, 3, 3, 10, 0));
  });

  it('given a minute after Tuesday 10:00, when the next sitting is sought, then it is Friday 10:00', () => {
    expect(nextSitting(triage, utc(2026, 3, 3, 10, 1))).toBe(utc(2026, 3, 6, 10, 0));
  });

  it('given Friday after the sitting, when the next sitting is sought, then it is the next Tuesday', () => {
    expect(nextSitting(triage, utc(2026, 3, 6, 11, 0))).toBe(utc(2026, 3, 10, 10, 0));
  });

  it('given the Thursday before Good Friday, when the next sitting is sought, then the bank holiday is skipped to Tuesday 10:00 BST', () => {
    expect(nextSitting(triage, fromLocal(2026, 4, 2, 12, 0))).toBe(utc(2026, 4, 7, 9, 0));
  });

  it('given the Wednesday before Christmas Day (a Friday), when the next sitting is sought, then it is Tuesday 29 December', () => {
    expect(nextSitting(triage, utc(2026, 12, 23, 12, 0))).toBe(utc(2026, 12, 29, 10, 0));
  });

  it('given a Friday afternoon before the spring change, when the next sitting is sought, then it is Tuesday 10:00 BST (09:00 UTC)', () => {
    expect(nextSitting(triage, utc(2026, 3, 27, 11, 0))).toBe(utc(2026, 3, 31, 9, 0));
  });
});

describe('deadlineDue', () => {
  it('given an elapsed PT24H deadline across the spring change, when due, then it is 24 real hours later (13:00 BST on the wall clock)', () => {
    const received = fromLocal(2026, 3, 28, 12, 0);
    const due = deadlineDue(deadline('PT24H'), received);

    expect(due - received).toBe(24 * hour);
    expect(formatLocal(due)).toBe('2026-03-29 13:00');
  });

  it('given an elapsed PT24H deadline across the autumn change, when due, then it is 24 real hours later (11:00 GMT on the wall clock)', () => {
    const received = fromLocal(2026, 10, 24, 12, 0);
    const due = deadlineDue(deadline('PT24H'), received);

    expect(due - received).toBe(24 * hour);
    expect(formatLocal(due)).toBe('2026-10-25 11:00');
  });

  it('given a working-days deadline, when due, then it follows workingDaysDue', () => {
    const received = utc(2026, 3, 6, 10, 0);

    expect(deadlineDue(deadline('P1D', 'working-days'), received)).toBe(utc(2026, 3, 9, 17, 0));
    expect(deadlineDue(deadline('P1D'), received)).toBe(utc(2026, 3, 7, 10, 0));
  });
});
