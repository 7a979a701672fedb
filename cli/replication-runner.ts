/**
 * Replications in parallel: the main thread and `workers - 1` worker threads (tinypool) claim
 * replication numbers from one shared counter until none are left. Nobody waits for a chunk to be
 * handed out, the last replications balance themselves, and the main thread, which has already
 * built the plan and compiled the code, starts at once while the threads are still loading.
 *
 * Results are placed by replication number and each replication has its own random streams, so
 * the output is byte-identical whichever thread ran what, and with 1 worker or many.
 */
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { setImmediate as nextTurn, setTimeout as sleep } from 'node:timers/promises';
import { Tinypool } from 'tinypool';
import { prepare, runReplication, type Plan, type ReplicationResult, type SimulationInput } from '../simulations/simulate.ts';
import type { WorkerInput, WorkerTask } from './simulate-worker.ts';
import { repositoryRoot } from './repository.ts';

/** Shared counters: [next replication to claim, replications finished]. */
const NEXT = 0;
const FINISHED = 1;

export interface ReplicationRunnerOptions {
  /** Threads that run replications, the main thread included; 1 runs everything in this thread. */
  workers: number;
  /** false: the main thread only waits (tests use it to be sure the worker threads ran something). */
  mainThreadRuns?: boolean;
}

/** Who ran how many replications in the last run: index 0 is the main thread, then the worker threads together. */
export interface RunShare {
  mainThread: number;
  workerThreads: number;
}

/**
 * The worker as one plain JavaScript file (esbuild, dependencies left as imports), so each
 * thread starts without compiling TypeScript. The CLI bundle (tools/build/cli.mjs) has it built
 * already beside this module; run from the sources, it is built now, next to node_modules so its
 * imports resolve, and deleted on close (`temporary`).
 */
async function bundledWorker(): Promise<{ file: string; temporary: boolean }> {
  const prebuilt = fileURLToPath(new URL('./simulate-worker.mjs', import.meta.url));
  if (existsSync(prebuilt)) return { file: prebuilt, temporary: false };
  const { build } = await import('esbuild');
  const folder = join(repositoryRoot, 'node_modules', '.cache', 'mashflow');
  mkdirSync(folder, { recursive: true });
  const outfile = join(folder, `simulate-worker-${process.pid}-${Date.now()}.mjs`);
  await build({ entryPoints: [fileURLToPath(new URL('./simulate-worker.ts', import.meta.url))], bundle: true, platform: 'node', format: 'esm', packages: 'external', outfile, logLevel: 'error' });
  return { file: outfile, temporary: true };
}

export class ReplicationRunner {
  readonly workers: number;
  private readonly mainThreadRuns: boolean;
  private pool: Promise<{ pool: Tinypool; file: string; temporary: boolean }> | undefined;
  private plans = new Map<string, Promise<Plan>>();
  lastShare: RunShare = { mainThread: 0, workerThreads: 0 };

  constructor(options: ReplicationRunnerOptions) {
    this.workers = Math.max(1, Math.floor(options.workers));
    this.mainThreadRuns = options.mainThreadRuns ?? true;
  }

  private get threadCount(): number {
    if (this.workers <= 1) return 0;
    return this.mainThreadRuns ? this.workers - 1 : this.workers;
  }

  /** Started once and kept for every run (a what-if suite runs a dozen scenarios on the same threads). */
  private startPool(): Promise<{ pool: Tinypool; file: string; temporary: boolean }> {
    this.pool ??= bundledWorker().then(({ file, temporary }) => {
      const threads = this.threadCount;
      return { pool: new Tinypool({ filename: pathToFileURL(file).href, minThreads: threads, maxThreads: threads }), file, temporary };
    });
    return this.pool;
  }

  private planFor(input: SimulationInput): Promise<Plan> {
    const key = planKey(input);
    let plan = this.plans.get(key);
    if (!plan) {
      plan = prepare(input);
      this.plans.set(key, plan);
    }
    return plan;
  }

  async run(input: SimulationInput, count: number, onDone?: (done: number) => void): Promise<ReplicationResult[]> {
    const results: ReplicationResult[] = new Array(count);
    const threads = this.threadCount;
    if (threads === 0) {
      const plan = await this.planFor(input);
      for (let replication = 0; replication < count; replication++) {
        results[replication] = runReplication(plan, replication);
        onDone?.(replication + 1);
      }
      this.lastShare = { mainThread: count, workerThreads: 0 };
      return results;
    }

    // [next to claim, finished, then one flag per thread: it claimed at least one replication].
    const counters = new Int32Array(new SharedArrayBuffer((2 + threads) * Int32Array.BYTES_PER_ELEMENT));
    // The main thread starts at once; the threads join as soon as the pool is up.
    const runs: Array<Promise<Array<[number, ReplicationResult]>>> = [];
    const plan = await this.planFor(input);
    const workerInput: WorkerInput = { scenario: plan.scenario, modelXml: input.modelXml, modelFile: input.modelFile };
    let failure: unknown;
    this.startPool().then(
      ({ pool }) => {
        for (let slot = 0; slot < threads; slot++) {
          const task: WorkerTask = { input: workerInput, count, counters: counters.buffer as SharedArrayBuffer, slot };
          const run = pool.run(task) as Promise<Array<[number, ReplicationResult]>>;
          run.catch((error: unknown) => (failure ??= error));
          runs.push(run);
        }
      },
      (error: unknown) => (failure ??= error),
    );
    let reported = 0;
    const report = () => {
      const finished = Atomics.load(counters, FINISHED);
      if (finished > reported && finished < count) onDone?.((reported = finished));
    };

    let ranHere = 0;
    if (this.mainThreadRuns) {
      while (failure === undefined) {
        const replication = Atomics.add(counters, NEXT, 1);
        if (replication >= count) break;
        results[replication] = runReplication(plan, replication);
        ranHere++;
        Atomics.add(counters, FINISHED, 1);
        report();
        // Let tinypool hand the task to a thread that has just come up.
        await nextTurn();
      }
    }
    // Wait for the replications still running elsewhere, but not for a thread that is still
    // starting up: once everything is claimed it will find nothing to do.
    while (failure === undefined && Atomics.load(counters, FINISHED) < count) {
      report();
      await sleep(10);
    }
    if (failure !== undefined) throw failure;
    for (let slot = 0; slot < threads; slot++) {
      const run = runs[slot];
      if (Atomics.load(counters, 2 + slot) === 0) continue;
      for (const [replication, result] of await run!) results[replication] = result;
    }
    this.lastShare = { mainThread: ranHere, workerThreads: count - ranHere };
    onDone?.(count);
    return results;
  }

  async close(): Promise<void> {
    const started = this.pool;
    this.pool = undefined;
    if (!started) return;
    const { pool, file, temporary } = await started;
    await pool.destroy();
    if (temporary) rmSync(file, { force: true });
  }
}

/** The same texts and overrides give the same plan. */
export function planKey(input: SimulationInput): string {
  return JSON.stringify([input.scenarioFile, input.scenarioText, input.modelFile, input.modelXml, input.overrides ?? {}]);
}

/** One run on a runner of its own, closed afterwards. */
export async function runReplicationsInParallel(input: SimulationInput, count: number, workers: number, onDone?: (done: number) => void): Promise<ReplicationResult[]> {
  const runner = new ReplicationRunner({ workers });
  try {
    return await runner.run(input, count, onDone);
  } finally {
    await runner.close();
  }
}
