/**
 * Runs one case through a model with bpmn-engine, the reference executor. Tasks complete at once
 * with the case's data; time is virtual: each element starts when its last inbound flow arrives
 * (or at the next sitting of its meeting) and takes the case's duration for it, so deadlines are
 * checked from `receivedAt` and never read the wall clock.
 */
import { EventEmitter } from 'node:events';
import { Engine, type BpmnEngineOptions } from 'bpmn-engine';
import type { CaseFile, CaseVariables } from './case-file.ts';
import { compileCondition, evaluateCondition, type CompiledCondition } from './feel.ts';
import type { Model, ModelNode } from './model.ts';
import { RunError, type Problem } from './problems.ts';
import { deadlineDue, nextSitting } from './time.ts';
import type { NotificationWord, OutcomeWord } from './vocabulary.ts';

export interface PathStep {
  id: string;
  name: string;
  type: string;
  lane: string | null;
  startedAt: number;
  endedAt: number;
}

export interface DeadlineResult {
  element: string;
  name: string;
  within: string;
  dueAt: number;
  completedAt: number;
  met: boolean;
}

export interface RunResult {
  outcomes: OutcomeWord[];
  notifications: NotificationWord[];
  path: PathStep[];
  flowsTaken: string[];
  deadlines: DeadlineResult[];
  receivedAt: number;
  finishedAt: number;
}

export interface RunInput {
  variables: CaseVariables;
  receivedAt: number;
  /** Minutes per element id; elements not listed take no time. */
  durations?: Record<string, number>;
  /** For messages: the case file being run. */
  file?: string;
}

/** Facts derived from the case variables, so conditions can say `childUnderFive`. */
export function conditionContext(variables: CaseVariables): Record<string, unknown> {
  const children = Array.isArray(variables.children) ? (variables.children as { age: number }[]) : [];
  return {
    ...variables,
    childUnderFive: children.some((child) => child.age < 5),
    childCount: children.length,
  };
}

/** Refuses every script: the loader already rejects them, this makes sure nothing slips through. */
const refusingScripts = {
  register() {
    return undefined;
  },
  getScript() {
    return undefined;
  },
};

const stepLimit = 10_000;
/** No element entered, ended or discarded for this long: the instance is stuck. */
const idleLimitMs = 2_000;

export async function runCase(model: Model, input: RunInput): Promise<RunResult> {
  const file = input.file ?? model.file;
  const context = conditionContext(input.variables);
  const failures: Problem[] = [];
  const compiled = new Map<string, CompiledCondition>();

  const expressions = {
    resolveExpression(expression: unknown) {
      if (typeof expression !== 'string' || !expression.trim().startsWith('=')) return expression;
      let condition = compiled.get(expression);
      if (!condition) {
        const result = compileCondition(expression);
        if (!result.ok) throw new Error(result.issues.map((issue) => issue.message).join('; '));
        condition = result.condition;
        compiled.set(expression, condition);
      }
      const missing = condition.names.filter((name) => context[name] === undefined || context[name] === null);
      if (missing.length > 0) {
        const flow = [...model.flows.values()].find((candidate) => candidate.condition?.source === condition.source);
        const message = `the case does not give ${missing.join(', ')}, which the condition "${condition.source}" on flow ${flow?.id ?? '?'} needs; add it under case:`;
        failures.push({ code: 'case-missing-variable', file, path: `case.${missing[0]}`, message });
        throw new Error(message);
      }
      return evaluateCondition(condition, context);
    },
    isExpression: (text: unknown) => typeof text === 'string' && text.trim().startsWith('='),
    hasExpression: (text: unknown) => typeof text === 'string' && text.trim().startsWith('='),
  };

  const path: PathStep[] = [];
  const flowsTaken: string[] = [];
  const flowTime = new Map<string, number>();
  const endTime = new Map<string, number>();
  const outcomes = new Set<OutcomeWord>();
  const notifications = new Set<NotificationWord>();
  const deadlines: DeadlineResult[] = [];
  const durations = input.durations ?? {};

  const listener = new EventEmitter();
  // A stuck token leaves the engine idle; a slow machine only makes it slow. So "stuck" means no
  // progress for a while, not a fixed time for the whole case.
  let lastProgress = performance.now();
  const progressed = () => {
    lastProgress = performance.now();
  };
  for (const event of ['activity.enter', 'activity.discard', 'flow.discard']) listener.on(event, progressed);
  listener.on('wait', (api: { signal: (output?: unknown) => void }) => api.signal());
  listener.on('flow.take', (flow: { id: string; content?: { sourceId?: string } }) => {
    progressed();
    flowsTaken.push(flow.id);
    const source = model.flows.get(flow.id)?.source ?? flow.content?.sourceId ?? '';
    flowTime.set(flow.id, endTime.get(source) ?? input.receivedAt);
  });
  listener.on('activity.end', (api: { id: string }) => {
    progressed();
    const node = model.nodes.get(api.id);
    if (!node) return;
    if (path.length >= stepLimit) throw new Error(`more than ${stepLimit} steps: the model loops`);
    const arrived = Math.max(input.receivedAt, ...node.incoming.map((id) => flowTime.get(id) ?? -Infinity));
    const startedAt = node.meeting ? nextSitting(node.meeting, arrived) : arrived;
    const endedAt = startedAt + (durations[node.id] ?? 0) * 60_000;
    endTime.set(node.id, endedAt);
    path.push({ id: node.id, name: node.name, type: node.type, lane: node.lane ?? null, startedAt, endedAt });
    for (const word of node.outcomes) outcomes.add(word);
    for (const word of node.notifications) notifications.add(word);
    if (node.deadline) deadlines.push(checkDeadline(node, input.receivedAt, endedAt));
  });

  // bpmn-engine's option types demand a full Script from getScript; ours refuses on purpose.
  const engine = new Engine(<BpmnEngineOptions>(<unknown>{
    name: model.processId,
    moddleContext: model.moddleContext,
    expressions,
    scripts: refusingScripts,
    // Send, service and business-rule tasks stand for work people do: complete them, call nothing.
    settings: { enableDummyService: true },
  }));
  const ended = engine.waitFor('end');
  // A stuck token (a flow no condition takes, a join that never fills) leaves the engine running.
  let timer: NodeJS.Timeout | undefined;
  const stuck = new Promise<'stuck'>((resolve) => {
    timer = setInterval(() => {
      if (performance.now() - lastProgress > idleLimitMs) resolve('stuck');
    }, 250);
  });
  try {
    await engine.execute({ listener, variables: input.variables });
    const outcome = await Promise.race([ended.then(() => 'ended' as const), stuck]);
    if (outcome === 'stuck') {
      const waiting = path.at(-1)?.id ?? 'the start';
      throw new RunError([
        { code: 'run-stuck', file, path: waiting, message: `the case stopped after ${waiting} without reaching an end event: no outgoing flow's condition was true and there is no default flow` },
      ]);
    }
  } catch (error) {
    if (error instanceof RunError) throw error;
    if (failures.length > 0) throw new RunError(failures);
    const noFlow = /^<([^>]+)> no conditional flow taken/.exec((error as Error).message);
    if (noFlow) {
      throw new RunError([
        { code: 'run-stuck', file, path: noFlow[1]!, message: `the case stopped at ${noFlow[1]}: no outgoing flow's condition was true and there is no default flow; add a default flow or a condition for this case` },
      ]);
    }
    throw new RunError([{ code: 'run-failed', file, path: path.at(-1)?.id ?? '', message: (error as Error).message }]);
  } finally {
    clearInterval(timer);
    engine.stop();
  }
  if (failures.length > 0) throw new RunError(failures);

  return {
    outcomes: [...outcomes],
    notifications: [...notifications],
    path,
    flowsTaken,
    deadlines,
    receivedAt: input.receivedAt,
    finishedAt: Math.max(input.receivedAt, ...endTime.values()),
  };
}

function checkDeadline(node: ModelNode, receivedAt: number, completedAt: number): DeadlineResult {
  const rule = node.deadline!;
  const dueAt = deadlineDue(rule, receivedAt);
  return { element: node.id, name: rule.name, within: rule.within, dueAt, completedAt, met: completedAt <= dueAt };
}

export function runCaseFile(model: Model, caseFile: CaseFile): Promise<RunResult> {
  return runCase(model, {
    variables: caseFile.variables,
    receivedAt: caseFile.receivedAt,
    durations: caseFile.durations,
    file: caseFile.file,
  });
}
