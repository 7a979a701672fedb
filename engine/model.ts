/**
 * Loads and validates a BPMN model. Pure: takes the XML text and a file name for messages.
 *
 * bpmn-engine runs whatever it is given: an unknown element or a dangling reference is only a
 * moddle warning and the instance then never ends, and scripts run in node's `vm`. So every
 * warning is an error here, scripts are refused, and conditions must be FEEL over the vocabulary.
 */
import { BpmnModdle, type ModdleElement, type ModdleParseResult } from 'bpmn-moddle';
import { compileCondition, type CompiledCondition } from './feel.ts';
import { mashflowDescriptor } from './moddle/descriptor.ts';
import { ModelError, type Problem, type ProblemCode } from './problems.ts';
import { isNotificationWord, isOutcomeWord, notificationWords, outcomeWords, type NotificationWord, type OutcomeWord } from './vocabulary.ts';
import { parseDeadline, parseMeeting, type DeadlineRule, type MeetingRule } from './time.ts';

export interface ModelNode {
  readonly id: string;
  readonly name: string;
  /** BPMN type without its prefix: userTask, exclusiveGateway, endEvent… */
  readonly type: string;
  readonly lane: string | undefined;
  /** The lane's id: the simulator's staff pool for the node's work. */
  readonly laneId: string | undefined;
  readonly documentation: string;
  readonly outcomes: readonly OutcomeWord[];
  readonly notifications: readonly NotificationWord[];
  readonly deadline: DeadlineRule | undefined;
  readonly meeting: MeetingRule | undefined;
  readonly incoming: readonly string[];
  readonly outgoing: readonly string[];
  /** The default flow of a gateway or activity, if any. */
  readonly defaultFlow: string | undefined;
  /** Simulation parameters as written (mashflow:duration attributes, mashflow:meeting capacity), read by simulations/. */
  readonly simulation: { readonly duration?: Readonly<Record<string, string>>; readonly meetingCapacity?: string };
}

export interface ModelLane {
  readonly id: string;
  readonly name: string;
  /** The lane's documentation: the basis of its working hours (a seed citation or "Assumed: …"). */
  readonly documentation: string;
  /** mashflow:staff attributes as written, read by simulations/. */
  readonly staff: { readonly count?: string; readonly hours?: string } | undefined;
}

export interface ModelFlow {
  readonly id: string;
  readonly name: string;
  readonly source: string;
  readonly target: string;
  readonly condition: CompiledCondition | undefined;
}

export interface Model {
  readonly file: string;
  readonly processId: string;
  readonly processName: string;
  readonly nodes: ReadonlyMap<string, ModelNode>;
  readonly flows: ReadonlyMap<string, ModelFlow>;
  readonly lanes: readonly ModelLane[];
  /** The bpmn-moddle parse, handed to bpmn-engine so the XML is parsed once. */
  readonly moddleContext: ModdleParseResult;
}

/** Task kinds: work a person in the node's lane does (the others are events and gateways). */
const taskTypes: ReadonlySet<string> = new Set(['task', 'userTask', 'manualTask', 'sendTask', 'receiveTask', 'businessRuleTask', 'serviceTask']);

/** A task, done by people in its lane's hours; events and gateways take no one's time. */
export function isTask(node: Pick<ModelNode, 'type'>): boolean {
  return taskTypes.has(node.type);
}

/** Element kinds the engine and the simulator both understand. Anything else is refused. */
const supportedFlowNodes = new Set(['startEvent', 'endEvent', ...taskTypes, 'exclusiveGateway', 'parallelGateway', 'intermediateThrowEvent']);

const bpmnPrefix = 'bpmn:';

function localType(element: ModdleElement): string {
  const name = element.$type.startsWith(bpmnPrefix) ? element.$type.slice(bpmnPrefix.length) : element.$type;
  return name.charAt(0).toLowerCase() + name.slice(1);
}

export function createModdle(): BpmnModdle {
  return new BpmnModdle({ mashflow: mashflowDescriptor });
}

/** Parses and validates; throws ModelError listing every problem found. */
export async function parseModel(xml: string, file: string): Promise<Model> {
  const problems: Problem[] = [];
  const problem = (code: ProblemCode, path: string, message: string) => problems.push({ code, file, path, message });

  let parsed: ModdleParseResult;
  try {
    parsed = await createModdle().fromXML(xml, 'bpmn:Definitions');
  } catch (error) {
    const message = (error as Error).message.split('\n')[0] ?? 'unreadable';
    const line = /line: (\d+)/.exec((error as Error).message)?.[1];
    throw new ModelError([
      { code: 'xml-malformed', file, path: line ? `line ${line}` : '', message: `not a readable BPMN 2.0 file (${message}); open it in a modeler and save it again` },
    ]);
  }

  for (const warning of parsed.warnings) {
    const line = /line: (\d+)/.exec(warning.message)?.[1];
    const elementId = warning.element?.id ?? (line ? `line ${line}` : '');
    problem('xml-warning', elementId, `${warning.message.split('\n')[0]}; fix or remove the element (bpmn-engine would never finish an instance)`);
  }

  const processes = parsed.rootElement.rootElements.filter((element: ModdleElement) => element.$type === 'bpmn:Process');
  const process = processes.find((candidate: ModdleElement) => candidate.isExecutable) ?? processes[0];
  if (!process) {
    problems.push({ code: 'no-process', file, path: '', message: 'the file has no bpmn:process; a model needs one executable process' });
    throw new ModelError(problems);
  }
  if (processes.length > 1) {
    problem('unsupported-element', process.id, `the file has ${processes.length} processes; mashflow runs one process a file`);
  }

  const laneOf = new Map<string, ModelLane>();
  const lanes: ModelLane[] = [];
  for (const laneSet of process.laneSets ?? []) {
    for (const lane of laneSet.lanes ?? []) {
      const staffElement = (lane.extensionElements?.values ?? []).find((extension: ModdleElement) => extension.$type === 'mashflow:Staff');
      const staff = staffElement ? definedStrings({ count: staffElement.count, hours: staffElement.hours }) : undefined;
      const documentation = (lane.documentation ?? []).map((doc: ModdleElement) => doc.text ?? '').join('\n');
      const info: ModelLane = { id: lane.id, name: lane.name ?? lane.id, documentation, staff };
      lanes.push(info);
      for (const ref of lane.flowNodeRef ?? []) laneOf.set(ref.id, info);
    }
  }

  const nodes = new Map<string, ModelNode>();
  const flows = new Map<string, ModelFlow>();
  for (const element of process.flowElements ?? []) {
    const type = localType(element);
    if (type === 'sequenceFlow') {
      flows.set(element.id, readFlow(element, problem));
      continue;
    }
    if (type === 'scriptTask') {
      problem('script-refused', element.id, 'script tasks are refused: mashflow never runs code from a model; use a task and FEEL conditions on its outgoing flows');
      continue;
    }
    if (!supportedFlowNodes.has(type)) {
      problem('unsupported-element', element.id, `${type} is not supported; use tasks, exclusive or parallel gateways and plain start and end events`);
      continue;
    }
    if ((element.eventDefinitions ?? []).length > 0) {
      problem('unsupported-element', element.id, `${type} with an event definition is not supported; mashflow runs plain events (timing comes from mashflow:deadline and mashflow:meeting)`);
    }
    nodes.set(element.id, readNode(element, type, laneOf.get(element.id), problem));
  }

  // Derive incoming and outgoing from the flows: other tools may leave the XML's refs out.
  for (const flow of flows.values()) {
    (nodes.get(flow.source)?.outgoing as string[] | undefined)?.push(flow.id);
    (nodes.get(flow.target)?.incoming as string[] | undefined)?.push(flow.id);
  }
  for (const node of nodes.values()) {
    if (node.defaultFlow && !flows.has(node.defaultFlow)) {
      problem('xml-warning', node.id, `default flow ${node.defaultFlow} does not exist; choose one of the element's outgoing flows`);
    }
  }

  for (const node of nodes.values()) checkClockStart(node, nodes, flows, problem);

  if (problems.length > 0) throw new ModelError(problems);
  return { file, processId: process.id, processName: process.name ?? process.id, nodes, flows, lanes, moddleContext: parsed };
}

type Report = (code: ProblemCode, path: string, message: string) => void;

/**
 * A deadline counted from an element needs that element on every path to its own: otherwise some
 * runs would reach the deadline with its clock not started, and neither executor could judge it.
 */
function checkClockStart(node: ModelNode, nodes: ReadonlyMap<string, ModelNode>, flows: ReadonlyMap<string, ModelFlow>, problem: Report): void {
  const from = node.deadline?.from;
  if (!from) return;
  const what = `deadline "${node.deadline!.name}" counts from ${from.element}`;
  if (!nodes.has(from.element)) {
    problem('extension-invalid', node.id, `${what}, which is not a flow node of this process; give from= the id of the task whose start or end starts the clock`);
    return;
  }
  if (from.element === node.id) return;
  // Walk from the start events without passing the clock's element: reaching this node means a path skips it.
  const seen = new Set<string>();
  const stack = [...nodes.values()].filter((candidate) => candidate.type === 'startEvent').map((start) => start.id);
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (id === from.element || seen.has(id)) continue;
    seen.add(id);
    if (id === node.id) {
      problem('extension-invalid', node.id, `${what}, but a path reaches ${node.id} without passing ${from.element}; count from an element on every path to it, or move the deadline`);
      return;
    }
    for (const flowId of nodes.get(id)?.outgoing ?? []) {
      const target = flows.get(flowId)?.target;
      if (target) stack.push(target);
    }
  }
}

function readFlow(element: ModdleElement, problem: Report): ModelFlow {
  let condition: CompiledCondition | undefined;
  const expression = element.conditionExpression;
  if (expression) {
    if (expression.language && !/^feel$/i.test(expression.language)) {
      problem('script-refused', element.id, `condition language "${expression.language}" is refused: mashflow never runs code from a model; write a FEEL condition (=…) without a language`);
    } else {
      const compiled = compileCondition(expression.body ?? '');
      if (compiled.ok) condition = compiled.condition;
      else {
        for (const issue of compiled.issues) {
          const code: ProblemCode =
            issue.kind === 'syntax'
              ? 'condition-syntax'
              : issue.kind === 'unknown-name'
                ? 'condition-unknown-name'
                : issue.kind === 'unknown-value'
                  ? 'condition-unknown-value'
                  : 'condition-not-feel';
          problem(code, element.id, issue.message);
        }
      }
    }
  }
  return {
    id: element.id,
    name: element.name ?? '',
    source: element.sourceRef?.id ?? '',
    target: element.targetRef?.id ?? '',
    condition,
  };
}

/** Only the attributes that are present, as strings (exactOptionalPropertyTypes-friendly). */
function definedStrings(attributes: Record<string, unknown>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, value] of Object.entries(attributes)) if (value !== undefined && value !== null) result[key] = String(value);
  return result;
}

const durationKinds = ['fixed', 'uniform', 'triangular', 'exponential', 'lognormal', 'empirical'];

function readNode(element: ModdleElement, type: string, lane: ModelLane | undefined, problem: Report): ModelNode {
  let simulation: ModelNode['simulation'] = {};
  const outcomes: OutcomeWord[] = [];
  const notifications: NotificationWord[] = [];
  let deadline: DeadlineRule | undefined;
  let meeting: MeetingRule | undefined;
  for (const extension of element.extensionElements?.values ?? []) {
    switch (extension.$type) {
      case 'mashflow:Outcome': {
        const word = String(extension.word ?? '');
        if (isOutcomeWord(word)) outcomes.push(word);
        else problem('extension-invalid', element.id, `outcome "${word}" is not a vocabulary word; use one of: ${Object.keys(outcomeWords).join(', ')}`);
        break;
      }
      case 'mashflow:Notification': {
        const to = String(extension.to ?? '');
        if (isNotificationWord(to)) notifications.push(to);
        else problem('extension-invalid', element.id, `notification "${to}" is not a vocabulary word; use one of: ${Object.keys(notificationWords).join(', ')}`);
        break;
      }
      case 'mashflow:Deadline': {
        const parsed = parseDeadline(extension);
        if (typeof parsed === 'string') problem('extension-invalid', element.id, parsed);
        else deadline = parsed;
        break;
      }
      case 'mashflow:Meeting': {
        const parsed = parseMeeting(extension);
        if (typeof parsed === 'string') problem('extension-invalid', element.id, parsed);
        else meeting = parsed;
        if (extension.capacity !== undefined) simulation = { ...simulation, meetingCapacity: String(extension.capacity) };
        break;
      }
      case 'mashflow:Duration': {
        const duration = definedStrings(Object.fromEntries(durationKinds.map((kind) => [kind, extension[kind]])));
        simulation = { ...simulation, duration };
        break;
      }
      default:
        // Other tools' extensions (Camunda, Zeebe) are kept and ignored.
        break;
    }
  }
  return {
    id: element.id,
    name: element.name ?? '',
    type,
    lane: lane?.name,
    laneId: lane?.id,
    documentation: (element.documentation ?? []).map((doc: ModdleElement) => doc.text ?? '').join('\n'),
    outcomes,
    notifications,
    deadline,
    meeting,
    incoming: [],
    outgoing: [],
    defaultFlow: element.default?.id,
    simulation,
  };
}
