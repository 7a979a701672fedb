/**
 * A what-if run, as the Web Worker does it: the scenario with the knobs applied, on the diagram in
 * the editor, against the same scenario as written on the model as saved. Both use the scenario's
 * seed, so replication i of each sees the same incidents (common random numbers) and the change is
 * estimated pair by pair. Replications run one at a time with a checkpoint after each, so progress
 * shows and a cancel is heard. No DOM: the tests run it in Node.
 */
import { compareResults, pairedDifference, type Comparison, type ComparedReports, type FigureComparison } from '../../simulations/compare.ts';
import { restsOnFigure } from '../../simulations/basis.ts';
import type { ReplicationResult } from '../../simulations/domain/replication.ts';
import { prepare, report, runReplication, type SimulationReport } from '../../simulations/simulate.ts';
import { estimate } from '../../simulations/stats/confidence.ts';
import { describeChanges, knobsFromPlan, movedKnobs, scenarioTextWithKnobs, type KnobSettings, type ScenarioKnobs } from './knobs.ts';

export interface DescribeRequest {
  scenarioText: string;
  /** For messages: models/scenarios/derby-baseline.yaml */
  scenarioFile: string;
  modelXml: string;
  modelFile: string;
}

export interface WhatIfRequest {
  scenarioText: string;
  scenarioFile: string;
  modelFile: string;
  /** The diagram in the editor, maybe unsaved: the what-if runs on it. */
  whatIfXml: string;
  /** The model as last opened or saved: the baseline runs on it. */
  baselineXml: string;
  settings: KnobSettings;
}

export interface WhatIfOutcome {
  whatIf: SimulationReport;
  baseline: SimulationReport;
  comparison: Comparison;
  /** The headline figures, what-if against baseline, in the order the panel shows them. */
  figures: FigureComparison[];
  /** The knobs moved from the scenario as written, in words. */
  changes: string[];
  diagramEdited: boolean;
  replications: number;
  /** Replications run for this answer (the baseline's are reused while nothing it depends on changed). */
  replicationsRun: number;
  baselineReused: boolean;
  /** Wall time in the worker, from request to answer. */
  workerSeconds: number;
}

export interface RunHooks {
  progress(done: number, total: number): void;
  /** Lets other messages in (a cancel); false: stop now. */
  checkpoint(): Promise<boolean>;
}

/** Thrown to end a run that was cancelled; not a failure. */
export class RunCancelled extends Error {
  override readonly name = 'RunCancelled';
}

export async function describeScenario(request: DescribeRequest): Promise<ScenarioKnobs> {
  const plan = await prepare({ scenarioText: request.scenarioText, scenarioFile: request.scenarioFile, modelXml: request.modelXml, modelFile: request.modelFile });
  return knobsFromPlan(plan);
}

/** Meeting overflow is not among the simulator's comparison figures: items carried to the next sitting, per meeting. */
function meetingOverflow(baseline: readonly ReplicationResult[], whatIf: readonly ReplicationResult[], reports: ComparedReports): FigureComparison[] {
  const figures: FigureComparison[] = [];
  for (const [task, meeting] of Object.entries(whatIf[0]?.meetings ?? {})) {
    if (!baseline.every((result) => result.meetings[task]) || !whatIf.every((result) => result.meetings[task])) continue;
    const a = baseline.map((result) => result.meetings[task]!.meanCarriedOver);
    const b = whatIf.map((result) => result.meetings[task]!.meanCarriedOver);
    const difference = pairedDifference(a, b);
    figures.push({
      key: `meetings.${task}.meanCarriedOver`,
      label: `items carried over per sitting: ${meeting.name}`,
      unit: 'items',
      baseline: estimate(a),
      alternative: estimate(b),
      difference,
      significant: difference.low > 0 || difference.high < 0,
      restsOn: [...new Set([...restsOnFigure(reports.baseline.basis, `meetings.${task}`), ...restsOnFigure(reports.alternative.basis, `meetings.${task}`)])].sort(),
      flagged: [],
    });
  }
  return figures;
}

/** The panel's rows: deadlines, time to decision, utilisation (by the lane's name), meeting overflow, backlog at the end. */
export function headlineRows(comparison: Comparison, overflow: readonly FigureComparison[], laneNames: ReadonlyMap<string, string>): FigureComparison[] {
  const pick = (key: string) => comparison.figures.filter((figure) => figure.key === key);
  const deadlines = comparison.figures.filter((figure) => figure.key.startsWith('deadlines.')).map((figure) => ({ ...figure, label: `late: ${figure.key.slice('deadlines.'.length, -'.breachRate'.length)}` }));
  const utilisation = comparison.figures
    .filter((figure) => figure.key.startsWith('pools.'))
    .map((figure) => {
      const lane = figure.key.slice('pools.'.length, -'.utilisation'.length);
      return { ...figure, label: `utilisation: ${laneNames.get(lane) ?? lane}` };
    });
  return [
    ...deadlines,
    ...pick('timeToDecisionHours.p50').map((figure) => ({ ...figure, label: 'time to decision, median' })),
    ...pick('timeToDecisionHours.p90').map((figure) => ({ ...figure, label: 'time to decision, 90th percentile' })),
    ...utilisation,
    ...overflow,
    ...pick('inSystemAtEnd').map((figure) => ({ ...figure, label: 'backlog: incidents open at the end' })),
  ];
}

interface BaselineRun {
  key: string;
  results: ReplicationResult[];
  report: SimulationReport;
  /** The scenario as written, on the saved model: what the changes are counted from. */
  knobs: ScenarioKnobs;
}

/** Runs what-ifs and keeps the last baseline, so moving a knob again costs only the what-if's replications. */
export class WhatIfRunner {
  private lastBaseline: BaselineRun | undefined;

  async run(request: WhatIfRequest, hooks: RunHooks): Promise<WhatIfOutcome> {
    const started = performance.now();
    const { settings } = request;
    const common = { scenarioFile: request.scenarioFile, modelFile: request.modelFile };
    // The baseline is the scenario as written, over the same period and replications (pairs need both).
    const baselineText = scenarioTextWithKnobs(request.scenarioText, request.scenarioFile, { replications: settings.replications, days: settings.days });
    const baselineKey = JSON.stringify([request.scenarioFile, baselineText, request.baselineXml]);
    const reuse = this.lastBaseline?.key === baselineKey ? this.lastBaseline : undefined;
    const baselinePlan = reuse ? undefined : await prepare({ ...common, scenarioText: baselineText, modelXml: request.baselineXml });
    const written = reuse ? reuse.knobs : knobsFromPlan(baselinePlan!);
    const whatIfText = scenarioTextWithKnobs(request.scenarioText, request.scenarioFile, movedKnobs(written.written, settings));
    const whatIfPlan = await prepare({ ...common, scenarioText: whatIfText, modelXml: request.whatIfXml });

    const replications = whatIfPlan.scenario.replications;
    const total = replications * (baselinePlan ? 2 : 1);
    const whatIfResults: ReplicationResult[] = [];
    const baselineResults: ReplicationResult[] = reuse ? reuse.results : [];
    let done = 0;
    hooks.progress(done, total);
    // Pair by pair, so the bar moves evenly and a cancelled run stops within one replication.
    for (let replication = 0; replication < replications; replication++) {
      if (baselinePlan) {
        baselineResults.push(runReplication(baselinePlan, replication));
        hooks.progress(++done, total);
        if (!(await hooks.checkpoint())) throw new RunCancelled();
      }
      whatIfResults.push(runReplication(whatIfPlan, replication));
      hooks.progress(++done, total);
      if (!(await hooks.checkpoint())) throw new RunCancelled();
    }

    const baseline: BaselineRun = reuse ?? { key: baselineKey, results: baselineResults, report: report(baselinePlan!, baselineResults), knobs: written };
    this.lastBaseline = baseline;
    const changes = describeChanges(baseline.knobs, settings);
    const diagramEdited = request.whatIfXml !== request.baselineXml;
    const title = changes.length || diagramEdited ? 'The what-if' : 'The unchanged scenario';
    const whatIfReport = report(whatIfPlan, whatIfResults);
    const reports: ComparedReports = { baseline: baseline.report, alternative: whatIfReport };
    const comparison = compareResults('baseline', title, baselineResults, whatIfResults, reports);
    const laneNames = new Map([...whatIfPlan.pools.values()].map((pool) => [pool.laneId, pool.name]));
    return {
      whatIf: whatIfReport,
      baseline: baseline.report,
      comparison,
      figures: headlineRows(comparison, meetingOverflow(baselineResults, whatIfResults, reports), laneNames),
      changes,
      diagramEdited,
      replications,
      replicationsRun: done,
      baselineReused: reuse !== undefined,
      workerSeconds: (performance.now() - started) / 1000,
    };
  }
}
