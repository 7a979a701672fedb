import { describe, expect, it } from 'vitest';
import { formatLocal, fromLocal, parseMeeting, type MeetingRule } from '../../../engine/time.ts';
import { nextSitting } from '../../oracles/time-oracle.ts';
import { nextSittingFast } from '../../../simulations/calendar/sittings.ts';

function meeting(days: string, time: string): MeetingRule {
  const rule = parseMeeting({ name: 'Synthetic triage', days, time });
  if (typeof rule === 'string') throw new Error(rule);
  return rule;
}

describe('nextSittingFast of a "Tue Fri" 10:00 meeting', () => {
  const triage = meeting('Tue Fri', '10:00');

  it('given a Monday morning, exactly a sitting, and a minute after, when sought, then Tuesday 10:00, that sitting, then Friday', () => {
    expect(formatLocal(nextSittingFast(triage, fromLocal(2026, 3, 2, 9, 30)))).toBe('2026-03-03 10:00');
    expect(nextSittingFast(triage, fromLocal(2026, 3, 3, 10, 0))).toBe(fromLocal(2026, 3, 3, 10, 0));
    expect(formatLocal(nextSittingFast(triage, fromLocal(2026, 3, 3, 10, 0) + 60_000))).toBe('2026-03-06 10:00');
    expect(formatLocal(nextSittingFast(triage, fromLocal(2026, 3, 6, 11, 0)))).toBe('2026-03-10 10:00');
  });

  it('given the Thursday before Good Friday, when sought, then the bank holiday is skipped to Tuesday 10:00 BST', () => {
    expect(nextSittingFast(triage, fromLocal(2026, 4, 2, 12, 0))).toBe(Date.UTC(2026, 3, 7, 9, 0));
  });

  it('given the Wednesday before Christmas 2026, when sought, then Christmas Day (a Friday) is skipped to Tuesday 29 December', () => {
    expect(formatLocal(nextSittingFast(triage, fromLocal(2026, 12, 23, 12, 0)))).toBe('2026-12-29 10:00');
  });

  it('given a Friday afternoon before the spring change, when sought, then it is Tuesday 10:00 BST', () => {
    expect(nextSittingFast(triage, fromLocal(2026, 3, 27, 12, 0))).toBe(Date.UTC(2026, 2, 31, 9, 0));
  });
});

describe('nextSittingFast at the edges', () => {
  it('given a Sunday meeting, when sought, then neither the engine nor the fast version finds a sitting (Sundays are not working days)', () => {
    const night = meeting('Sun', '01:30');
    const autumnChange = Date.UTC(2026, 9, 25, 0, 0);
    expect(() => nextSittingFast(night, autumnChange)).toThrow('meeting "Synthetic triage" has no sitting within 30 days');
    expect(() => nextSitting(night, autumnChange)).toThrow('meeting "Synthetic triage" has no sitting within 30 days');
  });

  it('given a meeting at 01:30 on weekdays, when sought on the Monday after each clock change, then it sits at 01:30 local time', () => {
    const early = meeting('Mon', '01:30');
    expect(formatLocal(nextSittingFast(early, fromLocal(2026, 3, 29, 1, 0)))).toBe('2026-03-30 01:30');
    expect(formatLocal(nextSittingFast(early, fromLocal(2026, 10, 25, 1, 0)))).toBe('2026-10-26 01:30');
  });

  it('given two equal rule objects, when sought, then they share answers (and the cache)', () => {
    const a = meeting('Mon Wed', '09:15');
    const b = meeting('wednesday Monday', '9:15');
    const after = fromLocal(2026, 5, 1, 12, 0);
    expect(nextSittingFast(a, after)).toBe(nextSittingFast(b, after));
    expect(formatLocal(nextSittingFast(a, after))).toBe('2026-05-06 09:15'); // Monday 4 May is a bank holiday
  });
});
