/** Which flow nodes and sequence flows of a model a set of runs exercised. */
import type { Model } from './model.ts';
import type { RunResult } from './run.ts';

export interface Coverage {
  nodes: { covered: number; total: number; missing: string[] };
  flows: { covered: number; total: number; missing: string[] };
}

export class CoverageRecorder {
  readonly #model: Model;
  readonly #nodes = new Set<string>();
  readonly #flows = new Set<string>();

  constructor(model: Model) {
    this.#model = model;
  }

  record(result: RunResult): void {
    for (const step of result.path) this.#nodes.add(step.id);
    for (const flow of result.flowsTaken) this.#flows.add(flow);
  }

  coverage(): Coverage {
    const nodeIds = [...this.#model.nodes.keys()];
    const flowIds = [...this.#model.flows.keys()];
    const missingNodes = nodeIds.filter((id) => !this.#nodes.has(id));
    const missingFlows = flowIds.filter((id) => !this.#flows.has(id));
    return {
      nodes: { covered: nodeIds.length - missingNodes.length, total: nodeIds.length, missing: missingNodes },
      flows: { covered: flowIds.length - missingFlows.length, total: flowIds.length, missing: missingFlows },
    };
  }
}

export function percent(part: number, whole: number): string {
  return whole === 0 ? '100%' : `${Math.floor((part / whole) * 1000) / 10}%`;
}
