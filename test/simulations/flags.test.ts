import { describe, expect, it } from 'vitest';
import { simulate } from '../../simulations/simulate.ts';
import { growingBacklog } from '../../simulations/flags.ts';
import { compareResults } from '../../simulations/compare.ts';
import { prepare, report, runReplication } from '../../simulations/simulate.ts';
import { oneDesk } from './fixtures/overloaded-desk.ts';

const input = oneDesk;

describe('flags: implausible results are data, not findings', () => {
  it('given a desk offered 110% of its capacity, when simulated, then the report flags the saturated desk, the deadline nearly always missed and the growing backlog', async () => {
    const overloaded = await simulate(input(57_800));
    expect(overloaded.unstable.count).toBe(0);
    expect(overloaded.results.pools.desk!.utilisation.mean).toBeGreaterThan(0.99);
    expect(overloaded.results.deadlines['Served within 24 hours of receipt']!.breachRate.mean).toBeGreaterThan(0.9);
    expect(overloaded.flags.map((flag) => [flag.code, flag.path])).toEqual([
      ['backlog-growing', 'inSystemAtEnd'],
      ['deadline-nearly-always-missed', 'deadlines.Served within 24 hours of receipt'],
      ['staff-saturated', 'pools.desk'],
    ]);
    const saturated = overloaded.flags.find((flag) => flag.code === 'staff-saturated')!;
    expect(saturated.message).toBe('desk busy 100.0% of its working hours: no slack, so its queue grows with the run; check its staffing and minutes');
    expect(overloaded.flags.every((flag) => !flag.message.includes('\n'))).toBe(true);
  });

  it('given the same desk at half its capacity, when simulated, then nothing is flagged', async () => {
    const comfortable = await simulate(input(26_000));
    expect(comfortable.results.pools.desk!.utilisation.mean).toBeCloseTo(0.49, 1);
    expect(comfortable.flags).toEqual([]);
  });

  it('given a baseline that is overloaded and an alternative with two desks, when compared, then the flagged figures are left out of the summary and carry the flag codes', async () => {
    const [basePlan, altPlan] = [await prepare(input(57_800)), await prepare(input(57_800, 2))];
    const base = [0, 1, 2].map((replication) => runReplication(basePlan, replication));
    const alt = [0, 1, 2].map((replication) => runReplication(altPlan, replication));
    const comparison = compareResults('one desk', 'two desks', base, alt, { baseline: report(basePlan, base), alternative: report(altPlan, alt) });
    const breaches = comparison.figures.find((figure) => figure.key === 'deadlines.Served within 24 hours of receipt.breachRate')!;
    expect(breaches.flagged).toEqual(['backlog-growing', 'deadline-nearly-always-missed', 'staff-saturated']);
    expect(breaches.restsOn).toEqual(['durations.serve', 'staff.desk']);
    expect(comparison.flags.map((flag) => `${flag.scenario} ${flag.code}`)).toEqual(['baseline backlog-growing', 'baseline deadline-nearly-always-missed', 'baseline staff-saturated']);
    expect(comparison.summary.some((line) => line.includes('breaches of') || line.includes('time to decision'))).toBe(false);
  });

  it('given a series that rises with a year-end surge only, then it is not a growing backlog; given a steady climb, it is', () => {
    const surge = Array.from({ length: 300 }, (_, day) => (day > 270 ? 30 : 10));
    const climb = Array.from({ length: 300 }, (_, day) => 5 + day / 5);
    expect(growingBacklog(surge)).toBeUndefined();
    expect(growingBacklog(climb)).toEqual({ first: expect.closeTo(14.9, 1), last: expect.closeTo(54.9, 1) });
  });
});
