import { describe, expect, it } from 'vitest';
import { simulate, prepare, report, runReplication } from '../../simulations/simulate.ts';
import { compareResults } from '../../simulations/compare.ts';
import { formatReport } from '../../cli/simulation-text.ts';
import { formatComparison } from '../../cli/commands/compare.ts';
import { oneDesk } from '../simulations/fixtures/overloaded-desk.ts';

describe('terminal reports mark assumptions and flags', () => {
  it('given an overloaded desk on assumed staffing, when the report is printed, then the flags come first, the figures carry † and !, and the legend names the assumed keys and the sources', async () => {
    const text = formatReport(await simulate(oneDesk(57_800)));
    const lines = text.split('\n');
    const flagsAt = lines.indexOf('! NOT FINDINGS (implausible results; check the assumptions or the model):');
    expect(flagsAt).toBeGreaterThan(0);
    expect(flagsAt).toBeLessThan(lines.findIndex((line) => line.startsWith('time to decision')));
    expect(lines).toContain('  ! desk busy 100.0% of its working hours: no slack, so its queue grows with the run; check its staffing and minutes');
    expect(lines.find((line) => line.startsWith('time to decision'))).toMatch(/ † !$/);
    expect(lines.find((line) => line.includes('Served within 24 hours of receipt') && line.includes('±'))).toMatch(/ † !$/);
    expect(lines.find((line) => line.startsWith('  desk'))).toMatch(/^ {2}desk † ! /);
    expect(lines).toContain('† rests on assumed staffing/durations: durations.serve, staff.desk (each assumed: note in the scenario says why)');
    expect(lines).toContain('  arrivals.perYear: docs/sources.md#nspcc-referrals');
    expect(lines).toContain('  deadlines.Served within 24 hours of receipt: Seed 999_0123456789abcdef.txt (test procedure), Standard');
  });

  it('given a comfortable desk, when printed, then there are no flags and the figures still carry † for the assumed staffing', async () => {
    const text = formatReport(await simulate(oneDesk(26_000)));
    expect(text).not.toContain('NOT FINDINGS');
    expect(text).not.toMatch(/ !$/m);
    expect(text.split('\n').find((line) => line.startsWith('time to decision'))).toMatch(/ †$/);
  });

  it('given a comparison with an overloaded baseline, when printed, then its flags head the table and flagged rows carry !', async () => {
    const [basePlan, altPlan] = [await prepare(oneDesk(57_800)), await prepare(oneDesk(57_800, 2))];
    const base = [0, 1, 2].map((replication) => runReplication(basePlan, replication));
    const alt = [0, 1, 2].map((replication) => runReplication(altPlan, replication));
    const text = formatComparison(compareResults('one desk', 'two desks', base, alt, { baseline: report(basePlan, base), alternative: report(altPlan, alt) }));
    expect(text).toContain('  ! one desk: desk busy 100.0% of its working hours');
    expect(text).toMatch(/^ {2}median time to decision \(h\) † ! /m);
    expect(text).toContain('  † rests on assumed staffing/durations: durations.serve, staff.desk');
  });
});
