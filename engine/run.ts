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
import { isTask, type Model, type ModelNode } from './model.ts';
import { RunError, type Problem } from './problems.ts';
import { referenceElements, referenceSource } from './reference-source.ts';
import type { DeadlineRule } from './time.ts';
import { deadlineDueFast } from '../simulations/calendar/deadline-clock.ts';
import { nextSittingFast } from '../simulations/calendar/sittings.ts';
import { TeamCalendar } from '../simulations/calendar/working-hours.ts';
import { laneCalendars } from './lane-calendars.ts';
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
  /** When the clock started: receipt, or the start or end of the deadline's from= element. */
  startsAt: number;
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
  /** Working hours per lane id, over the model's mashflow:staff hours (a case file's hours:). */
  hours?: Readonly<Record<string, unknown>>;
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

/**
 * bpmn-engine's default logger makes a `debug` instance (and asks whether stderr is a terminal) for
 * every element of every run; mashflow reports what a run did itself, so its log goes nowhere.
 */
const silent = { debug() {}, warn() {}, error() {} };
const silentLogger = () => silent;

const stepLimit = 10_000;


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
  /** When each element last started and ended: flows leave at the end, deadlines with from= count from either. */
  const times = new Map<string, { start: number; end: number }>();
  const outcomes = new Set<OutcomeWord>();
  const notifications = new Set<NotificationWord>();
  const deadlines: DeadlineResult[] = [];
  const durations = input.durations ?? {};
  // Tasks are worked in their lane's hours (unlimited staff, as the simulator with enough people).
  const calendars = laneCalendars(model, input.hours ?? {}, file);

  const listener = new EventEmitter();
  listener.on('wait', (api: { signal: (output?: unknown) => void }) => api.signal());
  listener.on('flow.take', (flow: { id: string; content?: { sourceId?: string } }) => {
    flowsTaken.push(flow.id);
    const source = model.flows.get(flow.id)?.source ?? flow.content?.sourceId ?? '';
    flowTime.set(flow.id, times.get(source)?.end ?? input.receivedAt);
  });
  listener.on('activity.end', (api: { id: string }) => {
    const node = model.nodes.get(api.id);
    if (!node) return;
    if (path.length >= stepLimit) throw new Error(`more than ${stepLimit} steps: the model loops`);
    const arrived = Math.max(input.receivedAt, ...node.incoming.map((id) => flowTime.get(id) ?? -Infinity));
    const calendar = node.meeting || !isTask(node) || !node.laneId ? undefined : calendars.get(node.laneId);
    const minutes = durations[node.id] ?? 0;
    const startedAt = node.meeting ? nextSittingFast(node.meeting, arrived) : calendar ? calendar.nextOpen(arrived) : arrived;
    const endedAt = calendar ? calendar.addWorkingMinutes(startedAt, minutes) : startedAt + minutes * 60_000;
    times.set(node.id, { start: startedAt, end: endedAt });
    path.push({ id: node.id, name: node.name, type: node.type, lane: node.lane ?? null, startedAt, endedAt });
    for (const word of node.outcomes) outcomes.add(word);
    for (const word of node.notifications) notifications.add(word);
    if (node.deadline) deadlines.push(checkDeadline(node, clockStart(node.deadline, input.receivedAt, times), endedAt));
  });

  // bpmn-engine's option types demand a full Script from getScript; ours refuses on purpose.
  const engine = new Engine(<BpmnEngineOptions>(<unknown>{
    name: model.processId,
    // One serialized context per model, with flows that send no dead-path discards.
    sourceContext: referenceSource(model),
    Logger: silentLogger,
    elements: referenceElements,
    expressions,
    scripts: refusingScripts,
    // Send, service and business-rule tasks stand for work people do: complete them, call nothing.
    settings: { enableDummyService: true },
  }));
  let ended = false;
  let busy: string | undefined;
  engine.once('end', () => {
    ended = true;
  });
  try {
    // Every element here completes synchronously (tasks are signalled at once, there are no timers),
    // so when execute settles the instance has either ended or has nothing left to do: a token
    // stopped at a gateway no flow leaves, or a parallel join that will never fill.
    await engine.execute({ listener, variables: input.variables });
    if (!ended && engine.activityStatus !== 'idle') busy = engine.activityStatus;
    else if (!ended) {
      const join = starvedJoin(model, flowsTaken, path);
      if (join) {
        throw new RunError([
          {
            code: 'run-stuck',
            file,
            path: join.id,
            message: `the case stopped at parallel join ${join.id}: it waits for ${join.missing.join(', ')}, which no token reaches on this case's path; \`mashflow lint\` names the split (rule parallel-join-gets-every-token)`,
          },
        ]);
      }
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
    engine.stop();
  }
  // Not the user's doing: an element kind that waits (a timer, a message) slipped past the loader.
  if (busy) throw new Error(`bpmn-engine was still ${busy} when the run settled; every element mashflow accepts completes at once`);
  if (failures.length > 0) throw new RunError(failures);

  return {
    outcomes: [...outcomes],
    notifications: [...notifications],
    path,
    flowsTaken,
    deadlines,
    receivedAt: input.receivedAt,
    finishedAt: Math.max(input.receivedAt, ...path.map((step) => step.endedAt)),
  };
}

/** A parallel join that got a token on some inbound flows but not on all: why a run went idle. */
function starvedJoin(model: Model, flowsTaken: readonly string[], path: readonly PathStep[]): { id: string; missing: string[] } | undefined {
  const taken = new Map<string, number>();
  for (const id of flowsTaken) taken.set(id, (taken.get(id) ?? 0) + 1);
  for (const node of model.nodes.values()) {
    if (node.type !== 'parallelGateway' || node.incoming.length < 2) continue;
    const fired = path.filter((step) => step.id === node.id).length;
    const missing = node.incoming.filter((flow) => (taken.get(flow) ?? 0) <= fired);
    if (missing.length > 0 && missing.length < node.incoming.length) return { id: node.id, missing };
  }
  return undefined;
}

/** Where a deadline's clock started: receipt, or the start or end of its from= element (the loader puts that element on every path). */
function clockStart(rule: DeadlineRule, receivedAt: number, times: ReadonlyMap<string, { start: number; end: number }>): number {
  if (!rule.from) return receivedAt;
  const time = times.get(rule.from.element);
  if (!time) throw new Error(`deadline "${rule.name}": ${rule.from.element} has not run yet; the loader should have refused this model`);
  return rule.from.at === 'end' ? time.end : time.start;
}

/** Working-hours deadlines count office hours (working days 09:00–17:00), as the simulator does. */
const officeHours = TeamCalendar.from('office');

function checkDeadline(node: ModelNode, startsAt: number, completedAt: number): DeadlineResult {
  const rule = node.deadline!;
  const dueAt = deadlineDueFast(rule, startsAt, officeHours);
  return { element: node.id, name: rule.name, within: rule.within, startsAt, dueAt, completedAt, met: completedAt <= dueAt };
}

export function runCaseFile(model: Model, caseFile: CaseFile): Promise<RunResult> {
  return runCase(model, {
    variables: caseFile.variables,
    receivedAt: caseFile.receivedAt,
    durations: caseFile.durations,
    hours: caseFile.hours,
    file: caseFile.file,
  });
}
