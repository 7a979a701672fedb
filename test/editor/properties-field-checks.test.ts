/**
 * What the properties panel's fields accept as the user types, and the conversions between one
 * field and the attribute it edits; the rules must match what the engine and simulator accept.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import {
  checkCapacity,
  checkDuration,
  checkMeetingDays,
  checkMeetingTime,
  checkMinutes,
  checkMinutesList,
  checkName,
  checkStaffCount,
  checkStaffHours,
  checkWithin,
  durationKinds,
  durationSpec,
  durationTextFor,
  engineRulesReady,
  withNumber,
} from '../../editor/properties/field-checks.ts';
import { PendingEdits } from '../../editor/properties/pending-edits.ts';
import { mean } from '../../simulations/random/distributions.ts';

describe('properties panel: field checks', () => {
  beforeAll(() => engineRulesReady);

  it('given minute values, when checked, then a negative, a word or nothing is refused with a message and 0 or a decimal is accepted', () => {
    expect(checkMinutes('-5')).toMatch(/cannot be negative/);
    expect(checkMinutes('ten')).toMatch(/not a number/);
    expect(checkMinutes('  ')).toMatch(/Enter a number/);
    expect(checkMinutes('0')).toBeUndefined();
    expect(checkMinutes(' 7.5 ')).toBeUndefined();
    expect(checkMinutesList('5 10, 20')).toBeUndefined();
    expect(checkMinutesList('5 -1')).toMatch(/negative/);
    expect(checkMinutesList('')).toMatch(/at least one/);
  });

  it('given an attribute of numbers, when one parameter is replaced, then the others keep their places', () => {
    expect(withNumber('10 20 40', 2, '60', 3)).toBe('10 20 60');
    expect(withNumber('10,20', 0, ' 5 ', 2)).toBe('5 20');
    expect(withNumber('15', 1, '30', 2)).toBe('15 30');
  });

  it('given whole distributions, when checked, then an order or a count the simulator refuses is reported', () => {
    expect(checkDuration('triangular', '10 20 40')).toBeUndefined();
    expect(checkDuration('triangular', '10 20 5')).toMatch(/min <= mode <= max/);
    expect(checkDuration('uniform', '30 10')).toMatch(/min <= max/);
    expect(checkDuration('lognormal', '30')).toMatch(/needs 2 numbers/);
    expect(checkDuration('exponential', '0')).toMatch(/mean above 0/);
    expect(checkDuration('empirical', '5 10 20')).toBeUndefined();
  });

  it('given any valid distribution, when the kind is switched, then the new parameters are valid and keep the mean', () => {
    const previous = fc.oneof(
      fc.double({ min: 1, max: 600, noNaN: true }).map((value) => ({ kind: 'fixed' as const, text: String(value) })),
      fc
        .tuple(fc.integer({ min: 1, max: 300 }), fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 300 }))
        .map(([low, up, further]) => ({ kind: 'triangular' as const, text: `${low} ${low + up} ${low + up + further}` })),
    );
    fc.assert(
      fc.property(previous, fc.constantFrom(...durationKinds), (before, kind) => {
        const text = durationTextFor(kind, before);
        expect(checkDuration(kind, text)).toBeUndefined();
        const spec = durationSpec(kind, text);
        const old = durationSpec(before.kind, before.text);
        if (typeof spec === 'string' || typeof old === 'string') throw new Error('unreadable');
        // Parameters are rounded to a tenth of a minute.
        expect(Math.abs(mean(spec) - mean(old))).toBeLessThanOrEqual(0.2);
      }),
    );
    expect(durationTextFor('triangular')).toBe('7.5 15 22.5');
  });

  it('given deadline limits, when checked against their clock, then the engine rules apply (working days need P<n>D)', () => {
    expect(checkWithin('elapsed', 'PT24H')).toBeUndefined();
    expect(checkWithin('working-days', 'P0D')).toBeUndefined();
    expect(checkWithin('working-days', 'PT24H')).toMatch(/^A working-days deadline needs within="P<n>D"/);
    expect(checkWithin('working-hours', 'PT8H')).toBeUndefined();
    expect(checkWithin('elapsed', '24 hours')).toMatch(/not an ISO 8601 duration/);
    expect(checkWithin('', 'P3D')).toBeUndefined();
    expect(checkName(' ')).toMatch(/name/);
    expect(checkName('Screened within 3 days')).toBeUndefined();
  });

  it('given meeting days, times and capacities, when checked, then weekdays, 24-hour times and whole capacities pass', () => {
    expect(checkMeetingDays('Tue Fri')).toBeUndefined();
    expect(checkMeetingDays('Tue, Funday')).toMatch(/should list weekdays/);
    expect(checkMeetingDays('')).toMatch(/should list weekdays/);
    expect(checkMeetingTime('10:00')).toBeUndefined();
    expect(checkMeetingTime('25:00')).toMatch(/24-hour/);
    expect(checkCapacity('')).toBeUndefined();
    expect(checkCapacity('12')).toBeUndefined();
    expect(checkCapacity('0')).toMatch(/1 or more/);
    expect(checkCapacity('2.5')).toMatch(/whole number/);
  });

  it('given staff counts and hours, when checked, then the simulator’s working-hours forms pass and others are refused', () => {
    expect(checkStaffCount('4')).toBeUndefined();
    expect(checkStaffCount('0')).toMatch(/whole number/);
    expect(checkStaffCount('')).toMatch(/how many people/);
    for (const hours of ['', 'office', '24/7', 'Mon-Thu 08:30-17:00; Fri 08:30-16:30', 'Mon-Fri 08:00-12:00,13:00-17:00']) {
      expect(checkStaffHours(hours), hours).toBeUndefined();
    }
    expect(checkStaffHours('Mon-Fri 09:00-25:00')).toBeDefined();
    expect(checkStaffHours('Someday 09:00-17:00')).toMatch(/not a day/);
    expect(checkStaffHours('weekdays')).toMatch(/not known/);
  });
});

describe('properties panel: pending edits', () => {
  it('given typing, when it pauses, then the last value is written once; when flushed first, it is written at once and not again', () => {
    vi.useFakeTimers();
    try {
      const edits = new PendingEdits(300);
      const written: string[] = [];
      const write = edits.debounce((value: string) => void written.push(value));
      write('4');
      write('45');
      expect(written).toEqual([]);
      vi.advanceTimersByTime(300);
      expect(written).toEqual(['45']);

      write('450');
      expect(edits.size).toBe(1);
      edits.flush();
      expect(written).toEqual(['45', '450']);
      expect(edits.size).toBe(0);
      vi.advanceTimersByTime(1000);
      expect(written).toEqual(['45', '450']);

      write('4500');
      write.cancel();
      edits.flush();
      vi.advanceTimersByTime(1000);
      expect(written).toEqual(['45', '450']);
    } finally {
      vi.useRealTimers();
    }
  });
});
