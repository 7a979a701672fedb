/**
 * One replication: synthetic incidents arrive, walk the model's graph and queue for staff and
 * meetings on the kernel. Pure and deterministic: the same plan, seed and replication number give
 * the same result, whichever thread runs it. Nothing is kept per incident once it has left.
 */
import { Simulation } from '../kernel/simulation.ts';
import { Resource } from '../kernel/resource.ts';
import { PriorityQueue } from '../kernel/priority-queue.ts';
import { RunningMoments, LogHistogram, TimeWeighted } from '../stats/streaming.ts';
import { randomStream, type RandomStream } from '../random/random-stream.ts';
import { deadlineDueFast } from '../calendar/deadline-clock.ts';
import { nextSittingFast } from '../calendar/sittings.ts';
import { TeamCalendar } from '../calendar/working-hours.ts';
import { localDay, minuteOfDay, weekday, fromLocalDay, HOUR } from '../calendar/london-clock.ts';
import { outcomeList, notificationList, type GraphFlow, type GraphNode } from '../model/graph.ts';
import type { CaseContext } from './population.ts';
import type { Plan, PoolPlan, TaskPlan } from '../scenario/plan.ts';

export interface Incident {
  readonly arrivedAt: number;
  readonly context: CaseContext;
  readonly priority: number;
  readonly measured: boolean;
  tokens: number;
  outcomes: number;
  notifications: number;
  /** Tokens arrived at each joining parallel gateway (by join slot), made on first use. */
  joins: number[] | undefined;
  /** When each deadline clock started (graph clock slots; NaN: not yet), for deadlines with from=; made on first use. */
  clocks: Float64Array | undefined;
  /** Set only when tracing (conformance tests): element ids in visiting order, flows taken. */
  trace: string[] | undefined;
  flows: string[] | undefined;
  /** Index of the task it waits at or works through, for the backlog at the end. */
  waitingAt: number;
  /** Set only for an incident being explained: what happened to it, step by step. */
  timeline: TimelineStep[] | undefined;
  /** Neighbours in the list of open incidents (a linked list: no hashing per arrival). */
  previous: Incident | undefined;
  next: Incident | undefined;
}

/** Open incidents as an intrusive doubly linked list. */
class OpenIncidents {
  size = 0;
  private head: Incident | undefined;

  add(incident: Incident): void {
    incident.next = this.head;
    incident.previous = undefined;
    if (this.head) this.head.previous = incident;
    this.head = incident;
    this.size++;
  }

  remove(incident: Incident): void {
    if (incident.previous) incident.previous.next = incident.next;
    else this.head = incident.next;
    if (incident.next) incident.next.previous = incident.previous;
    incident.previous = incident.next = undefined;
    this.size--;
  }

  *[Symbol.iterator](): Iterator<Incident> {
    for (let incident = this.head; incident; incident = incident.next) yield incident;
  }
}

interface WorkItem {
  incident: Incident;
  node: GraphNode;
  task: TaskPlan;
  requestedAt: number;
  minutes: number;
  step: TimelineStep | undefined;
}

/** One element an explained incident passed through, with the time it spent and why. */
export interface TimelineStep {
  id: string;
  name: string;
  kind: GraphNode['kind'];
  lane: string | undefined;
  arrivedAt: number;
  /** Tasks done by staff: when a person became free for it (then it may wait for opening hours). */
  grantedAt?: number;
  /** Meeting tasks: the sitting that took it, and the meeting's name. */
  sittingAt?: number;
  meeting?: string;
  startedAt: number;
  endedAt: number;
  minutes?: number;
  /** The flow taken out of a gateway. */
  flow?: string;
  deadline?: { name: string; dueAt: number; met: boolean };
}

export interface Quantiles {
  mean: number;
  p50: number;
  p90: number;
  p95: number;
}

export interface ReplicationResult {
  replication: number;
  status: 'complete' | 'unstable';
  reason: string | null;
  arrivals: number;
  completed: number;
  inSystemAtEnd: number;
  /** Incidents in the system at the end, by the task they wait at. */
  backlogAtEnd: Record<string, number>;
  timeToDecisionHours: Quantiles;
  /** Share of decided incidents by time to decision, in 12-hour bins up to 14 days (the last bin: longer). */
  timeToDecisionShares: number[];
  /** Mean hours an incident waited at each task before work on it started (staff, hours, sittings). */
  waitByTask: Record<string, number>;
  deadlines: Record<string, { due: number; breached: number; breachRate: number }>;
  pools: Record<string, { staff: number; tasks: number; utilisation: number; meanQueue: number; meanWaitHours: number; p90WaitHours: number }>;
  meetings: Record<string, { name: string; sittings: number; meanItems: number; maxItems: number; meanCarriedOver: number; maxCarriedOver: number }>;
  /** Share of completed incidents with each outcome / notification. */
  outcomes: Record<string, number>;
  notifications: Record<string, number>;
  inSystem: { mean: number; max: number };
  littlesLaw: { inSystem: number; arrivalsPerHour: number; hoursInSystem: number; relativeGap: number };
  /** Incidents in the system and waiting per pool and meeting, sampled each day at noon. */
  daily: { inSystem: number[]; waiting: Record<string, number[]> };
  /** Elements where an incident stopped because no outgoing flow applied (a model gap). */
  stuck: Record<string, number>;
  /** Only with the explain option: the incidents watched, in arrival order. */
  explained?: ExplainedIncident[];
}

export interface ExplainedIncident {
  number: number;
  arrivedAt: number;
  context: CaseContext;
  finished: boolean;
  timeline: TimelineStep[];
}

export interface ReplicationOptions {
  /** Keep each incident's visited elements and flows, handing the incident to `onComplete`. */
  trace?: boolean;
  onComplete?: (incident: Incident) => void;
  /** Keep a timeline for these incidents (numbered from 1 in order of arrival after the warm-up), or for every measured incident when 'all'. */
  explain?: number | 'all';
  /** Incidents to inject instead of sampled arrivals (conformance): context and arrival time. They run to completion, past the horizon if need be. */
  incidents?: readonly { context: CaseContext; arrivedAt: number }[];
}

class StaffPool {
  readonly resource: Resource<WorkItem>;
  readonly waits = new RunningMoments();
  readonly waitHistogram = new LogHistogram();
  busyMinutes = 0;
  tasks = 0;

  constructor(
    simulation: Simulation,
    readonly plan: PoolPlan,
  ) {
    this.resource = new Resource<WorkItem>(simulation, plan.count);
  }
}

class MeetingQueue {
  readonly waiting = new PriorityQueue<WorkItem>();
  scheduled = false;
  sittings = 0;
  items = new RunningMoments();
  maxItems = 0;
  carried = new RunningMoments();
  maxCarried = 0;

  constructor(readonly node: GraphNode, readonly task: TaskPlan) {}
}

const decisionBinHours = 12;
const decisionBinCount = 29;

export function runReplication(plan: Plan, replication: number, options: ReplicationOptions = {}): ReplicationResult {
  const { graph, scenario } = plan;
  const nodes = graph.nodes;
  const simulation = new Simulation(plan.startAt);
  const arrivalsRandom = randomStream(scenario.seed, replication, 'arrivals');
  const populationRandom = randomStream(scenario.seed, replication, 'population');
  const durationsRandom = randomStream(scenario.seed, replication, 'durations');
  const backlogRandom = randomStream(scenario.seed, replication, 'backlog');
  const tracing = options.trace === true;
  const joinSlot = new Int32Array(nodes.length).fill(-1);
  let joinCount = 0;
  for (const node of nodes) if (node.kind === 'parallel' && node.incomingCount > 1) joinSlot[node.index] = joinCount++;

  const pools = new Map<string, StaffPool>();
  for (const [laneId, poolPlan] of plan.pools) pools.set(laneId, new StaffPool(simulation, poolPlan));
  const poolByNode: (StaffPool | undefined)[] = nodes.map((node) => {
    const pool = plan.tasks[node.index]?.pool;
    return pool ? pools.get(pool) : undefined;
  });
  const meetings: (MeetingQueue | undefined)[] = nodes.map((node) => {
    const task = plan.tasks[node.index];
    return task?.meeting ? new MeetingQueue(node, task) : undefined;
  });
  // Working-hours deadlines count office hours, as engine/time.ts does.
  const officeHours = TeamCalendar.from('office');
  const deadlineIndex = nodes.map((node) => (node.deadline ? graph.deadlineNames.indexOf(node.deadline.name) : -1));
  const deadlineDue = new Float64Array(graph.deadlineNames.length);
  const deadlineBreached = new Float64Array(graph.deadlineNames.length);
  const outcomeCounts = new Float64Array(outcomeList.length);
  const notificationCounts = new Float64Array(notificationList.length);
  const stuck = new Map<string, number>();
  const priorityRank: Record<string, number> = Object.fromEntries(scenario.priority.map((level, index) => [level, index]));
  const lowestPriority = scenario.priority.length;
  const priorityOf = (context: CaseContext): number => {
    const level = context.agreedRisk;
    return typeof level === 'string' ? (priorityRank[level] ?? lowestPriority) : lowestPriority;
  };

  const inSystem = new TimeWeighted(plan.startAt);
  const decisionMoments = new RunningMoments();
  const decisionHistogram = new LogHistogram();
  const decisionBins = new Float64Array(decisionBinCount);
  const taskWaits = nodes.map(() => new RunningMoments());
  let arrivals = 0;
  let completed = 0;
  let status: ReplicationResult['status'] = 'complete';
  let reason: string | null = null;
  const live = new OpenIncidents();

  // ---- moving tokens -------------------------------------------------------------------------

  const complete = (incident: Incident): void => {
    live.remove(incident);
    inSystem.change(simulation.now, -1);
    if (incident.measured) {
      completed++;
      const hours = (simulation.now - incident.arrivedAt) / HOUR;
      decisionMoments.add(hours);
      decisionHistogram.add(hours);
      decisionBins[Math.min(decisionBinCount - 1, Math.floor(hours / decisionBinHours))]!++;
      // Lowest set bit first: as many steps as the incident has outcomes, not as words exist.
      for (let bits = incident.outcomes; bits !== 0; bits &= bits - 1) outcomeCounts[31 - Math.clz32(bits & -bits)]!++;
      for (let bits = incident.notifications; bits !== 0; bits &= bits - 1) notificationCounts[31 - Math.clz32(bits & -bits)]!++;
    }
    options.onComplete?.(incident);
  };

  const leave = (incident: Incident, node: GraphNode): void => {
    incident.outcomes |= node.outcomeMask;
    incident.notifications |= node.notificationMask;
    if (node.endsClocks.length > 0) startClocks(incident, node.endsClocks, simulation.now);
    const deadline = deadlineIndex[node.index]!;
    // A clock not started (a backlog item that entered after its element) leaves the deadline unjudged.
    const clockStart = node.deadlineClock < 0 ? incident.arrivedAt : (incident.clocks?.[node.deadlineClock] ?? Number.NaN);
    if (deadline >= 0 && incident.measured && !Number.isNaN(clockStart)) {
      deadlineDue[deadline]!++;
      const dueAt = deadlineDueFast(node.deadline!, clockStart, officeHours);
      if (simulation.now > dueAt) deadlineBreached[deadline]!++;
      // Parallel branches interleave: the step is this node's latest, not the timeline's last.
      const step = incident.timeline?.findLast((candidate) => candidate.id === node.id);
      if (step) step.deadline = { name: node.deadline!.name, dueAt, met: simulation.now <= dueAt };
    }
    if (node.kind === 'end') {
      if (--incident.tokens === 0) complete(incident);
      return;
    }
    const context = incident.context;
    if (node.kind === 'exclusive' || node.outgoing.length + (node.defaultFlow ? 1 : 0) === 1) {
      let chosen: GraphFlow | undefined;
      for (const flow of node.outgoing) {
        if (!flow.condition || flow.condition(context)) {
          chosen = flow;
          break;
        }
      }
      chosen ??= node.defaultFlow;
      if (!chosen) return stop(incident, node);
      if (incident.timeline && node.kind === 'exclusive') incident.timeline.at(-1)!.flow = graph.model.flows.get(chosen.id)?.name || chosen.id;
      incident.flows?.push(chosen.id);
      return arrive(incident, chosen.target);
    }
    // Forks and activities with several outgoing flows: every flow that applies.
    const taken: GraphFlow[] = [];
    for (const flow of node.outgoing) if (!flow.condition || flow.condition(context)) taken.push(flow);
    if (taken.length === 0 || (node.defaultFlow && taken.every((flow) => !flow.condition) && node.outgoing.some((flow) => flow.condition))) {
      if (node.defaultFlow) taken.push(node.defaultFlow);
    }
    if (taken.length === 0) return stop(incident, node);
    incident.tokens += taken.length - 1;
    for (const flow of taken) incident.flows?.push(flow.id);
    for (const flow of taken) arrive(incident, flow.target);
  };

  const startClocks = (incident: Incident, slots: readonly number[], at: number): void => {
    const clocks = (incident.clocks ??= new Float64Array(graph.clockCount).fill(Number.NaN));
    for (const slot of slots) clocks[slot] = at;
  };

  const stop = (incident: Incident, node: GraphNode): void => {
    stuck.set(node.id, (stuck.get(node.id) ?? 0) + 1);
    if (--incident.tokens === 0) complete(incident);
  };

  const arrive = (incident: Incident, index: number): void => {
    const node = nodes[index]!;
    if (node.kind === 'parallel' && node.incomingCount > 1) {
      const joins = (incident.joins ??= new Array<number>(joinCount).fill(0));
      const slot = joinSlot[index]!;
      if (++joins[slot]! < node.incomingCount) {
        incident.tokens--;
        return;
      }
      joins[slot] = 0;
    }
    incident.trace?.push(node.id);
    let step: TimelineStep | undefined;
    if (incident.timeline) {
      step = { id: node.id, name: node.name, kind: node.kind, lane: node.source.lane, arrivedAt: simulation.now, startedAt: simulation.now, endedAt: simulation.now };
      incident.timeline.push(step);
    }
    if (node.kind !== 'task') {
      if (node.startsClocks.length > 0) startClocks(incident, node.startsClocks, simulation.now);
      return leave(incident, node);
    }
    const task = plan.tasks[index]!;
    const item = spareItems.pop() ?? { incident, node, task, requestedAt: 0, minutes: 0, step };
    item.step = step;
    item.incident = incident;
    item.node = node;
    item.task = task;
    item.requestedAt = simulation.now;
    item.minutes = task.duration(durationsRandom);
    incident.waitingAt = index;
    const meeting = meetings[index];
    if (meeting) {
      meeting.waiting.push(incident.priority, item);
      if (!meeting.scheduled) {
        meeting.scheduled = true;
        simulation.at(nextSittingFast(task.meeting!, simulation.now), sit, meeting);
      }
      return;
    }
    poolByNode[index]!.resource.request(incident.priority, item, startWork);
  };

  // ---- staff and meetings --------------------------------------------------------------------

  const startWork = (item: WorkItem): void => {
    const pool = poolByNode[item.node.index]!;
    const calendar = pool.plan.calendar;
    const startsAt = calendar.nextOpen(simulation.now);
    const endsAt = calendar.addWorkingMinutes(startsAt, item.minutes);
    if (item.node.startsClocks.length > 0) startClocks(item.incident, item.node.startsClocks, startsAt);
    if (item.step) Object.assign(item.step, { grantedAt: simulation.now, startedAt: startsAt, endedAt: endsAt, minutes: item.minutes });
    if (startsAt >= plan.warmUpEndsAt) {
      taskWaits[item.node.index]!.add((startsAt - item.requestedAt) / HOUR);
      pool.busyMinutes += item.minutes;
      pool.tasks++;
      const waitHours = (startsAt - item.requestedAt) / HOUR;
      pool.waits.add(waitHours);
      pool.waitHistogram.add(waitHours);
    }
    simulation.at(endsAt, finishWork, item);
  };

  // Work items are recycled: a long run would otherwise allocate one per task done.
  const spareItems: WorkItem[] = [];
  const finishWork = (item: WorkItem): void => {
    const { incident, node } = item;
    spareItems.push(item);
    poolByNode[node.index]!.resource.release();
    leave(incident, node);
  };

  const finishAtMeeting = (item: WorkItem): void => {
    const { incident, node } = item;
    spareItems.push(item);
    leave(incident, node);
  };

  const sit = (meeting: MeetingQueue): void => {
    const capacity = meeting.task.meetingCapacity;
    let taken = 0;
    let clock = simulation.now;
    while (taken < capacity && meeting.waiting.size > 0) {
      const item = meeting.waiting.pop()!;
      // Items are discussed one after another from the start of the sitting.
      if (item.step) Object.assign(item.step, { sittingAt: simulation.now, meeting: meeting.task.meeting!.name, startedAt: clock, endedAt: clock + item.minutes * 60_000, minutes: item.minutes });
      if (item.node.startsClocks.length > 0) startClocks(item.incident, item.node.startsClocks, clock);
      if (simulation.now >= plan.warmUpEndsAt) taskWaits[item.node.index]!.add((clock - item.requestedAt) / HOUR);
      clock += item.minutes * 60_000;
      simulation.at(clock, finishAtMeeting, item);
      taken++;
    }
    const carried = meeting.waiting.size;
    if (simulation.now >= plan.warmUpEndsAt) {
      meeting.sittings++;
      meeting.items.add(taken);
      meeting.carried.add(carried);
      if (taken > meeting.maxItems) meeting.maxItems = taken;
      if (carried > meeting.maxCarried) meeting.maxCarried = carried;
    }
    if (carried > 0) simulation.at(nextSittingFast(meeting.task.meeting!, simulation.now + 60_000), sit, meeting);
    else meeting.scheduled = false;
  };

  // ---- arrivals ------------------------------------------------------------------------------

  const explained: Incident[] = [];
  const admit = (context: CaseContext, arrivedAt: number): void => {
    arrivals += arrivedAt >= plan.warmUpEndsAt ? 1 : 0;
    if (plan.officeHours && !options.incidents) context.outOfHours = !plan.officeHours.isOpen(arrivedAt);
    const measured = arrivedAt >= plan.warmUpEndsAt;
    const watch = measured && (options.explain === 'all' || options.explain === arrivals);
    const incident = openIncident(context, arrivedAt, measured, tracing, watch);
    if (watch) explained.push(incident);
    if (live.size > scenario.maxInSystem) {
      status = 'unstable';
      reason = unstableReason();
      simulation.stop();
    }
    arrive(incident, graph.start);
  };

  const { perHour, weekday: byWeekday, hourOfDay, surges } = plan.arrivals;
  // The rate is constant within a clock hour: remember the last hour's.
  let rateHour = -1;
  let rateOfHour = 0;
  const rateAt = (t: number): number => {
    const hour = Math.floor(t / HOUR);
    if (hour === rateHour) return rateOfHour;
    rateHour = hour;
    rateOfHour = rateIn(t);
    return rateOfHour;
  };
  const rateIn = (t: number): number => {
    const day = localDay(t);
    let rate = perHour * byWeekday[weekday(day)]! * hourOfDay[Math.floor(minuteOfDay(t) / 60)]!;
    for (const [from, to, factor] of surges) if (day >= from && day <= to) rate *= factor;
    return rate;
  };
  /**
   * Non-homogeneous Poisson arrivals by inversion: the rate is constant within each clock hour
   * (London's offset is a whole number of hours, so UTC hours are local hours), so one
   * exponential draw of cumulative rate is spent hour by hour until it runs out.
   */
  const nextArrival = (after: number, random: RandomStream): number => {
    let remaining = -Math.log(1 - random.uniform());
    let t = after;
    for (;;) {
      const hourEnd = (Math.floor(t / HOUR) + 1) * HOUR;
      const rate = rateAt(t) / HOUR;
      const capacity = rate * (hourEnd - t);
      if (remaining < capacity) {
        const at = t + remaining / rate;
        return at >= plan.endAt ? Infinity : at;
      }
      remaining -= capacity;
      t = hourEnd;
      if (t >= plan.endAt) return Infinity;
    }
  };
  const onArrival = (_: undefined): void => {
    admit(plan.population.draw(populationRandom), simulation.now);
    const next = nextArrival(simulation.now, arrivalsRandom);
    if (next !== Infinity) simulation.at(next, onArrival, undefined);
  };

  if (options.incidents) {
    for (const given of options.incidents) simulation.at(given.arrivedAt, (context: CaseContext) => admit(context, given.arrivedAt), given.context);
  } else {
    for (const entry of plan.backlog) {
      for (let i = 0; i < entry.count; i++) {
        const context = plan.population.draw(backlogRandom);
        const arrivedAt = plan.startAt - entry.ageHours(backlogRandom) * HOUR;
        simulation.at(plan.startAt, (incidentContext: CaseContext) => {
          const incident = openIncident(incidentContext, arrivedAt, false, false, false);
          arrive(incident, entry.node);
        }, context);
      }
    }
    const first = perHour > 0 ? nextArrival(plan.startAt, arrivalsRandom) : Infinity;
    if (first !== Infinity) simulation.at(first, onArrival, undefined);
  }

  /** A new open incident, counted in the system from now. Backlog items are never measured. */
  function openIncident(context: CaseContext, arrivedAt: number, measured: boolean, traced: boolean, watched: boolean): Incident {
    const incident: Incident = {
      arrivedAt,
      context,
      priority: priorityOf(context),
      measured,
      tokens: 1,
      outcomes: 0,
      notifications: 0,
      joins: undefined,
      clocks: undefined,
      trace: traced ? [] : undefined,
      flows: traced ? [] : undefined,
      waitingAt: -1,
      timeline: watched ? [] : undefined,
      previous: undefined,
      next: undefined,
    };
    live.add(incident);
    inSystem.change(simulation.now, 1);
    return incident;
  }

  function unstableReason(): string {
    let worst = '';
    let worstQueue = -1;
    for (const pool of pools.values()) {
      if (pool.resource.queueLength > worstQueue) {
        worstQueue = pool.resource.queueLength;
        worst = `staff pool "${pool.plan.name}" (${pool.plan.count} staff) has ${worstQueue} waiting`;
      }
    }
    for (const meeting of meetings) {
      if (meeting && meeting.waiting.size > worstQueue) {
        worstQueue = meeting.waiting.size;
        worst = `meeting "${meeting.task.meeting!.name}" has ${worstQueue} waiting`;
      }
    }
    return `more than ${scenario.maxInSystem} incidents in the system at once: arrivals exceed capacity (${worst}); add staff or sittings, or lower the arrival rate`;
  }

  // ---- measurement: warm-up reset and daily samples ------------------------------------------

  if (plan.warmUpEndsAt > plan.startAt) {
    simulation.at(plan.warmUpEndsAt, (_: undefined) => {
      inSystem.reset(simulation.now);
      for (const pool of pools.values()) pool.resource.resetStatistics();
    }, undefined);
  }
  const daily = { inSystem: [] as number[], waiting: {} as Record<string, number[]> };
  for (const laneId of pools.keys()) daily.waiting[laneId] = [];
  for (const meeting of meetings) if (meeting) daily.waiting[meeting.node.id] = [];
  const firstMeasuredDay = plan.startDay + scenario.warmUpDays;
  const sample = (day: number): void => {
    daily.inSystem.push(live.size);
    for (const [laneId, pool] of pools) daily.waiting[laneId]!.push(pool.resource.queueLength);
    for (const meeting of meetings) if (meeting) daily.waiting[meeting.node.id]!.push(meeting.waiting.size);
    const next = day + 1;
    if (next < firstMeasuredDay + scenario.days) simulation.at(fromLocalDay(next, 12 * 60), sample, next);
  };
  simulation.at(fromLocalDay(firstMeasuredDay, 12 * 60), sample, firstMeasuredDay);

  simulation.run(options.incidents ? Infinity : plan.endAt);
  const endAt = simulation.now;

  // ---- results -------------------------------------------------------------------------------

  const backlogAtEnd: Record<string, number> = {};
  for (const incident of live) {
    const at = incident.waitingAt >= 0 ? nodes[incident.waitingAt]!.id : nodes[graph.start]!.id;
    backlogAtEnd[at] = (backlogAtEnd[at] ?? 0) + 1;
  }
  const measuredHours = (endAt - plan.warmUpEndsAt) / HOUR;
  const meanInSystem = inSystem.average(endAt);
  const arrivalsPerHour = measuredHours > 0 ? arrivals / measuredHours : 0;
  const hoursInSystem = decisionMoments.mean;
  const predicted = arrivalsPerHour * hoursInSystem;

  const poolResults: ReplicationResult['pools'] = {};
  for (const [laneId, pool] of pools) {
    const openMinutes = pool.plan.calendar.openMinutesBetween(plan.warmUpEndsAt, endAt) * pool.plan.count;
    poolResults[laneId] = {
      staff: pool.plan.count,
      tasks: pool.tasks,
      utilisation: openMinutes > 0 ? pool.busyMinutes / openMinutes : 0,
      meanQueue: pool.resource.statistics().meanQueueLength,
      meanWaitHours: pool.waits.mean,
      p90WaitHours: pool.waitHistogram.quantile(0.9),
    };
  }
  const meetingResults: ReplicationResult['meetings'] = {};
  for (const meeting of meetings) {
    if (!meeting) continue;
    meetingResults[meeting.node.id] = {
      name: meeting.task.meeting!.name,
      sittings: meeting.sittings,
      meanItems: meeting.items.mean,
      maxItems: meeting.maxItems,
      meanCarriedOver: meeting.carried.mean,
      maxCarriedOver: meeting.maxCarried,
    };
  }
  const share = (counts: Float64Array, words: readonly string[]): Record<string, number> =>
    Object.fromEntries(words.map((word, index) => [word, completed > 0 ? counts[index]! / completed : 0]));

  return {
    replication,
    status,
    reason,
    arrivals,
    completed,
    inSystemAtEnd: live.size,
    backlogAtEnd: Object.fromEntries(Object.entries(backlogAtEnd).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
    timeToDecisionHours: {
      mean: decisionMoments.mean,
      p50: decisionHistogram.quantile(0.5),
      p90: decisionHistogram.quantile(0.9),
      p95: decisionHistogram.quantile(0.95),
    },
    timeToDecisionShares: Array.from(decisionBins, (count) => (completed > 0 ? count / completed : 0)),
    waitByTask: Object.fromEntries(nodes.filter((node) => node.kind === 'task').map((node) => [node.id, taskWaits[node.index]!.mean])),
    deadlines: Object.fromEntries(
      graph.deadlineNames.map((name, index) => [
        name,
        { due: deadlineDue[index]!, breached: deadlineBreached[index]!, breachRate: deadlineDue[index]! > 0 ? deadlineBreached[index]! / deadlineDue[index]! : 0 },
      ]),
    ),
    pools: poolResults,
    meetings: meetingResults,
    outcomes: share(outcomeCounts, outcomeList),
    notifications: share(notificationCounts, notificationList),
    inSystem: { mean: meanInSystem, max: inSystem.max },
    littlesLaw: {
      inSystem: meanInSystem,
      arrivalsPerHour,
      hoursInSystem,
      relativeGap: meanInSystem > 0 ? Math.abs(predicted - meanInSystem) / meanInSystem : 0,
    },
    daily,
    stuck: Object.fromEntries(stuck),
    ...(options.explain === undefined
      ? {}
      : {
          explained: explained.map((incident, index) => ({
            number: options.explain === 'all' ? index + 1 : (options.explain as number),
            arrivedAt: incident.arrivedAt,
            context: incident.context,
            finished: incident.tokens === 0,
            timeline: incident.timeline!,
          })),
        }),
  };
}
