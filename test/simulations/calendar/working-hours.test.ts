import { describe, expect, it } from 'vitest';
import { formatLocal, fromLocal } from '../../../engine/time.ts';
import { dayFromCivil } from '../../../simulations/calendar/london-clock.ts';
import { isBankHoliday, isWorkingDayNumber } from '../../../simulations/calendar/working-days.ts';
import { TeamCalendar, parseWorkingHours } from '../../../simulations/calendar/working-hours.ts';

const minute = 60_000;
const hour = 60 * minute;

function utc(year: number, month: number, day: number, h = 0, m = 0): number {
  return Date.UTC(year, month - 1, day, h, m);
}

const always = TeamCalendar.from('24/7');
const office = TeamCalendar.from('office');
const coventry = TeamCalendar.from({ 'Mon-Thu': '08:30-17:00', Fri: '08:30-16:30' });

describe('a 24/7 calendar', () => {
  it('given any instant, bank holidays included, when asked, then it is open and adds plain minutes', () => {
    const christmas = fromLocal(2026, 12, 25, 3, 0);
    expect(always.isOpen(christmas)).toBe(true);
    expect(always.nextOpen(christmas)).toBe(christmas);
    expect(always.addWorkingMinutes(christmas, 90)).toBe(christmas + 90 * minute);
    expect(always.openMinutesBetween(christmas, christmas + 5 * hour)).toBe(300);
  });

  it('given 00:30 on 29 March 2026 and 60 minutes, when added, then it is 02:30 BST (the missing hour is not open time)', () => {
    const start = fromLocal(2026, 3, 29, 0, 30);
    const end = always.addWorkingMinutes(start, 60);
    expect(end).toBe(utc(2026, 3, 29, 1, 30));
    expect(formatLocal(end)).toBe('2026-03-29 02:30');
  });

  it('given 00:30 BST on 25 October 2026 and 120 minutes, when added, then it is the second 01:30 (GMT)', () => {
    const start = fromLocal(2026, 10, 25, 0, 30);
    const end = always.addWorkingMinutes(start, 120);
    expect(end).toBe(utc(2026, 10, 25, 1, 30));
    expect(formatLocal(end)).toBe('2026-10-25 01:30');
  });

  it('given a record open all week round the clock with bank holidays open, when parsed, then it takes the 24/7 fast path', () => {
    expect(parseWorkingHours({ 'Mon-Sun': '00:00-24:00', bankHolidays: 'open' })).toEqual({ ok: true, hours: { kind: '24/7' } });
  });
});

describe('an office calendar (Mon–Fri 09:00–17:00, closed on bank holidays)', () => {
  it('given Friday 27 March 2026 16:00 GMT and 120 minutes, when added across the spring change, then it is Monday 10:00 BST', () => {
    const friday = fromLocal(2026, 3, 27, 16, 0);
    const due = office.addWorkingMinutes(friday, 120);
    expect(due).toBe(utc(2026, 3, 30, 9, 0));
    expect(formatLocal(due)).toBe('2026-03-30 10:00');
    expect(office.openMinutesBetween(friday, due)).toBe(120);
  });

  it('given Friday 23 October 2026 16:00 BST and 120 minutes, when added across the autumn change, then it is Monday 10:00 GMT', () => {
    const friday = fromLocal(2026, 10, 23, 16, 0);
    const due = office.addWorkingMinutes(friday, 120);
    expect(due).toBe(utc(2026, 10, 26, 10, 0));
    expect(formatLocal(due)).toBe('2026-10-26 10:00');
  });

  it('given Thursday 2 April 2026 16:00 and 120 minutes, when added, then Good Friday, the weekend and Easter Monday are skipped to Tuesday 10:00', () => {
    expect(formatLocal(office.addWorkingMinutes(fromLocal(2026, 4, 2, 16, 0), 120))).toBe('2026-04-07 10:00');
    expect(office.isOpen(fromLocal(2026, 4, 3, 10, 0))).toBe(false);
    expect(office.isOpen(fromLocal(2026, 4, 6, 10, 0))).toBe(false);
    expect(formatLocal(office.nextOpen(fromLocal(2026, 4, 3, 10, 0)))).toBe('2026-04-07 09:00');
  });

  it('given Christmas Eve 2026 16:30 and 60 minutes, when added, then Christmas, Boxing Day, the weekend and the substitute Monday 28th are skipped', () => {
    expect(formatLocal(office.addWorkingMinutes(fromLocal(2026, 12, 24, 16, 30), 60))).toBe('2026-12-29 09:30');
    expect(office.openIntervals(dayFromCivil(2026, 12, 28))).toHaveLength(0);
    expect(office.openMinutesBetween(fromLocal(2026, 12, 24, 0, 0), fromLocal(2026, 12, 30, 0, 0))).toBe(16 * 60);
  });

  it('given a weekend, when asked, then it is closed and the next opening is Monday 09:00', () => {
    const saturday = fromLocal(2026, 3, 7, 11, 0);
    expect(office.isOpen(saturday)).toBe(false);
    expect(formatLocal(office.nextOpen(saturday))).toBe('2026-03-09 09:00');
    expect(office.openMinutesBetween(saturday, fromLocal(2026, 3, 9, 9, 0))).toBe(0);
  });

  it('given closed time and 0 minutes, when added, then the answer is the next opening; exactly at closing the work ends at closing', () => {
    expect(formatLocal(office.addWorkingMinutes(fromLocal(2026, 3, 6, 18, 0), 0))).toBe('2026-03-09 09:00');
    expect(formatLocal(office.addWorkingMinutes(fromLocal(2026, 3, 6, 16, 0), 60))).toBe('2026-03-06 17:00');
    expect(office.isOpen(fromLocal(2026, 3, 6, 17, 0))).toBe(false);
    expect(office.isOpen(fromLocal(2026, 3, 6, 17, 0) - 1)).toBe(true);
  });

  it('given a long piece of work, when added, then whole days are counted (5 weeks of 40 hours)', () => {
    expect(formatLocal(office.addWorkingMinutes(fromLocal(2026, 1, 5, 9, 0), 5 * 40 * 60))).toBe('2026-02-06 17:00');
  });

  it('given a later instant first, when open minutes are asked, then the answer is negative', () => {
    expect(office.openMinutesBetween(fromLocal(2026, 3, 2, 11, 0), fromLocal(2026, 3, 2, 10, 0))).toBe(-60);
  });
});

describe('Coventry-style hours (Mon–Thu 08:30–17:00, Fri 08:30–16:30)', () => {
  const friday = fromLocal(2026, 3, 6, 16, 0);

  it('given work added on a Friday at 16:00, when it needs more than 30 minutes, then it spills to Monday from 08:30', () => {
    expect(formatLocal(coventry.addWorkingMinutes(friday, 31))).toBe('2026-03-09 08:31');
    expect(formatLocal(coventry.addWorkingMinutes(friday, 60))).toBe('2026-03-09 09:00');
    expect(coventry.openMinutesBetween(friday, fromLocal(2026, 3, 9, 9, 0))).toBe(60);
  });

  it("given Friday's early close, when asked, then 16:30–17:00 is closed on Friday and open on Thursday", () => {
    expect(formatLocal(coventry.addWorkingMinutes(friday, 30))).toBe('2026-03-06 16:30');
    expect(coventry.isOpen(fromLocal(2026, 3, 6, 16, 45))).toBe(false);
    expect(coventry.isOpen(fromLocal(2026, 3, 5, 16, 45))).toBe(true);
    expect(formatLocal(coventry.nextOpen(fromLocal(2026, 3, 6, 16, 45)))).toBe('2026-03-09 08:30');
  });

  it('given Thursday before Easter 16:30 and 60 minutes, when added, then Good Friday to Easter Monday are skipped to Tuesday 09:00 BST', () => {
    expect(formatLocal(coventry.addWorkingMinutes(fromLocal(2026, 4, 2, 16, 30), 60))).toBe('2026-04-07 09:00');
  });

  it('given a normal week, when its open minutes are counted, then it is 4 × 8.5 h + 8 h', () => {
    expect(coventry.openMinutesBetween(fromLocal(2026, 3, 2, 0, 0), fromLocal(2026, 3, 9, 0, 0))).toBe((4 * 8.5 + 8) * 60);
  });
});

describe('hours on the clock-change Sundays', () => {
  const sundayNights = TeamCalendar.from({ Sun: '00:00-04:00' });
  const repeatedHour = TeamCalendar.from({ Sun: '01:15-01:45' });

  it('given a Sunday 00:00–04:00 team, when counted on 29 March and 25 October 2026, then it has 3 and 5 real hours', () => {
    expect(sundayNights.openMinutesBetween(fromLocal(2026, 3, 29, 0, 0), fromLocal(2026, 3, 30, 0, 0))).toBe(180);
    expect(sundayNights.openMinutesBetween(fromLocal(2026, 10, 25, 0, 0), fromLocal(2026, 10, 26, 0, 0))).toBe(300);
    expect(sundayNights.openMinutesBetween(fromLocal(2026, 3, 22, 0, 0), fromLocal(2026, 3, 23, 0, 0))).toBe(240);
  });

  it('given a Sunday 01:15–01:45 team, when the clocks go back, then it is open twice; when they go forward, not at all', () => {
    const autumn = dayFromCivil(2026, 10, 25);
    expect([...repeatedHour.openIntervals(autumn)]).toEqual([utc(2026, 10, 25, 0, 15), utc(2026, 10, 25, 0, 45), utc(2026, 10, 25, 1, 15), utc(2026, 10, 25, 1, 45)]);
    expect(repeatedHour.openIntervals(dayFromCivil(2026, 3, 29))).toHaveLength(0);
    expect(repeatedHour.nextOpen(fromLocal(2026, 3, 29, 0, 0))).toBe(utc(2026, 4, 5, 0, 15));
  });
});

describe('bank holidays', () => {
  it('given the 2026 England bank holidays, when looked up by day number, then they are holidays and not working days', () => {
    for (const [month, day] of [[4, 3], [4, 6], [12, 25], [12, 26], [12, 28]] as const) {
      expect(isBankHoliday(dayFromCivil(2026, month, day)), `${month}-${day}`).toBe(true);
      expect(isWorkingDayNumber(dayFromCivil(2026, month, day))).toBe(false);
    }
    expect(isBankHoliday(dayFromCivil(2026, 12, 24))).toBe(false);
    expect(isWorkingDayNumber(dayFromCivil(2026, 12, 24))).toBe(true);
    expect(isWorkingDayNumber(dayFromCivil(2026, 12, 27))).toBe(false); // Sunday
  });

  it('given bankHolidays: open, when Good Friday comes, then the team keeps its usual hours', () => {
    const open = TeamCalendar.from({ 'Mon-Fri': '09:00-17:00', bankHolidays: 'open' });
    expect(open.isOpen(fromLocal(2026, 4, 3, 10, 0))).toBe(true);
    expect(open.isOpen(fromLocal(2026, 4, 4, 10, 0))).toBe(false); // still no Saturdays
  });

  it('given a Saturday team, when Christmas Day 2027 falls on a Saturday, then it is closed that day', () => {
    const saturdays = TeamCalendar.from({ Sat: '10:00-14:00' });
    expect(saturdays.isOpen(fromLocal(2027, 12, 25, 11, 0))).toBe(false);
    expect(saturdays.isOpen(fromLocal(2027, 12, 18, 11, 0))).toBe(true);
  });
});

describe('parseWorkingHours', () => {
  it('given several intervals a day as a list or a comma list and an en dash, when parsed, then they are sorted minute ranges', () => {
    const split = parseWorkingHours({ Mon: ['13:00-17:00', '08:00-12:00'], 'tue, Thursday': '08:00–12:00, 12:00-16:00' });
    expect(split).toEqual({
      ok: true,
      hours: {
        kind: 'weekly',
        week: [[], [[480, 720], [780, 1020]], [[480, 960]], [], [[480, 960]], [], []],
        bankHolidays: 'closed',
      },
    });
  });

  it('given "closed" for a day, when parsed, then that day has no hours', () => {
    const parsed = parseWorkingHours({ 'Mon-Fri': '09:00-17:00', Wed: 'closed' });
    expect(parsed.ok).toBe(false); // Wed twice
    const ok = parseWorkingHours({ 'Mon-Tue': '09:00-17:00', Wed: 'closed', 'Thu-Fri': '09:00-17:00' });
    expect(ok.ok && ok.hours.kind === 'weekly' && ok.hours.week[3]).toEqual([]);
  });

  it('given bad specs, when parsed, then the message names the bad key or value', () => {
    const cases: [unknown, string][] = [
      ['24/5', 'working hours: "24/5" is not known; use "24/7", "office" or a record of days and hours, e.g. { "Mon-Thu": "08:30-17:00", "Fri": "08:30-16:30" }'],
      [{ Mnday: '09:00-17:00' }, 'working hours: key "Mnday" is not a day or day range; use Mon, Tue, Wed, Thu, Fri, Sat, Sun, ranges such as "Mon-Thu", or bankHolidays (e.g. { "Mon-Thu": "08:30-17:00", "Fri": "08:30-16:30" })'],
      [{ 'Sun-Mon': '09:00-17:00' }, 'working hours: key "Sun-Mon" runs backwards; a day range goes Mon to Sun, e.g. "Fri-Sun" (use two keys for a range across Sunday night)'],
      [{ Mon: '9-5' }, 'working hours: "Mon": "9-5" is not a time range such as "08:30-17:00" (24-hour HH:MM-HH:MM)'],
      [{ Mon: '09:00-25:00' }, 'working hours: "Mon": "09:00-25:00" is not a time of day (00:00 to 23:59, or 24:00 as an end)'],
      [{ Mon: '09:75-17:00' }, 'working hours: "Mon": "09:75-17:00" is not a time of day (00:00 to 23:59, or 24:00 as an end)'],
      [{ Mon: '22:00-06:00' }, 'working hours: "Mon": "22:00-06:00" ends before it starts; split a shift across midnight over two days, e.g. { "Mon": "22:00-24:00", "Tue": "00:00-06:00" }'],
      [{ Mon: ['09:00-12:00', '11:00-13:00'] }, 'working hours: "Mon": "09:00-12:00" and "11:00-13:00" overlap'],
      [{ Mon: 9 }, 'working hours: "Mon": 9 should be a time range such as "08:30-17:00", a list of them, or "closed"'],
      [{ 'Mon-Fri': '09:00-17:00', Fri: '09:00-16:30' }, 'working hours: Fri is given twice, in "Mon-Fri" and "Fri"'],
      [{ 'Mon,Mon': '09:00-17:00' }, 'working hours: Mon is given twice in "Mon,Mon"'],
      [{ 'Mon-Fri': '09:00-17:00', bankHolidays: 'yes' }, 'working hours: bankHolidays: "yes" should be "open" or "closed"'],
      [{ bankHolidays: 'open' }, 'working hours: no day has open hours; e.g. { "Mon-Thu": "08:30-17:00", "Fri": "08:30-16:30" }'],
      [null, 'working hours: null is not known; use "24/7", "office" or a record of days and hours, e.g. { "Mon-Thu": "08:30-17:00", "Fri": "08:30-16:30" }'],
    ];
    for (const [spec, message] of cases) expect(parseWorkingHours(spec), JSON.stringify(spec)).toEqual({ ok: false, message });
  });

  it('given a bad spec, when a calendar is built from it, then it throws the message', () => {
    expect(() => TeamCalendar.from({ Mon: '9-5' })).toThrow('working hours: "Mon": "9-5" is not a time range');
  });

  it('given a negative amount of work, when added, then it throws', () => {
    expect(() => office.addWorkingMinutes(0, -1)).toThrow(RangeError);
  });
});
