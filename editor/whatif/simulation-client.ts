/**
 * The page's side of the simulation worker: requests as promises, progress as a callback, cancel
 * by id. The worker starts on first use and ends with `close()` (leaving what-if mode).
 */
import type { Problem } from '../../engine/problems.ts';
import type { ScenarioKnobs } from './knobs.ts';
import type { FromWorker, ToWorker } from './protocol.ts';
import type { DescribeRequest, WhatIfOutcome, WhatIfRequest } from './whatif-run.ts';

/** The simulator refused the scenario or the model; its problems say why. */
export class SimulationProblems extends Error {
  override readonly name = 'SimulationProblems';
  readonly problems: readonly Problem[];

  constructor(problems: readonly Problem[]) {
    super(problems[0]?.message ?? 'the scenario has problems');
    this.problems = problems;
  }
}

/** The run was cancelled before it finished. */
export class SimulationCancelled extends Error {
  override readonly name = 'SimulationCancelled';
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
  progress?: (done: number, total: number) => void;
}

export class SimulationClient {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  private started(): Worker {
    if (this.worker) return this.worker;
    // Vite bundles the worker and everything it imports into its own module file (no network at run time).
    const worker = new Worker(new URL('./simulation-worker.ts', import.meta.url), { type: 'module', name: 'mashflow what-if simulation' });
    worker.addEventListener('message', (event: MessageEvent<FromWorker>) => this.receive(event.data));
    worker.addEventListener('error', (event) => this.failAll(`the simulation worker failed: ${event.message || 'it could not start'}`));
    this.worker = worker;
    return worker;
  }

  private receive(message: FromWorker): void {
    const pending = this.pending.get(message.id);
    if (!pending) return;
    if (message.type === 'progress') {
      pending.progress?.(message.done, message.total);
      return;
    }
    this.pending.delete(message.id);
    switch (message.type) {
      case 'described':
        return pending.resolve(message.knobs);
      case 'done':
        return pending.resolve(message.outcome);
      case 'cancelled':
        return pending.reject(new SimulationCancelled('cancelled'));
      case 'invalid':
        return pending.reject(new SimulationProblems(message.problems));
      case 'failed':
        return pending.reject(new Error(message.message));
    }
  }

  private failAll(reason: string): void {
    for (const pending of this.pending.values()) pending.reject(new Error(reason));
    this.pending.clear();
    this.worker?.terminate();
    this.worker = undefined;
  }

  private send<T>(message: (id: number) => ToWorker, progress?: Pending['progress']): { id: number; answer: Promise<T> } {
    const id = this.nextId++;
    const answer = new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject, ...(progress ? { progress } : {}) });
    });
    this.started().postMessage(message(id));
    return { id, answer };
  }

  /** The scenario's knobs and their values as written, planned against the XML given. */
  describe(request: DescribeRequest): Promise<ScenarioKnobs> {
    return this.send<ScenarioKnobs>((id) => ({ type: 'describe', id, request })).answer;
  }

  /** Starts a what-if; `cancel()` with the id stops it between replications. */
  run(request: WhatIfRequest, progress: (done: number, total: number) => void): { id: number; answer: Promise<WhatIfOutcome> } {
    return this.send<WhatIfOutcome>((id) => ({ type: 'run', id, request }), progress);
  }

  cancel(id: number): void {
    if (this.pending.has(id)) this.worker?.postMessage({ type: 'cancel', id } satisfies ToWorker);
  }

  /** Ends the worker; anything still pending is cancelled. */
  close(): void {
    for (const pending of this.pending.values()) pending.reject(new SimulationCancelled('closed'));
    this.pending.clear();
    this.worker?.terminate();
    this.worker = undefined;
  }
}
