/**
 * Trainer mode's account of one case through a model: the reference executor's run (engine/run.ts)
 * told step by step: who does it (lane), what the procedure says (documentation), when, and at a
 * decision which way the case went, what each condition read and whether it held.
 *
 * Browser-safe: the editor page runs it with bpmn-engine in the page, the editor server's
 * POST /api/run runs it in node (cli/server/trainer.ts). Nothing here touches files.
 */
import type { FlowInfo, TrainerRun, TrainerStep } from '../editor/api/types.ts';
import type { CaseFile } from './case-file.ts';
import { evaluateCondition } from './feel.ts';
import type { Model, ModelFlow, ModelNode } from './model.ts';
import { conditionContext, runCaseFile, type DeadlineResult, type RunResult } from './run.ts';
import { formatLocal } from './time.ts';

/** Gateways where one case goes one way and another case another: the trainer's decisions. */
const decidingGateways = new Set(['exclusiveGateway', 'inclusiveGateway']);

/** Whether a flow's condition is true for this case; null for a flow without one. */
function conditionHolds(flow: ModelFlow, context: Record<string, unknown>): boolean | null {
  if (!flow.condition) return null;
  try {
    return evaluateCondition(flow.condition, context);
  } catch {
    // A condition that cannot be evaluated for this case did not take the flow.
    return false;
  }
}

function flowInfo(model: Model, flow: ModelFlow, node: ModelNode | undefined, context: Record<string, unknown>): FlowInfo {
  const target = model.nodes.get(flow.target);
  return {
    id: flow.id,
    name: flow.name,
    target: flow.target,
    targetName: target?.name || flow.target,
    condition: flow.condition ? `=${flow.condition.source}` : null,
    isDefault: node?.defaultFlow === flow.id,
    holds: conditionHolds(flow, context),
  };
}

const iso = (instant: number) => new Date(instant).toISOString();

/**
 * The flows taken out of each visit of each element, in order. A parallel split sends a token down
 * every outgoing flow at once; anything else takes one flow a visit.
 */
function flowsPerVisit(model: Model, result: RunResult): Map<string, string[][]> {
  const bySource = new Map<string, string[]>();
  for (const id of result.flowsTaken) {
    const source = model.flows.get(id)?.source;
    if (source === undefined) continue;
    const list = bySource.get(source) ?? [];
    list.push(id);
    bySource.set(source, list);
  }
  const visits = new Map<string, string[][]>();
  for (const [source, taken] of bySource) {
    const node = model.nodes.get(source);
    const perVisit = node?.type === 'parallelGateway' ? Math.max(1, node.outgoing.length) : 1;
    const chunks: string[][] = [];
    for (let index = 0; index < taken.length; index += perVisit) chunks.push(taken.slice(index, index + perVisit));
    visits.set(source, chunks);
  }
  return visits;
}

/** Shapes a finished run for the trainer panel. Pure: the same model, case and result give the same answer. */
export function trainerRun(model: Model, modelName: string, caseName: string, caseFile: CaseFile, result: RunResult): TrainerRun {
  const context = conditionContext(caseFile.variables);
  const visits = flowsPerVisit(model, result);
  const seen = new Map<string, number>();
  const deadlinesOf = new Map<string, DeadlineResult[]>();
  for (const judged of result.deadlines) deadlinesOf.set(judged.element, [...(deadlinesOf.get(judged.element) ?? []), judged]);
  const steps: TrainerStep[] = result.path.map((step) => {
    const node = model.nodes.get(step.id);
    const visit = seen.get(step.id) ?? 0;
    seen.set(step.id, visit + 1);
    const takenIds = visits.get(step.id)?.[visit] ?? [];
    const outgoing = (node?.outgoing ?? []).map((id) => model.flows.get(id)).filter((flow): flow is ModelFlow => flow !== undefined);
    const info = (flow: ModelFlow) => flowInfo(model, flow, node, context);
    const next = takenIds.map((id) => model.flows.get(id)).filter((flow): flow is ModelFlow => flow !== undefined).map(info);
    const decision = decidingGateways.has(step.type) && outgoing.length > 1;
    const notTaken = decision ? outgoing.filter((flow) => !takenIds.includes(flow.id)).map(info) : [];
    const names = decision ? [...new Set(outgoing.flatMap((flow) => flow.condition?.names ?? []))] : [];
    const deadline = node?.deadline;
    // The run's own verdict: its clock may start at an element (from=), not at receipt.
    const judged = deadline ? deadlinesOf.get(step.id)?.[visit] : undefined;
    const dueAt = judged?.dueAt ?? 0;
    return {
      id: step.id,
      name: step.name,
      type: step.type,
      lane: step.lane,
      documentation: node?.documentation ?? '',
      startedAt: iso(step.startedAt),
      endedAt: iso(step.endedAt),
      startedLocal: formatLocal(step.startedAt),
      endedLocal: formatLocal(step.endedAt),
      elapsedMinutes: Math.round((step.endedAt - result.receivedAt) / 60_000),
      outcomes: [...(node?.outcomes ?? [])],
      notifications: [...(node?.notifications ?? [])],
      deadline: deadline
        ? { name: deadline.name, within: deadline.within, dueAt: iso(dueAt), dueLocal: formatLocal(dueAt), met: judged?.met ?? false }
        : null,
      merge: step.type.endsWith('Gateway') && !step.name && outgoing.length <= 1,
      next,
      notTaken,
      reads: names.map((name) => ({ name, value: context[name] ?? null })),
    };
  });
  return {
    model: modelName,
    case: { file: caseName, title: caseFile.title, receivedAt: iso(caseFile.receivedAt), receivedLocal: formatLocal(caseFile.receivedAt), given: caseFile.given },
    steps,
    outcomes: result.outcomes,
    notifications: result.notifications,
    deadlines: result.deadlines.map((deadline) => ({
      element: deadline.element,
      name: deadline.name,
      within: deadline.within,
      dueAt: iso(deadline.dueAt),
      dueLocal: formatLocal(deadline.dueAt),
      completedAt: iso(deadline.completedAt),
      completedLocal: formatLocal(deadline.completedAt),
      met: deadline.met,
    })),
    flowsTaken: result.flowsTaken,
    finishedLocal: formatLocal(result.finishedAt),
    expect: { outcomes: caseFile.expect.outcomes ?? [], notifications: caseFile.expect.notifications ?? [] },
  };
}

/** Runs the case with bpmn-engine and shapes it; `ranInMs` is the engine's run and the shaping, wherever it ran. */
export async function runForTrainer(model: Model, modelName: string, caseName: string, caseFile: CaseFile): Promise<TrainerRun> {
  const started = performance.now();
  const result = await runCaseFile(model, caseFile);
  const run = trainerRun(model, modelName, caseName, caseFile, result);
  run.ranInMs = Math.round(performance.now() - started);
  return run;
}
