/**
 * Comparing procedures on the same incidents: every scenario runs with the same seed, so
 * replication i of each sees the same arrivals and households (common random numbers), and the
 * difference is estimated replication by replication (a paired t interval), far tighter than
 * comparing two independent intervals.
 */
import type { ReplicationResult } from './domain/replication.ts';
import { estimate, type Estimate } from './stats/confidence.ts';
import type { SimulationReport } from './report.ts';
import { restsOnFigure } from './basis.ts';
import { flagsOn, type Flag } from './flags.ts';

export interface Figure {
  /** Stable key, e.g. deadlines.<name>.breachRate */
  key: string;
  label: string;
  unit: '%' | 'hours' | 'incidents' | 'items';
  /** Read the figure from one replication; undefined when the scenario has no such figure. */
  read: (result: ReplicationResult) => number | undefined;
}

export interface FigureComparison {
  key: string;
  label: string;
  unit: Figure['unit'];
  baseline: Estimate;
  alternative: Estimate;
  /** alternative − baseline, paired by replication. */
  difference: Estimate;
  /** The interval of the difference excludes 0. */
  significant: boolean;
  /** The assumed inputs (scenario keys) the figure rests on in either scenario; []: sourced inputs only. */
  restsOn: string[];
  /** Codes of the flags that make the figure implausible in either scenario; not read as a finding. */
  flagged: Flag['code'][];
}

/** A flag of one side of a comparison. */
export interface ComparisonFlag extends Flag {
  scenario: 'baseline' | 'alternative';
  title: string;
}

export interface Comparison {
  baseline: string;
  alternative: string;
  replications: number;
  figures: FigureComparison[];
  summary: string[];
  /** Both scenarios' flags: the figures they undermine are left out of the summary. */
  flags: ComparisonFlag[];
}

/** The mean of b − a, replication by replication, with its Student-t interval. */
export function pairedDifference(a: readonly number[], b: readonly number[]): Estimate {
  if (a.length !== b.length) throw new Error('paired comparison needs the same number of replications');
  return estimate(b.map((value, index) => value - a[index]!));
}

const percent = (value: number | undefined) => (value === undefined ? undefined : value * 100);

/** The headline figures both results can be compared on. */
export function headlineFigures(a: ReplicationResult, b: ReplicationResult): Figure[] {
  const figures: Figure[] = [
    { key: 'timeToDecisionHours.p50', label: 'median time to decision', unit: 'hours', read: (r) => r.timeToDecisionHours.p50 },
    { key: 'timeToDecisionHours.mean', label: 'mean time to decision', unit: 'hours', read: (r) => r.timeToDecisionHours.mean },
    { key: 'timeToDecisionHours.p90', label: '90th percentile of time to decision', unit: 'hours', read: (r) => r.timeToDecisionHours.p90 },
    {
      key: 'decidedWithin24Hours',
      label: 'incidents decided within 24 hours of receipt',
      unit: '%',
      read: (r) => percent((r.timeToDecisionShares[0] ?? 0) + (r.timeToDecisionShares[1] ?? 0)),
    },
    { key: 'inSystem.mean', label: 'incidents open at any time (mean)', unit: 'incidents', read: (r) => r.inSystem.mean },
    { key: 'inSystemAtEnd', label: 'incidents still open at the end', unit: 'incidents', read: (r) => r.inSystemAtEnd },
  ];
  for (const name of Object.keys(a.deadlines)) {
    if (name in b.deadlines) figures.push({ key: `deadlines.${name}.breachRate`, label: `breaches of "${name}"`, unit: '%', read: (r) => percent(r.deadlines[name]?.breachRate) });
  }
  for (const lane of Object.keys(a.pools)) {
    if (lane in b.pools) figures.push({ key: `pools.${lane}.utilisation`, label: `utilisation of ${lane}`, unit: '%', read: (r) => percent(r.pools[lane]?.utilisation) });
  }
  const words = new Set([...Object.keys(a.outcomes), ...Object.keys(b.outcomes)]);
  for (const word of words) {
    if ((a.outcomes[word] ?? 0) > 0 || (b.outcomes[word] ?? 0) > 0) {
      figures.push({ key: `outcomes.${word}`, label: `incidents with outcome ${word}`, unit: '%', read: (r) => percent(r.outcomes[word] ?? 0) });
    }
  }
  return figures;
}

function format(value: number, unit: Figure['unit']): string {
  if (unit === '%') return `${value.toFixed(1)}%`;
  if (unit === 'hours') return value >= 48 ? `${(value / 24).toFixed(1)} days` : `${value.toFixed(1)} hours`;
  return value.toFixed(1);
}

function sentence(alternative: string, figure: FigureComparison): string {
  const { baseline, alternative: other, difference, unit } = figure;
  const direction = difference.mean < 0 ? 'cuts' : 'raises';
  const points = (value: number) => (unit === '%' ? `${value.toFixed(1)} points` : format(value, unit));
  const ci = `95% CI of the change ${points(difference.low)} to ${points(difference.high)}`;
  return `${alternative} ${direction} the ${figure.label} from ${format(baseline.mean, unit)} to ${format(other.mean, unit)} (${ci}).`;
}

/** The pooled reports of both sides, for what each figure rests on and the flags. */
export interface ComparedReports {
  baseline: Pick<SimulationReport, 'basis' | 'flags'>;
  alternative: Pick<SimulationReport, 'basis' | 'flags'>;
}

export function compareResults(
  baselineTitle: string,
  alternativeTitle: string,
  baseline: readonly ReplicationResult[],
  alternative: readonly ReplicationResult[],
  reports?: ComparedReports,
): Comparison {
  if (baseline.length !== alternative.length) throw new Error('paired comparison needs the same number of replications');
  const flags: ComparisonFlag[] = [
    ...(reports?.baseline.flags ?? []).map((flag) => ({ ...flag, scenario: 'baseline' as const, title: baselineTitle })),
    ...(reports?.alternative.flags ?? []).map((flag) => ({ ...flag, scenario: 'alternative' as const, title: alternativeTitle })),
  ];
  const figures: FigureComparison[] = [];
  for (const figure of headlineFigures(baseline[0]!, alternative[0]!)) {
    const a = baseline.map(figure.read);
    const b = alternative.map(figure.read);
    if (a.some((value) => value === undefined) || b.some((value) => value === undefined)) continue;
    const difference = pairedDifference(a as number[], b as number[]);
    figures.push({
      key: figure.key,
      label: figure.label,
      unit: figure.unit,
      baseline: estimate(a as number[]),
      alternative: estimate(b as number[]),
      difference,
      significant: difference.low > 0 || difference.high < 0,
      restsOn: reports ? [...new Set([...restsOnFigure(reports.baseline.basis, figure.key), ...restsOnFigure(reports.alternative.basis, figure.key)])].sort() : [],
      flagged: [...new Set(flagsOn(flags, figure.key).map((flag) => flag.code))],
    });
  }
  const headline = ['timeToDecisionHours.p50', 'timeToDecisionHours.p90', 'decidedWithin24Hours'];
  // Worth a sentence: distinguishable from chance and big enough to matter to a manager.
  const material = (figure: FigureComparison) =>
    figure.key.startsWith('pools.')
      ? Math.abs(figure.difference.mean) >= 2
      : figure.unit === '%'
        ? Math.abs(figure.difference.mean) >= 0.5
        : Math.abs(figure.difference.mean) >= 0.02 * Math.abs(figure.baseline.mean);
  const summary = figures
    .filter((figure) => figure.flagged.length === 0 && figure.significant && material(figure) && (headline.includes(figure.key) || figure.key.startsWith('deadlines.') || figure.key.startsWith('pools.')))
    .map((figure) => sentence(alternativeTitle, figure));
  if (summary.length === 0) {
    summary.push(
      figures.some((figure) => figure.flagged.length > 0)
        ? `${alternativeTitle}: no change to report that is not flagged as implausible (see the flags).`
        : `${alternativeTitle} makes no difference to the headline figures that the replications can distinguish from chance.`,
    );
  }
  return { baseline: baselineTitle, alternative: alternativeTitle, replications: baseline.length, figures, summary, flags };
}
