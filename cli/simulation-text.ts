/** A simulation report as a person reads it on a terminal, and its daily series as CSV. */
import type { SimulationReport } from '../simulations/report.ts';
import type { Estimate } from '../simulations/stats/confidence.ts';
import { civilFromDay } from '../simulations/calendar/london-clock.ts';
import { assumedInputs, type ReportBasis } from '../simulations/basis.ts';
import { flagsOn } from '../simulations/flags.ts';

/** Marks a figure that rests on assumed inputs; the legend names them. */
export const assumedMark = '†';
/** Marks a figure a flag makes implausible; the flag says why. */
export const flagMark = '!';

/** "12.3 ± 0.4 †!": the marks a figure carries. */
function marked(text: string, assumed: readonly string[], flagged: boolean): string {
  return `${text}${assumed.length > 0 ? ` ${assumedMark}` : ''}${flagged ? ` ${flagMark}` : ''}`;
}

/** The flags, first thing under the title: these results are not findings. */
export function flagLines(flags: readonly { message: string; title?: string }[]): string[] {
  if (flags.length === 0) return [];
  return [`${flagMark} NOT FINDINGS (implausible results; check the assumptions or the model):`, ...flags.map((flag) => `  ${flagMark} ${flag.title ? `${flag.title}: ` : ''}${flag.message}`)];
}

/** The legend: which assumed inputs the marked figures rest on, and what the sourced ones cite. */
export function basisLines(basis: ReportBasis): string[] {
  const assumed = assumedInputs(basis);
  const lines: string[] = [];
  if (assumed.length > 0) lines.push(`${assumedMark} rests on assumed staffing/durations: ${assumed.join(', ')} (each assumed: note in the scenario says why)`);
  const sourced = basis.inputs.filter((input) => input.kind === 'sourced');
  if (sourced.length > 0) {
    lines.push('sourced:');
    for (const input of sourced) lines.push(`  ${input.key}: ${input.text}`);
  }
  return lines;
}

function fixed(value: number, digits: number): string {
  return value.toFixed(digits);
}

/** "12.3 ± 0.4" (mean and 95% half-width). */
function interval(estimate: Estimate, digits = 1, scale = 1): string {
  return `${fixed(estimate.mean * scale, digits)} ± ${fixed(estimate.halfWidth * scale, digits)}`;
}

function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) => `  ${row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('   ')}`);
}

export function formatReport(report: SimulationReport): string {
  const r = report.results;
  const lines: string[] = [];
  lines.push(`${report.title}`);
  lines.push(`  model: ${report.model}; ${report.replications} replications, seed ${report.seed}; ${report.period.days} days from ${report.period.start} after ${report.period.warmUpDays} days' warm-up`);
  lines.push('  figures are means across replications ± the half-width of the 95% confidence interval');
  if (report.unstable.count > 0) {
    lines.push(`  UNSTABLE in ${report.unstable.count} of ${report.replications} replications: ${report.unstable.reason}`);
  }
  const flagged = (figureKey: string) => flagsOn(report.flags, figureKey).length > 0;
  const restsOn = (path: string) => report.basis.restsOn[path] ?? [];
  if (report.flags.length > 0) lines.push('', ...flagLines(report.flags));
  lines.push('');
  lines.push(`incidents: ${interval(r.arrivals, 0)} arrived, ${interval(r.completed, 0)} decided, ${interval(r.inSystemAtEnd, 0)} still open at the end`);
  lines.push(
    marked(
      `time to decision (hours): mean ${interval(r.timeToDecisionHours.mean)}, p50 ${interval(r.timeToDecisionHours.p50)}, p90 ${interval(r.timeToDecisionHours.p90)}, p95 ${interval(r.timeToDecisionHours.p95)}`,
      restsOn('timeToDecisionHours'),
      flagged('timeToDecisionHours'),
    ),
  );
  lines.push(
    marked(`in the system: mean ${interval(r.inSystem.mean)}, max ${interval(r.inSystem.max, 0)}; Little's law L = λW within ${interval(r.littlesLaw.relativeGap, 1, 100)}%`, restsOn('inSystem'), flagged('inSystem')),
  );
  const deadlines = Object.entries(r.deadlines);
  if (deadlines.length > 0) {
    lines.push('', 'deadlines:');
    lines.push(...table([['deadline', 'due', 'breached', 'breach rate %'], ...deadlines.map(([name, d]) => [name, interval(d.due, 0), interval(d.breached, 0), marked(interval(d.breachRate, 1, 100), restsOn(`deadlines.${name}`), flagged(`deadlines.${name}.breachRate`))])]));
  }
  const pools = Object.entries(r.pools);
  if (pools.length > 0) {
    lines.push('', 'staff (by lane):');
    lines.push(
      ...table([
        ['lane', 'staff', 'tasks', 'utilisation %', 'mean queue', 'mean wait h', 'p90 wait h'],
        ...pools.map(([lane, p]) => [
          marked(lane, restsOn(`pools.${lane}`), flagged(`pools.${lane}.utilisation`)),
          fixed(p.staff.mean, 0),
          interval(p.tasks, 0),
          interval(p.utilisation, 1, 100),
          interval(p.meanQueue, 2),
          interval(p.meanWaitHours, 2),
          interval(p.p90WaitHours, 2),
        ]),
      ]),
    );
  }
  const meetings = Object.entries(r.meetings);
  if (meetings.length > 0) {
    lines.push('', 'meetings:');
    lines.push(
      ...table([
        ['meeting', 'sittings', 'items/sitting', 'max items', 'carried over', 'max carried'],
        ...meetings.map(([task, m]) => [marked(m.name, restsOn(`meetings.${task}`), flagged(`meetings.${task}`)), interval(m.sittings, 0), interval(m.meanItems), interval(m.maxItems, 0), interval(m.meanCarriedOver), interval(m.maxCarriedOver, 0)]),
      ]),
    );
  }
  const outcomes = Object.entries(r.outcomes).filter(([, share]) => share.mean > 0);
  lines.push('', 'outcomes (% of decided incidents):');
  lines.push(...table([['outcome', '%'], ...outcomes.map(([word, share]) => [word, interval(share, 1, 100)])]));
  const notifications = Object.entries(r.notifications).filter(([, share]) => share.mean > 0);
  lines.push('', 'notifications (% of decided incidents):');
  lines.push(...table([['told', '%'], ...notifications.map(([word, share]) => [word, interval(share, 1, 100)])]));
  const backlog = Object.entries(r.backlogAtEnd);
  if (backlog.length > 0) {
    lines.push('', 'open at the end, by where they wait:');
    lines.push(...table([['element', 'incidents'], ...backlog.map(([id, count]) => [id, interval(count, 1)])]));
  }
  const stuck = Object.entries(r.stuck);
  if (stuck.length > 0) {
    lines.push('', 'STUCK (no outgoing flow applied; the model has a gap):');
    lines.push(...table([['element', 'incidents'], ...stuck.map(([id, count]) => [id, interval(count, 1)])]));
  }
  lines.push('', ...basisLines(report.basis));
  if (report.flags.length > 0) lines.push(`${flagMark} flagged above as not a finding`);
  return `${lines.join('\n')}\n`;
}

export function dailyCsv(report: SimulationReport, firstDay: number): string {
  const columns = Object.keys(report.daily.waiting);
  const rows = [['date', 'inSystem', ...columns.map((column) => `waiting:${column}`)].join(',')];
  report.daily.inSystem.forEach((inSystem, index) => {
    const { year, month, day } = civilFromDay(firstDay + index);
    const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    rows.push([date, inSystem.toFixed(2), ...columns.map((column) => report.daily.waiting[column]![index]!.toFixed(2))].join(','));
  });
  return `${rows.join('\n')}\n`;
}
