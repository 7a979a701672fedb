/** Property tests: the fast calendar layer gives the engine's answers on random inputs, 2025–2030. */
import fc from 'fast-check';
import Holidays from 'date-holidays';
import { describe, expect, it } from 'vitest';
import { fromLocal, localParts, type DeadlineRule, type MeetingRule } from '../../../engine/time.ts';
import { deadlineDue, isWorkingDay, nextSitting } from '../../oracles/time-oracle.ts';
import {
  clockChanges,
  civilFromDay,
  dayFromCivil,
  dayStart,
  fromLocal as fromLocalFast,
  localDay,
  localParts as localPartsFast,
} from '../../../simulations/calendar/london-clock.ts';
import { deadlineDueFast } from '../../../simulations/calendar/deadline-clock.ts';
import { nextSittingFast } from '../../../simulations/calendar/sittings.ts';
import { isWorkingDayNumber } from '../../../simulations/calendar/working-days.ts';
import { TeamCalendar, parseWorkingHours, type WorkingHours } from '../../../simulations/calendar/working-hours.ts';

const minute = 60_000;
const hour = 60 * minute;
const from = Date.UTC(2025, 0, 1);
const to = Date.UTC(2031, 0, 1) - 1;
const changes = [2025, 2026, 2027, 2028, 2029, 2030].flatMap((year) => clockChanges(year).map((change) => change.at));

/** Any instant 2025–2030 (to the millisecond), half of them within 36 hours of a clock change, many on whole minutes. */
const instant = fc.oneof(
  fc.integer({ min: from, max: to }),
  fc.integer({ min: from / minute, max: Math.floor(to / minute) }).map((m) => m * minute),
  fc.tuple(fc.constantFrom(...changes), fc.integer({ min: -36 * 60, max: 36 * 60 })).map(([at, m]) => at + m * minute),
  fc.tuple(fc.constantFrom(...changes), fc.integer({ min: -36 * hour, max: 36 * hour })).map(([at, ms]) => at + ms),
);

/** A wall-clock date and time 2025–2030, a third of them on a clock-change Sunday. */
const wallTime = fc.tuple(
  fc.oneof(
    fc.integer({ min: dayFromCivil(2025, 1, 1), max: dayFromCivil(2030, 12, 31) }),
    fc.constantFrom(...changes.map((at) => Math.floor(at / (24 * hour)))),
  ),
  fc.integer({ min: 0, max: 23 }),
  fc.integer({ min: 0, max: 59 }),
);

/** Instants on local quarter hours (where opening, closing and 17:00 fall), now and then a millisecond either side. */
const boundary = fc
  .tuple(wallTime, fc.integer({ min: 0, max: 3 }), fc.constantFrom(0, 0, 0, -1, 1))
  .map(([[day, h], quarter, nudge]) => {
    const { year, month, day: date } = civilFromDay(day);
    return fromLocal(year, month, date, h, quarter * 15) + nudge;
  });

/** Instants anywhere or on boundaries. */
const anyInstant = fc.oneof(instant, boundary);

const deadlineRule: fc.Arbitrary<DeadlineRule> = fc.oneof(
  fc.integer({ min: 0, max: 30 * 24 * 60 }).map((m) => ({ name: 'Elapsed', within: `PT${m}M`, clock: 'elapsed' as const, amount: m * minute })),
  fc.integer({ min: 0, max: 30 }).map((n) => ({ name: 'Working days', within: `P${n}D`, clock: 'working-days' as const, amount: n })),
);

const meetingRule: fc.Arbitrary<MeetingRule> = fc
  .tuple(fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 7 }), fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
  .map(([days, h, m]) => ({ name: 'Random meeting', days: [...days].sort(), hour: h, minute: m }));

function outcome(run: () => number): number | string {
  try {
    return run();
  } catch (error) {
    return (error as Error).message;
  }
}

const dayNames = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/** A random weekly spec: per weekday up to two ranges on quarter hours (some inside 01:00–02:00), bank holidays open or closed. */
const weeklySpec = fc
  .tuple(
    fc.array(fc.uniqueArray(fc.integer({ min: 0, max: 96 }), { maxLength: 4 }), { minLength: 7, maxLength: 7 }),
    fc.constantFrom('open', 'closed'),
  )
  .map(([points, bankHolidays]) => {
    const spec: Record<string, string | string[]> = { bankHolidays };
    points.forEach((quarterHours, day) => {
      const sorted = [...quarterHours].sort((a, b) => a - b).map((q) => q * 15);
      const ranges: string[] = [];
      for (let i = 0; i + 1 < sorted.length; i += 2) ranges.push(`${hhmm(sorted[i]!)}-${hhmm(sorted[i + 1]!)}`);
      if (ranges.length > 0) spec[dayNames[day]!] = ranges;
    });
    return spec;
  })
  .filter((spec) => Object.keys(spec).length > 1);

const holidayLists = new Map<number, Set<string>>();
const oracleHolidays = new Holidays('GB', 'ENG');

/** Open by the definition, read with engine/time.ts localParts: the wall clock shows a time in the day's ranges. */
function openByDefinition(hours: WorkingHours, t: number): boolean {
  if (hours.kind === '24/7') return true;
  const p = localParts(t);
  const key = `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
  let list = holidayLists.get(p.year);
  if (!list) {
    list = new Set(oracleHolidays.getHolidays(p.year).filter((h) => h.type === 'public' || h.type === 'bank').map((h) => h.date.slice(0, 10)));
    holidayLists.set(p.year, list);
  }
  if (hours.bankHolidays === 'closed' && list.has(key)) return false;
  const m = p.hour * 60 + p.minute;
  return (hours.week[p.weekday] ?? []).some(([start, end]) => start <= m && m < end);
}

const calendars = [
  TeamCalendar.from('24/7'),
  TeamCalendar.from('office'),
  TeamCalendar.from({ 'Mon-Thu': '08:30-17:00', Fri: '08:30-16:30' }),
  TeamCalendar.from({ 'Mon-Fri': ['08:00-12:00', '13:00-18:00'], Sat: '09:00-13:00', Sun: '00:30-03:00', bankHolidays: 'open' }),
];
const calendar = fc.constantFrom(...calendars);

describe('london-clock equals engine/time.ts', () => {
  it('given random instants 2025–2030, when read locally, then localParts equals the engine', () => {
    fc.assert(fc.property(instant, (t) => {
        expect(localPartsFast(t)).toEqual(localParts(t));
      }), { numRuns: 3000 });
  });

  it('given random wall times 2025–2030 (gap and overlap included), when converted, then fromLocal equals the engine', () => {
    fc.assert(
      fc.property(wallTime, ([day, h, m]) => {
        const { year, month, day: date } = civilFromDay(day);
        expect(fromLocalFast(year, month, date, h, m)).toBe(fromLocal(year, month, date, h, m));
      }),
      { numRuns: 3000 },
    );
  });

  it('given random instants, when their local day is asked, then it lies between its dayStart and the next', () => {
    fc.assert(
      fc.property(instant, (t) => {
        const day = localDay(t);
        expect(dayStart(day)).toBeLessThanOrEqual(t);
        expect(t).toBeLessThan(dayStart(day + 1));
      }),
      { numRuns: 2000 },
    );
  });

  it('given every day of 2025–2030, when asked whether it is a working day, then the answer equals engine isWorkingDay', () => {
    for (let day = dayFromCivil(2025, 1, 1); day <= dayFromCivil(2030, 12, 31); day++) {
      const { year, month, day: date } = civilFromDay(day);
      if (isWorkingDayNumber(day) !== isWorkingDay(year, month, date)) throw new Error(`${year}-${month}-${date}`);
    }
  });
});

describe('deadline-clock and sittings equal engine/time.ts', () => {
  it('given random deadline rules and receipts 2025–2030, when due, then deadlineDueFast equals deadlineDue', () => {
    fc.assert(fc.property(deadlineRule, anyInstant, (rule, t) => {
        expect(deadlineDueFast(rule, t)).toBe(deadlineDue(rule, t));
      }), { numRuns: 3000 });
  });

  it('given random meetings and instants 2025–2030, when the next sitting is sought, then nextSittingFast equals nextSitting (or both throw)', () => {
    fc.assert(
      fc.property(meetingRule, anyInstant, (rule, t) => {
        expect(outcome(() => nextSittingFast(rule, t))).toBe(outcome(() => nextSitting(rule, t)));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('TeamCalendar', () => {
  it('given random weekly specs and instants, when asked if open, then the answer matches the wall-clock definition read with engine localParts', () => {
    fc.assert(
      fc.property(weeklySpec, fc.array(anyInstant, { minLength: 20, maxLength: 20 }), (spec, instants) => {
        const parsed = parseWorkingHours(spec);
        if (!parsed.ok) throw new Error(parsed.message);
        const team = new TeamCalendar(parsed.hours);
        for (const t of instants) expect(team.isOpen(t), `${JSON.stringify(spec)} at ${new Date(t).toISOString()}`).toBe(openByDefinition(parsed.hours, t));
      }),
      { numRuns: 300 },
    );
  });

  it('given random weekly specs and a span of up to 3 days on whole minutes, when open minutes are counted, then they equal a minute-by-minute count', () => {
    fc.assert(
      fc.property(weeklySpec, instant, fc.integer({ min: 0, max: 3 * 24 * 60 }), (spec, t, span) => {
        const parsed = parseWorkingHours(spec);
        if (!parsed.ok) throw new Error(parsed.message);
        const team = new TeamCalendar(parsed.hours);
        const a = Math.floor(t / minute) * minute;
        let count = 0;
        for (let m = 0; m < span; m++) if (openByDefinition(parsed.hours, a + m * minute)) count++;
        expect(team.openMinutesBetween(a, a + span * minute)).toBe(count);
      }),
      { numRuns: 60 },
    );
  });

  it('given an open instant and m minutes, when added then counted back, then openMinutesBetween(t, addWorkingMinutes(t, m)) is m', () => {
    fc.assert(
      fc.property(calendar, anyInstant, fc.oneof(fc.integer({ min: 0, max: 20_000 }), fc.integer({ min: 0, max: 200 }).map((q) => q * 15)), (team, t, m) => {
        const open = team.nextOpen(t);
        expect(team.isOpen(open)).toBe(true);
        const done = team.addWorkingMinutes(open, m);
        expect(team.openMinutesBetween(open, done)).toBe(m);
        // From closed time too: the clock starts at the next opening.
        expect(team.openMinutesBetween(t, team.addWorkingMinutes(t, m))).toBe(m);
        expect(team.addWorkingMinutes(t, m)).toBe(done);
      }),
      { numRuns: 2000 },
    );
  });

  it('given random weekly specs, when work is added, then it is the earliest instant with that much open time (one millisecond less is short)', () => {
    fc.assert(
      fc.property(weeklySpec, anyInstant, fc.oneof(fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 1, max: 300 }).map((q) => q * 15)), (spec, t, m) => {
        const team = TeamCalendar.from(spec);
        const done = team.addWorkingMinutes(t, m);
        expect(team.openMinutesBetween(t, done)).toBe(m);
        expect(team.openMinutesBetween(t, done - 1)).toBeLessThan(m);
        expect(team.openMinutesBetween(t, team.nextOpen(t))).toBe(0);
        expect(team.isOpen(team.nextOpen(t))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
