/**
 * The simulator's view of a model: the same BPMN file (already parsed and validated by
 * engine/model.ts) flattened into arrays indexed by number, conditions compiled once into
 * closures. bpmn-engine stays the reference executor; test/simulations/conformance checks that
 * both visit the same elements for the same cases.
 */
import { isTask, type Model, type ModelNode } from '../../engine/model.ts';
import type { DeadlineRule, MeetingRule } from '../../engine/time.ts';
import { outcomeWords, notificationWords, type NotificationWord, type OutcomeWord } from '../../engine/vocabulary.ts';
import { compilePredicate, type Predicate } from './compile-predicate.ts';

export type NodeKind = 'start' | 'end' | 'task' | 'exclusive' | 'parallel' | 'event';

export interface GraphFlow {
  readonly index: number;
  readonly id: string;
  readonly target: number;
  /** Undefined: unconditional. */
  readonly condition: Predicate | undefined;
}

export interface GraphNode {
  readonly index: number;
  readonly id: string;
  readonly name: string;
  readonly kind: NodeKind;
  readonly laneId: string | undefined;
  readonly outgoing: readonly GraphFlow[];
  readonly defaultFlow: GraphFlow | undefined;
  readonly incomingCount: number;
  /** Bit masks over `outcomeList` and `notificationList`. */
  readonly outcomeMask: number;
  readonly notificationMask: number;
  readonly deadline: DeadlineRule | undefined;
  /** The clock slot this node's deadline counts from; -1: from the incident's arrival. */
  readonly deadlineClock: number;
  /** Clock slots that start when work on this node starts, and when it ends (deadlines with from=). */
  readonly startsClocks: readonly number[];
  readonly endsClocks: readonly number[];
  readonly meeting: MeetingRule | undefined;
  readonly source: ModelNode;
}

export interface Graph {
  readonly model: Model;
  readonly nodes: readonly GraphNode[];
  readonly start: number;
  readonly flowIds: readonly string[];
  /** Variables and derived names the conditions read. */
  readonly names: readonly string[];
  /** Deadline names in first-seen order. */
  readonly deadlineNames: readonly string[];
  /** Distinct clock starts (element and start/end) that deadlines count from; an incident keeps a time per slot. */
  readonly clockCount: number;
}

export const outcomeList = Object.keys(outcomeWords) as OutcomeWord[];
export const notificationList = Object.keys(notificationWords) as NotificationWord[];


function kindOf(node: ModelNode): NodeKind {
  if (node.type === 'startEvent') return 'start';
  if (node.type === 'endEvent') return 'end';
  if (node.type === 'exclusiveGateway') return 'exclusive';
  if (node.type === 'parallelGateway') return 'parallel';
  if (isTask(node)) return 'task';
  return 'event';
}

function mask(words: readonly string[], list: readonly string[]): number {
  let bits = 0;
  for (const word of words) bits |= 1 << list.indexOf(word);
  return bits;
}

export function compileGraph(model: Model): Graph {
  const ids = [...model.nodes.keys()];
  const indexOf = new Map(ids.map((id, index) => [id, index]));
  const flowIds = [...model.flows.keys()];
  const flowIndex = new Map(flowIds.map((id, index) => [id, index]));
  const names = new Set<string>();
  const predicates = new Map<string, Predicate>();

  const flow = (id: string): GraphFlow => {
    const source = model.flows.get(id)!;
    let condition: Predicate | undefined;
    if (source.condition) {
      for (const name of source.condition.names) names.add(name);
      condition = predicates.get(source.condition.source);
      if (!condition) {
        condition = compilePredicate(source.condition.source).predicate;
        predicates.set(source.condition.source, condition);
      }
    }
    return { index: flowIndex.get(id)!, id, target: indexOf.get(source.target)!, condition };
  };

  const deadlineNames: string[] = [];
  // One slot per distinct (element, start|end) some deadline counts from.
  const clockKeys: string[] = [];
  for (const node of model.nodes.values()) {
    const from = node.deadline?.from;
    if (from && !clockKeys.includes(`${from.element} ${from.at}`)) clockKeys.push(`${from.element} ${from.at}`);
  }
  const slotsOf = (id: string, at: 'start' | 'end') => clockKeys.flatMap((key, slot) => (key === `${id} ${at}` ? [slot] : []));
  const nodes = ids.map((id, index): GraphNode => {
    const node = model.nodes.get(id)!;
    const defaultFlow = node.defaultFlow ? flow(node.defaultFlow) : undefined;
    if (node.deadline && !deadlineNames.includes(node.deadline.name)) deadlineNames.push(node.deadline.name);
    return {
      index,
      id,
      name: node.name,
      kind: kindOf(node),
      laneId: node.laneId,
      // bpmn-engine evaluates outgoing flows in document order; so do we.
      outgoing: node.outgoing.filter((flowId) => flowId !== node.defaultFlow).map(flow),
      defaultFlow,
      incomingCount: node.incoming.length,
      outcomeMask: mask(node.outcomes, outcomeList),
      notificationMask: mask(node.notifications, notificationList),
      deadline: node.deadline,
      deadlineClock: node.deadline?.from ? clockKeys.indexOf(`${node.deadline.from.element} ${node.deadline.from.at}`) : -1,
      startsClocks: slotsOf(id, 'start'),
      endsClocks: slotsOf(id, 'end'),
      meeting: node.meeting,
      source: node,
    };
  });
  const start = nodes.find((node) => node.kind === 'start' && node.incomingCount === 0);
  if (!start) throw new Error(`${model.file}: no start event without incoming flows`);
  return { model, nodes, start: start.index, flowIds, names: [...names], deadlineNames, clockCount: clockKeys.length };
}

/** The flows a token takes on leaving a node, by BPMN's rules; empty when it is stuck. */
export function chooseFlows(node: GraphNode, context: Readonly<Record<string, unknown>>, into: GraphFlow[]): GraphFlow[] {
  into.length = 0;
  if (node.kind === 'exclusive') {
    for (const candidate of node.outgoing) {
      if (!candidate.condition || candidate.condition(context)) {
        into.push(candidate);
        return into;
      }
    }
    if (node.defaultFlow) into.push(node.defaultFlow);
    return into;
  }
  // Activities, events and parallel gateways: every unconditional flow and every true condition.
  let conditionalTaken = false;
  for (const candidate of node.outgoing) {
    if (!candidate.condition) into.push(candidate);
    else if (candidate.condition(context)) {
      into.push(candidate);
      conditionalTaken = true;
    }
  }
  if (!conditionalTaken && node.defaultFlow) into.push(node.defaultFlow);
  return into;
}
