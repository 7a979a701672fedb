/**
 * `mashflow whatif [suite.yaml]` (what `npm start` runs): every comparison of the bundled suite
 * on common random numbers, a short table and plain words on the terminal, and one HTML report
 * with every run and comparison, plus results.json and comparisons.csv.
 */
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { mkdirSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { ScenarioError } from '../../engine/problems.ts';
import { prepare, report, type Plan, type ReplicationResult, type SimulationReport } from '../../simulations/simulate.ts';
import { compareResults, type Comparison } from '../../simulations/compare.ts';
import { display, readText, writeFileAtomic } from '../files.ts';
import { writeHtmlReport } from '../html-report.ts';
import { simulationInput } from './simulate.ts';
import { ReplicationRunner } from '../replication-runner.ts';
import { assumedMark, flagLines, flagMark } from '../simulation-text.ts';
import { assumedInputs } from '../../simulations/basis.ts';

const suiteSchema = z.strictObject({
  title: z.string().min(1),
  replications: z.number().int().min(2).default(10),
  seed: z.number().int().optional(),
  comparisons: z.array(z.strictObject({ baseline: z.string().min(1), alternatives: z.array(z.string().min(1)).min(1) })).min(1),
});

export interface WhatifOptions {
  replications?: number;
  workers?: number;
  out: string;
  json: boolean;
}

function parseSuite(path: string) {
  const text = readText(path, 'what-if suite');
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (error) {
    throw new ScenarioError([{ code: 'scenario-invalid', file: display(path), path: '', message: `not readable YAML (${(error as Error).message.split('\n')[0]})` }]);
  }
  const parsed = suiteSchema.safeParse(raw);
  if (!parsed.success) {
    throw new ScenarioError(parsed.error.issues.map((issue) => ({ code: 'scenario-invalid', file: display(path), path: issue.path.join('.'), message: issue.message })));
  }
  return parsed.data;
}

const keyFigures = ['timeToDecisionHours.p50', 'decidedWithin24Hours'];

export async function whatifCommand(suitePath: string, options: WhatifOptions): Promise<number> {
  const suite = parseSuite(suitePath);
  const folder = dirname(suitePath);
  const replications = options.replications ?? suite.replications;
  const workers = Math.max(1, options.workers ?? availableParallelism());
  const started = performance.now();

  // Check every file first, so a typo in the last scenario does not waste the first minute.
  const files = [...new Set(suite.comparisons.flatMap((comparison) => [comparison.baseline, ...comparison.alternatives]))];
  // Each file is read once; an alternative takes its baseline's seed (common random numbers).
  const raw = new Map(files.map((file) => [file, simulationInput(resolve(folder, file), {})]));
  const seedFor = new Map<string, number>();
  for (const comparison of suite.comparisons) {
    const seed = suite.seed ?? (await prepare(raw.get(comparison.baseline)!)).scenario.seed;
    for (const file of [comparison.baseline, ...comparison.alternatives]) seedFor.set(file, seed);
  }
  const inputs = new Map(files.map((file) => [file, { ...raw.get(file)!, overrides: { seed: seedFor.get(file)!, replications } }]));
  const plans = new Map<string, Plan>();
  for (const file of files) plans.set(file, await prepare(inputs.get(file)!));

  const results = new Map<string, ReplicationResult[]>();
  // One set of worker threads for the whole suite: they start once, not once per scenario.
  const runner = new ReplicationRunner({ workers });
  try {
    for (const [index, file] of files.entries()) {
      if (process.stderr.isTTY) process.stderr.write(`\r[${index + 1}/${files.length}] ${plans.get(file)!.scenario.title.slice(0, 70).padEnd(70)}`);
      results.set(file, await runner.run(inputs.get(file)!, replications));
    }
  } finally {
    await runner.close();
  }
  if (process.stderr.isTTY) process.stderr.write('\n');

  const reports: Record<string, SimulationReport> = {};
  for (const file of files) reports[file] = report(plans.get(file)!, results.get(file)!);
  const comparisons: Comparison[] = [];
  const lines: string[] = [`${suite.title}`, `${replications} replications each; alternatives run on the same incidents as their baseline`, ''];
  const flagged = files.flatMap((file) => reports[file]!.flags.map((flag) => ({ ...flag, title: plans.get(file)!.scenario.title })));
  // Flags first: a reader must not take the lines below them as findings.
  if (flagged.length > 0) lines.push(...flagLines(flagged), '');
  for (const comparison of suite.comparisons) {
    const baseline = plans.get(comparison.baseline)!;
    lines.push(`${baseline.scenario.title}`);
    for (const alternative of comparison.alternatives) {
      const result = compareResults(baseline.scenario.title, plans.get(alternative)!.scenario.title, results.get(comparison.baseline)!, results.get(alternative)!, {
        baseline: reports[comparison.baseline]!,
        alternative: reports[alternative]!,
      });
      comparisons.push(result);
      const figures = keyFigures.map((key) => result.figures.find((figure) => figure.key === key)).filter((figure) => figure !== undefined);
      const numbers = figures
        .map(
          (figure) =>
            `${figure.label}: ${figure.baseline.mean.toFixed(1)} → ${figure.alternative.mean.toFixed(1)}${figure.unit === '%' ? '%' : figure.unit === 'hours' ? ' h' : ''}${figure.restsOn.length > 0 ? ` ${assumedMark}` : ''}${figure.flagged.length > 0 ? ` ${flagMark}` : ''}`,
        )
        .join('; ');
      lines.push(`  vs ${result.alternative}`, `     ${numbers}`);
      // The alternative is named just above: its sentences start with the verb.
      for (const sentence of result.summary) lines.push(`     - ${sentence.startsWith(`${result.alternative} `) ? sentence.slice(result.alternative.length + 1) : sentence}`);
    }
    lines.push('');
  }
  const assumed = [...new Set(files.flatMap((file) => assumedInputs(reports[file]!.basis)))].sort();
  if (assumed.length > 0) lines.push(`${assumedMark} rests on assumed staffing/durations (${assumed.length} scenario keys, e.g. ${assumed.slice(0, 4).join(', ')}; the report lists them per scenario)`);
  if (flagged.length > 0) lines.push(`${flagMark} implausible (flagged at the top): not read as a finding`);

  mkdirSync(options.out, { recursive: true });
  writeFileAtomic(join(options.out, 'results.json'), `${JSON.stringify({ title: suite.title, replications, reports, comparisons }, null, 2)}\n`);
  const csv = ['baseline,alternative,figure,unit,baseline_mean,alternative_mean,change,change_low,change_high,significant'];
  for (const comparison of comparisons) {
    for (const figure of comparison.figures) {
      const cells = [comparison.baseline, comparison.alternative, figure.label, figure.unit, figure.baseline.mean, figure.alternative.mean, figure.difference.mean, figure.difference.low, figure.difference.high, figure.significant];
      csv.push(cells.map((cell) => (typeof cell === 'number' ? cell.toFixed(4) : /[",]/.test(String(cell)) ? `"${String(cell).replace(/"/g, '""')}"` : String(cell))).join(','));
    }
  }
  writeFileAtomic(join(options.out, 'comparisons.csv'), `${csv.join('\n')}\n`);
  const runs = files.map((file) => ({ label: plans.get(file)!.scenario.title, report: reports[file]!, modelXml: inputs.get(file)!.modelXml }));
  writeHtmlReport(join(options.out, 'report.html'), suite.title, runs, comparisons);
  lines.push(`report: ${join(options.out, 'report.html')} (open it in a browser; results.json and comparisons.csv beside it)`);
  process.stdout.write(options.json ? `${JSON.stringify(comparisons, null, 2)}\n` : `${lines.join('\n')}\n`);
  console.error(`ran ${files.length} scenarios × ${replications} replications in ${((performance.now() - started) / 1000).toFixed(1)} s on ${workers} worker${workers === 1 ? '' : 's'}`);
  return 0;
}
