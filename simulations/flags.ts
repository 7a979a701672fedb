/**
 * Results too implausible to present as findings, each with a one-line reason. Computed once,
 * here, from a pooled report, so the terminal, the JSON, the HTML report and the editor all show
 * the same flags. Pure.
 */
import type { SimulationReport } from './report.ts';

export type FlagCode = 'unstable' | 'deadline-nearly-always-missed' | 'staff-saturated' | 'backlog-growing' | 'stuck';

export interface Flag {
  code: FlagCode;
  /** The figure it is about, as a path under results (deadlines.<name>, pools.<lane>, inSystemAtEnd, stuck.<element>). */
  path: string;
  message: string;
}

/** Above this share missed, a deadline says more about the assumed staffing and minutes (or the model) than about the procedure. */
export const breachRateLimit = 0.9;
/** A pool busy this share of its working hours has no slack: its queue and waits grow with the length of the run. */
export const utilisationLimit = 0.99;

const percent = (value: number) => `${(value * 100).toFixed(1)}%`;
const meanOf = (values: readonly number[]) => values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length);

/**
 * A queue still growing at the end: open incidents rose from the first third of the measured days
 * to the second, and again to the last, and the last third holds at least twice the first (and 10
 * incidents more). A stable run with a year-end surge rises in one third only, so it is not flagged.
 */
export function growingBacklog(inSystem: readonly number[]): { first: number; last: number } | undefined {
  if (inSystem.length < 30) return undefined;
  const third = Math.floor(inSystem.length / 3);
  const [first, middle, last] = [inSystem.slice(0, third), inSystem.slice(third, 2 * third), inSystem.slice(2 * third)].map(meanOf) as [number, number, number];
  const growing = middle > first * 1.2 && last > middle * 1.2 && last >= 2 * first && last - first >= 10;
  return growing ? { first, last } : undefined;
}

export function flagReport(report: Omit<SimulationReport, 'flags'>): Flag[] {
  const flags: Flag[] = [];
  const { results } = report;
  if (report.unstable.count > 0) {
    flags.push({
      code: 'unstable',
      path: 'inSystem',
      message: `${report.unstable.count} of ${report.replications} replications stopped (${report.unstable.reason}): the queue runs away, so no figure is a finding`,
    });
  }
  const growth = growingBacklog(report.daily.inSystem);
  if (growth) {
    flags.push({
      code: 'backlog-growing',
      path: 'inSystemAtEnd',
      message: `open incidents still growing at the end (${growth.first.toFixed(0)} on average in the first third of the run, ${growth.last.toFixed(0)} in the last): waits depend on the run's length, not the procedure`,
    });
  }
  for (const [name, deadline] of Object.entries(results.deadlines)) {
    if (deadline.due.mean > 0 && deadline.breachRate.mean > breachRateLimit) {
      flags.push({
        code: 'deadline-nearly-always-missed',
        path: `deadlines.${name}`,
        message: `"${name}" missed for ${percent(deadline.breachRate.mean)} of incidents: more likely the assumed staffing or minutes, or the model, than the procedure`,
      });
    }
  }
  for (const [lane, pool] of Object.entries(results.pools)) {
    if (pool.utilisation.mean >= utilisationLimit) {
      flags.push({
        code: 'staff-saturated',
        path: `pools.${lane}`,
        message: `${lane} busy ${percent(pool.utilisation.mean)} of its working hours: no slack, so its queue grows with the run; check its staffing and minutes`,
      });
    }
  }
  for (const [element, count] of Object.entries(results.stuck)) {
    if (count.mean > 0) {
      flags.push({
        code: 'stuck',
        path: `stuck.${element}`,
        message: `${count.mean.toFixed(1)} incidents a replication stuck at ${element} (no outgoing flow applied): a gap in the model, so the figures leave them out`,
      });
    }
  }
  return flags;
}

/**
 * The flags that undermine a figure of a report or comparison: a saturated pool, a runaway or
 * growing queue undermine every time figure; a deadline flag its own breach rate; a pool flag its
 * own utilisation.
 */
export function flagsOn(flags: readonly Flag[], figureKey: string): Flag[] {
  const timeFigure = /^(timeToDecisionHours|decidedWithin24Hours|inSystem|deadlines\.|pools\.|meetings\.)/.test(figureKey);
  return flags.filter((flag) => {
    if (flag.code === 'unstable' || flag.code === 'backlog-growing') return timeFigure;
    if (flag.code === 'staff-saturated') return timeFigure && !(figureKey.startsWith('pools.') && !figureKey.startsWith(`${flag.path}.`));
    if (flag.code === 'deadline-nearly-always-missed') return figureKey === `${flag.path}.breachRate`;
    return false;
  });
}
