/**
 * The what-if's two charts, drawn with Observable Plot (bundled; loaded on the first result so edit
 * mode does not pay for it): how soon incidents are decided, and how many are open over the year,
 * what-if against baseline. Numeric axes only, so they stay readable in a narrow side panel.
 */
import type { SimulationReport } from '../../simulations/report.ts';

const series = { baseline: '#8a96a3', 'what-if': '#2f6fdb' } as const;
type Series = keyof typeof series;

export interface DecisionPoint {
  series: Series;
  /** Upper edge of the 12-hour bin, in days. */
  days: number;
  /** Share of decided incidents decided by then, in %. */
  decided: number;
}

/** The simulator's shares per 12-hour bin as a cumulative curve; the last bin ("longer") is left out. */
export function decisionCurve(label: Series, shares: readonly number[]): DecisionPoint[] {
  const points: DecisionPoint[] = [{ series: label, days: 0, decided: 0 }];
  let total = 0;
  shares.slice(0, -1).forEach((share, bin) => {
    total += share;
    points.push({ series: label, days: ((bin + 1) * 12) / 24, decided: total * 100 });
  });
  return points;
}

export interface OpenPoint {
  series: Series;
  day: number;
  open: number;
}

export function openCurve(label: Series, inSystem: readonly number[]): OpenPoint[] {
  return inSystem.map((open, day) => ({ series: label, day: day + 1, open }));
}

/** Loads the chart library ahead of the first result, so drawing it does not pay for parsing it. */
export function preloadCharts(): void {
  void import('@observablehq/plot').catch(() => {
    // Drawing reports the failure, if it recurs.
  });
}

export async function drawCharts(decided: HTMLElement, open: HTMLElement, whatIf: SimulationReport, baseline: SimulationReport, width: number): Promise<void> {
  const Plot = await import('@observablehq/plot');
  const color = { legend: true, domain: Object.keys(series), range: Object.values(series) };
  const decision = [...decisionCurve('baseline', baseline.results.timeToDecisionShares), ...decisionCurve('what-if', whatIf.results.timeToDecisionShares)];
  decided.replaceChildren(
    Plot.plot({
      width,
      height: 210,
      marginLeft: 44,
      style: { fontSize: '12px' },
      x: { label: 'days from receipt', domain: [0, 14] },
      y: { label: 'decided by then (%)', domain: [0, 100], grid: true },
      color,
      marks: [Plot.lineY(decision, { x: 'days', y: 'decided', stroke: 'series', curve: 'step-before', strokeWidth: 2 }), Plot.ruleY([0])],
    }),
  );
  const opened = [...openCurve('baseline', baseline.daily.inSystem), ...openCurve('what-if', whatIf.daily.inSystem)];
  open.replaceChildren(
    Plot.plot({
      width,
      height: 210,
      marginLeft: 44,
      style: { fontSize: '12px' },
      x: { label: 'day of the measured period' },
      y: { label: 'open at noon (mean, 7-day average)', grid: true, zero: true },
      color,
      // A week's average: the daily figure swings with the meeting days and hides the difference.
      marks: [Plot.lineY(opened, Plot.windowY({ k: 7, anchor: 'end' }, { x: 'day', y: 'open', stroke: 'series', strokeWidth: 2 })), Plot.ruleY([0])],
    }),
  );
}
