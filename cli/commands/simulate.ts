/**
 * `mashflow simulate <scenario.yaml>`: replications on worker threads (tinypool), pooled with
 * confidence intervals. Output is byte-identical for the same model, scenario and seed whatever
 * the number of workers: wall-clock figures go to stderr only.
 */
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { mkdirSync } from 'node:fs';
import { runReplicationsInParallel } from '../replication-runner.ts';
import { prepare, report, runReplication, type SimulationInput, type SimulationReport } from '../../simulations/simulate.ts';
import { display, readText, UsageError, writeFileAtomic } from '../files.ts';
import { formatReport, dailyCsv } from '../simulation-text.ts';
import { writeHtmlReport } from '../html-report.ts';
import { toEventCsv, toXes } from '../../simulations/event-log.ts';

export interface SimulateOptions {
  replications?: number;
  seed?: number;
  workers?: number;
  out?: string;
  /** Folder for events.xes and events.csv of replication 0. */
  eventLog?: string;
  json: boolean;
}

function progress(done: number, total: number, started: number): void {
  if (!process.stderr.isTTY) return;
  const width = 30;
  const filled = Math.round((done / total) * width);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} replications, ${seconds} s`);
  if (done === total) process.stderr.write('\n');
}

/** Reads a scenario and the model it names (relative to the scenario) into the simulator's input. */
export function simulationInput(scenarioPath: string, overrides: SimulationInput['overrides']): SimulationInput {
  const scenarioText = readText(scenarioPath, 'scenario');
  const modelKey = /^model:\s*(.+?)\s*$/m.exec(scenarioText)?.[1]?.replace(/^["']|["']$/g, '');
  if (!modelKey) throw new UsageError(`${display(scenarioPath)}: model: is required (the .bpmn file, relative to the scenario)`);
  const modelPath = resolve(dirname(scenarioPath), modelKey);
  return { scenarioText, scenarioFile: display(scenarioPath), modelXml: readText(modelPath, 'model'), modelFile: display(modelPath), overrides: overrides ?? {} };
}

export async function simulateCommand(scenarioPath: string, options: SimulateOptions): Promise<number> {
  const overrides: SimulationInput['overrides'] = {};
  if (options.seed !== undefined) overrides.seed = options.seed;
  if (options.replications !== undefined) overrides.replications = options.replications;
  const input = simulationInput(scenarioPath, overrides);
  const plan = await prepare(input); // validates everything before any worker starts
  const count = plan.scenario.replications;
  const workers = Math.max(1, Math.min(options.workers ?? availableParallelism(), count));
  const started = performance.now();
  const results = await runReplicationsInParallel(input, count, workers, (done) => progress(done, count, started));
  const pooled: SimulationReport = report(plan, results);
  const seconds = (performance.now() - started) / 1000;
  const incidents = results.reduce((sum, result) => sum + result.arrivals, 0);
  console.error(`simulated ${count} replication${count === 1 ? '' : 's'} (${incidents} measured incidents) in ${seconds.toFixed(1)} s on ${workers} worker${workers === 1 ? '' : 's'}`);

  const json = `${JSON.stringify(pooled, null, 2)}\n`;
  if (options.out) {
    mkdirSync(options.out, { recursive: true });
    writeFileAtomic(join(options.out, 'report.json'), json);
    writeFileAtomic(join(options.out, 'daily.csv'), dailyCsv(pooled, plan.startDay + plan.scenario.warmUpDays));
    writeHtmlReport(join(options.out, 'report.html'), pooled.title, [{ label: pooled.title, report: pooled, modelXml: input.modelXml }], []);
    console.error(`wrote ${join(options.out, 'report.json')}, daily.csv and report.html`);
  }
  if (options.eventLog) {
    const watched = runReplication(plan, 0, { explain: 'all' });
    mkdirSync(options.eventLog, { recursive: true });
    writeFileAtomic(join(options.eventLog, 'events.xes'), toXes(watched.explained ?? [], `${pooled.title}, replication 0`));
    writeFileAtomic(join(options.eventLog, 'events.csv'), toEventCsv(watched.explained ?? []));
    console.error(`wrote the event log of replication 0 (${watched.explained?.length ?? 0} incidents): ${join(options.eventLog, 'events.xes')} and events.csv`);
  }
  process.stdout.write(options.json ? json : formatReport(pooled));
  return pooled.unstable.count > 0 ? 1 : 0;
}

export { runReplicationsInParallel };
