/**
 * `mashflow compare <baseline.yaml> <alternative.yaml> [...]`: every scenario on the same seed and
 * number of replications (common random numbers), paired differences against the first.
 */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { prepare, type Plan, type ReplicationResult, type SimulationInput } from '../../simulations/simulate.ts';
import { compareResults, type Comparison } from '../../simulations/compare.ts';
import { UsageError, writeFileAtomic } from '../files.ts';
import { simulationInput } from './simulate.ts';
import { ReplicationRunner } from '../replication-runner.ts';
import { report } from '../../simulations/simulate.ts';
import { writeHtmlReport } from '../html-report.ts';
import { assumedMark, flagLines, flagMark } from '../simulation-text.ts';

export interface CompareOptions {
  replications?: number;
  seed?: number;
  workers?: number;
  out?: string;
  json: boolean;
}


function signed(value: number, unit: string): string {
  const text = unit === '%' ? `${value.toFixed(1)} pts` : value.toFixed(unit === 'hours' ? 1 : 1);
  return value > 0 ? `+${text}` : text;
}

export function formatComparison(comparison: Comparison): string {
  const rows = [['figure', 'baseline', 'alternative', 'change (95% CI)']];
  for (const figure of comparison.figures) {
    const value = (mean: number) => (figure.unit === '%' ? `${mean.toFixed(1)}%` : mean.toFixed(1));
    rows.push([
      `${figure.label}${figure.unit === 'hours' ? ' (h)' : ''}${figure.restsOn.length > 0 ? ` ${assumedMark}` : ''}${figure.flagged.length > 0 ? ` ${flagMark}` : ''}`,
      value(figure.baseline.mean),
      value(figure.alternative.mean),
      `${signed(figure.difference.mean, figure.unit)} [${signed(figure.difference.low, figure.unit)}, ${signed(figure.difference.high, figure.unit)}]${figure.significant ? ' *' : ''}`,
    ]);
  }
  const widths = rows[0]!.map((_, column) => Math.min(60, Math.max(...rows.map((row) => row[column]!.length))));
  // Long labels are cut, but never their marks.
  const label = (cell: string) => {
    const marks = /( [†!])*$/.exec(cell)![0];
    return cell.length <= 60 ? cell : `${cell.slice(0, 60 - marks.length)}${marks}`;
  };
  const lines = rows.map((row) => row.map((cell, column) => (column === 0 ? label(cell).padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('   '));
  const assumed = [...new Set(comparison.figures.flatMap((figure) => figure.restsOn))].sort();
  return [
    `alternative: ${comparison.alternative}`,
    `baseline:    ${comparison.baseline}`,
    `${comparison.replications} paired replications on the same incidents (common random numbers)`,
    ...(comparison.flags.length > 0 ? ['', ...flagLines(comparison.flags)] : []),
    '',
    ...lines.map((line) => `  ${line}`),
    '  * the 95% interval of the change excludes 0',
    ...(assumed.length > 0 ? [`  ${assumedMark} rests on assumed staffing/durations: ${assumed.join(', ')}`] : []),
    ...(comparison.flags.length > 0 ? [`  ${flagMark} implausible in one of the scenarios (flagged above): not read as a finding`] : []),
    '',
    ...comparison.summary.map((line) => `- ${line}`),
    '',
  ].join('\n');
}

export async function compareCommand(paths: readonly string[], options: CompareOptions): Promise<number> {
  if (paths.length < 2) throw new UsageError('compare needs a baseline and at least one alternative scenario');
  const raw = paths.map((path) => simulationInput(path, {}));
  const first = await prepare(raw[0]!);
  const overrides = { seed: options.seed ?? first.scenario.seed, replications: options.replications ?? first.scenario.replications };
  const inputs = raw.map((input) => ({ ...input, overrides }));
  const plans: Plan[] = [];
  for (const input of inputs) plans.push(await prepare(input)); // every file checked before running any
  const workers = Math.max(1, options.workers ?? availableParallelism());
  const results: ReplicationResult[][] = [];
  const runner = new ReplicationRunner({ workers });
  try {
    for (const [index, input] of inputs.entries()) {
      if (process.stderr.isTTY) process.stderr.write(`simulating ${plans[index]!.scenario.title}…\n`);
      results.push(await runner.run(input, overrides.replications));
    }
  } finally {
    await runner.close();
  }
  const reports = plans.map((plan, index) => report(plan, results[index]!));
  const comparisons = results
    .slice(1)
    .map((alternative, index) => compareResults(plans[0]!.scenario.title, plans[index + 1]!.scenario.title, results[0]!, alternative, { baseline: reports[0]!, alternative: reports[index + 1]! }));
  const json = `${JSON.stringify(comparisons, null, 2)}\n`;
  if (options.out) {
    mkdirSync(options.out, { recursive: true });
    writeFileAtomic(join(options.out, 'comparison.json'), json);
    const runs = plans.map((plan, index) => ({ label: plan.scenario.title, report: reports[index]!, modelXml: inputs[index]!.modelXml }));
    writeHtmlReport(join(options.out, 'report.html'), `${plans[0]!.scenario.title}: what if…`, runs, comparisons);
  }
  process.stdout.write(options.json ? json : comparisons.map(formatComparison).join('\n'));
  return 0;
}
