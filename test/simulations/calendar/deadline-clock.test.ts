import { describe, expect, it } from 'vitest';
import { formatLocal, fromLocal, parseDeadline, type DeadlineRule } from '../../../engine/time.ts';
import { deadlineDue } from '../../oracles/time-oracle.ts';
import { deadlineDueFast, parseWorkingHoursDeadline, workingHoursDue, workingDaysDueFast } from '../../../simulations/calendar/deadline-clock.ts';
import { TeamCalendar } from '../../../simulations/calendar/working-hours.ts';

function deadline(within: string, clock?: string): DeadlineRule {
  const rule = parseDeadline({ name: 'Synthetic deadline', within, clock });
  if (typeof rule === 'string') throw new Error(rule);
  return rule;
}

const office = TeamCalendar.from('office');
const coventry = TeamCalendar.from({ 'Mon-Thu': '08:30-17:00', Fri: '08:30-16:30' });

describe('deadlineDueFast with engine rules', () => {
  it('given a Friday morning and P1D working days, when due, then the weekend is skipped to Monday 17:00 as in the engine', () => {
    const friday = fromLocal(2026, 3, 6, 10, 0);
    expect(formatLocal(deadlineDueFast(deadline('P1D', 'working-days'), friday))).toBe('2026-03-09 17:00');
    expect(deadlineDueFast(deadline('P1D', 'working-days'), friday)).toBe(deadlineDue(deadline('P1D', 'working-days'), friday));
  });

  it('given receipt at or after 17:00 on a Friday, when due with P0D, then counting starts on Monday', () => {
    expect(formatLocal(workingDaysDueFast(fromLocal(2026, 3, 6, 17, 0), 0))).toBe('2026-03-09 17:00');
    expect(formatLocal(workingDaysDueFast(fromLocal(2026, 3, 6, 16, 59), 0))).toBe('2026-03-06 17:00');
    expect(formatLocal(workingDaysDueFast(fromLocal(2026, 3, 7, 10, 0), 3))).toBe('2026-03-12 17:00');
  });

  it('given the Thursday before Easter 2026 and 1 working day, when due, then Good Friday and Easter Monday are skipped', () => {
    expect(formatLocal(workingDaysDueFast(fromLocal(2026, 4, 2, 10, 0), 1))).toBe('2026-04-07 17:00');
    expect(formatLocal(workingDaysDueFast(fromLocal(2026, 4, 3, 10, 0), 0))).toBe('2026-04-07 17:00');
  });

  it('given Christmas Eve 2026, when due in 1 working day, then Christmas, Boxing Day, the weekend and the substitute day are skipped', () => {
    expect(formatLocal(workingDaysDueFast(fromLocal(2026, 12, 24, 10, 0), 1))).toBe('2026-12-29 17:00');
    expect(formatLocal(workingDaysDueFast(fromLocal(2026, 12, 24, 18, 0), 0))).toBe('2026-12-29 17:00');
    expect(formatLocal(workingDaysDueFast(fromLocal(2026, 12, 31, 10, 0), 1))).toBe('2027-01-04 17:00');
  });

  it('given a Friday before the spring change and P1D, when due, then it is Monday 17:00 BST (16:00 UTC)', () => {
    expect(workingDaysDueFast(fromLocal(2026, 3, 27, 12, 0), 1)).toBe(Date.UTC(2026, 2, 30, 16, 0));
  });

  it('given elapsed PT24H across both 2026 changes, when due, then it is 24 real hours later', () => {
    const spring = fromLocal(2026, 3, 28, 12, 0);
    const autumn = fromLocal(2026, 10, 24, 12, 0);
    expect(formatLocal(deadlineDueFast(deadline('PT24H'), spring))).toBe('2026-03-29 13:00');
    expect(formatLocal(deadlineDueFast(deadline('PT24H'), autumn))).toBe('2026-10-25 11:00');
  });

  it('given a long working-days deadline, when due, then the working-day table extends into later years', () => {
    const received = fromLocal(2026, 6, 1, 10, 0);
    expect(deadlineDueFast(deadline('P1000D', 'working-days'), received)).toBe(deadlineDue(deadline('P1000D', 'working-days'), received));
  });
});

describe("the 'working-hours' clock", () => {
  const screened = parseWorkingHoursDeadline('Screened within 8 working hours', 'PT8H');
  if (typeof screened === 'string') throw new Error(screened);

  it('given an office team and a referral on Friday 13:00, when PT8H of open time is due, then it is Monday 13:00', () => {
    expect(formatLocal(deadlineDueFast(screened, fromLocal(2026, 3, 6, 13, 0), office))).toBe('2026-03-09 13:00');
  });

  it('given Coventry hours and a referral on Friday 12:00, when PT8H is due, then 4.5 hours on Friday and 3.5 on Monday give Monday 12:00', () => {
    expect(formatLocal(workingHoursDue(coventry, fromLocal(2026, 3, 6, 12, 0), 8 * 60))).toBe('2026-03-09 12:00');
  });

  it('given a referral on Saturday, when PT8H is due, then the clock starts at Monday opening', () => {
    expect(formatLocal(deadlineDueFast(screened, fromLocal(2026, 3, 7, 12, 0), coventry))).toBe('2026-03-09 16:30');
  });

  it('given the Thursday before Easter 15:00, when PT8H is due for an office team, then it ends Tuesday 15:00', () => {
    expect(formatLocal(deadlineDueFast(screened, fromLocal(2026, 4, 2, 15, 0), office))).toBe('2026-04-07 15:00');
  });

  it('given no calendar for a working-hours rule, when due, then it says the team calendar is needed', () => {
    expect(() => deadlineDueFast(screened, 0, undefined as unknown as TeamCalendar)).toThrow('deadline "Screened within 8 working hours": a working-hours deadline needs the team\'s calendar');
  });

  it('given a within that is not ISO 8601 or no name, when parsed, then the message says so', () => {
    expect(parseWorkingHoursDeadline('Screened', '8 hours')).toBe('deadline "Screened": within="8 hours" is not an ISO 8601 duration of working hours such as PT8H or PT90M');
    expect(parseWorkingHoursDeadline(' ', 'PT8H')).toMatch(/needs a name/);
    expect(parseWorkingHoursDeadline('Screened', 'PT90M')).toEqual({ name: 'Screened', within: 'PT90M', clock: 'working-hours', amount: 90 * 60_000 });
  });
});

describe('working-hours deadlines in the engine and the simulator', () => {
  it('given receipt on Friday at 16:00, 2 working hours fall due on Monday at 10:00; over Easter on Tuesday', async () => {
    const { workingHoursDue } = await import('../../oracles/time-oracle.ts');
    const { fromLocal: engineFromLocal } = await import('../../../engine/time.ts');
    expect(workingHoursDue(engineFromLocal(2026, 3, 6, 16, 0), 2 * 3_600_000)).toBe(engineFromLocal(2026, 3, 9, 10, 0));
    // Thursday 2 April 2026 16:00 + 2 h: Good Friday and Easter Monday are closed.
    expect(workingHoursDue(engineFromLocal(2026, 4, 2, 16, 0), 2 * 3_600_000)).toBe(engineFromLocal(2026, 4, 7, 10, 0));
  });

  it('given random receipts 2025–2030, the simulator (office calendar) and the engine agree', async () => {
    const engine = await import('../../oracles/time-oracle.ts');
    const { TeamCalendar } = await import('../../../simulations/calendar/working-hours.ts');
    const { deadlineDueFast } = await import('../../../simulations/calendar/deadline-clock.ts');
    const office = TeamCalendar.from('office');
    const start = Date.UTC(2025, 0, 1);
    const span = Date.UTC(2030, 0, 1) - start;
    let state = 7;
    for (let i = 0; i < 2000; i++) {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      const receivedAt = start + Math.floor((state / 2 ** 32) * span / 60_000) * 60_000;
      const rule = { name: 'test', within: 'PT8H', clock: 'working-hours' as const, amount: (1 + (i % 40)) * 3_600_000 };
      expect(deadlineDueFast(rule, receivedAt, office)).toBe(engine.deadlineDue(rule, receivedAt));
    }
  });
});
