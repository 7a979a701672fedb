/**
 * A scenario checked against its model and turned into everything a replication needs: staff
 * pools with calendars, a duration sampler per task, meeting rules and capacities, the
 * population and the arrival profile. Every problem names the scenario key or the model element.
 */
import type { Model } from '../../engine/model.ts';
import { ScenarioError, type Problem } from '../../engine/problems.ts';
import { parseMeeting, type MeetingRule } from '../../engine/time.ts';
import { allowedValues, isVariableName, variables } from '../../engine/vocabulary.ts';
import { hoursFromText, parseWorkingHours, TeamCalendar } from '../calendar/working-hours.ts';
import { fromLocalDay, localDay, DAY } from '../calendar/london-clock.ts';
import { compileGraph, type Graph } from '../model/graph.ts';
import { compilePopulation, type Population } from '../domain/population.ts';
import { checkDistribution, mean, sampler, type DistributionSpec, type Sampler } from '../random/distributions.ts';
import type { HoursSpec, MinutesDistribution, Scenario, weekdayNames } from './schema.ts';

export interface PoolPlan {
  readonly laneId: string;
  readonly name: string;
  readonly count: number;
  readonly hours: string;
  readonly calendar: TeamCalendar;
}

export interface TaskPlan {
  readonly duration: Sampler;
  readonly meanMinutes: number;
  /** Staff pool (lane id) for tasks done by people outside meetings. */
  readonly pool: string | undefined;
  readonly meeting: MeetingRule | undefined;
  readonly meetingCapacity: number;
}

export interface ArrivalPlan {
  /** Mean arrivals per hour before the profiles. */
  readonly perHour: number;
  /** Multipliers normalised to average 1: by weekday (0 = Sunday) and by local hour. */
  readonly weekday: readonly number[];
  readonly hourOfDay: readonly number[];
  /** Surges as [first local day, last local day, factor]. */
  readonly surges: readonly (readonly [number, number, number])[];
  /** The largest rate the profiles can reach, for thinning. */
  readonly maxPerHour: number;
}

export interface Plan {
  readonly scenario: Scenario;
  readonly graph: Graph;
  readonly pools: ReadonlyMap<string, PoolPlan>;
  /** By node index; undefined for nodes that are not tasks. */
  readonly tasks: readonly (TaskPlan | undefined)[];
  readonly population: Population;
  readonly arrivals: ArrivalPlan;
  readonly startAt: number;
  readonly warmUpEndsAt: number;
  readonly endAt: number;
  readonly startDay: number;
  readonly backlog: readonly { node: number; count: number; ageHours: Sampler }[];
  /** Sets outOfHours from the arrival time, when the scenario gives office hours. */
  readonly officeHours: TeamCalendar | undefined;
}

const dayIndex: Record<(typeof weekdayNames)[number], number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

function parseLocalDate(text: string): number {
  const [year, month, day] = text.split('-').map(Number) as [number, number, number];
  // Local day number of the date: noon UTC of that date is always on the same London day.
  return localDay(Date.UTC(year, month - 1, day, 12));
}

function distributionFromAttributes(attributes: Readonly<Record<string, string>>): DistributionSpec | string {
  const entries = Object.entries(attributes);
  if (entries.length !== 1) return 'mashflow:duration needs exactly one of fixed, uniform, triangular, exponential, lognormal, empirical';
  const [kind, text] = entries[0]!;
  const numbers = text.trim().split(/[\s,]+/).map(Number);
  if (numbers.some((value) => !Number.isFinite(value))) return `mashflow:duration ${kind}="${text}" should be minutes as numbers`;
  switch (kind) {
    case 'fixed':
      return { fixed: numbers[0]! };
    case 'uniform':
      return numbers.length === 2 ? { uniform: [numbers[0]!, numbers[1]!] } : 'uniform needs "min max"';
    case 'triangular':
      return numbers.length === 3 ? { triangular: [numbers[0]!, numbers[1]!, numbers[2]!] } : 'triangular needs "min mode max"';
    case 'exponential':
      return { exponential: { mean: numbers[0]! } };
    case 'lognormal':
      return numbers.length === 2 ? { lognormal: { mean: numbers[0]!, sd: numbers[1]! } } : 'lognormal needs "mean sd"';
    case 'empirical':
      return { empirical: numbers };
    default:
      return `mashflow:duration has no kind "${kind}"`;
  }
}

function normalised(values: readonly number[]): number[] {
  const average = values.reduce((sum, value) => sum + value, 0) / values.length;
  return values.map((value) => (average > 0 ? value / average : 0));
}

/** Checks a scenario against its model; throws ScenarioError listing every problem. */
export function planScenario(scenario: Scenario, model: Model): Plan {
  const file = scenario.file;
  const problems: Problem[] = [];
  const problem = (path: string, message: string) => problems.push({ code: 'scenario-invalid', file, path, message });
  const graph = compileGraph(model);
  const laneIds = model.lanes.map((lane) => lane.id);
  const taskIds = graph.nodes.filter((node) => node.kind === 'task').map((node) => node.id);

  // Staff pools: one per lane that has tasks done outside meetings.
  const pools = new Map<string, PoolPlan>();
  for (const key of Object.keys(scenario.staff)) {
    if (!laneIds.includes(key)) problem(`staff.${key}`, `the model has no lane "${key}"; use one of: ${laneIds.join(', ')}`);
  }
  const overriddenMeetings = scenario.meetings;
  for (const key of Object.keys(overriddenMeetings)) {
    if (!taskIds.includes(key)) problem(`meetings.${key}`, `the model has no task "${key}"; use one of its task ids`);
  }
  for (const key of Object.keys(scenario.durations)) {
    if (!taskIds.includes(key)) problem(`durations.${key}`, `the model has no task "${key}"; use one of: ${taskIds.join(', ')}`);
  }

  const tasks = graph.nodes.map((node): TaskPlan | undefined => {
    if (node.kind !== 'task') return undefined;
    let spec: DistributionSpec | undefined = scenario.durations[node.id] as MinutesDistribution | undefined;
    if (!spec && node.source.simulation.duration) {
      const parsed = distributionFromAttributes(node.source.simulation.duration);
      if (typeof parsed === 'string') problem(node.id, `${model.file}: ${parsed}`);
      else spec = parsed;
    }
    spec ??= scenario.defaultDuration;
    if (!spec) {
      problem(`durations.${node.id}`, `task "${node.name}" has no duration; add durations.${node.id} (e.g. { triangular: [10, 20, 40] }), a mashflow:duration in the model, or defaultDuration`);
      return undefined;
    }
    const bad = checkDistribution(spec);
    if (bad) problem(`durations.${node.id}`, bad);

    let meeting = node.meeting;
    let capacity = node.source.simulation.meetingCapacity ? Number(node.source.simulation.meetingCapacity) : Infinity;
    const override = overriddenMeetings[node.id];
    if (override?.onArrival) {
      meeting = undefined;
    } else if (override) {
      const parsed = parseMeeting({
        name: meeting?.name ?? node.name,
        days: override.days ?? meeting?.days.map((day) => Object.keys(dayIndex).find((name) => dayIndex[name as keyof typeof dayIndex] === day)).join(' '),
        time: override.time ?? (meeting ? `${String(meeting.hour).padStart(2, '0')}:${String(meeting.minute).padStart(2, '0')}` : undefined),
      });
      if (typeof parsed === 'string') problem(`meetings.${node.id}`, parsed);
      else meeting = parsed;
      if (override.capacity !== undefined) capacity = override.capacity;
    }
    if (!Number.isFinite(capacity) && capacity !== Infinity) problem(node.id, 'mashflow:meeting capacity should be a whole number');

    let pool: string | undefined;
    if (!meeting) {
      pool = node.laneId;
      if (!pool) problem(node.id, `task "${node.name}" is in no lane; put it in a lane so a staff pool can do it`);
    }
    return { duration: sampler(spec), meanMinutes: mean(spec), pool, meeting, meetingCapacity: capacity };
  });

  for (const lane of model.lanes) {
    if (!tasks.some((task) => task?.pool === lane.id)) continue;
    const given = scenario.staff[lane.id];
    const count = given?.count ?? (lane.staff?.count !== undefined ? Number(lane.staff.count) : undefined);
    if (count === undefined || !Number.isInteger(count) || count < 1) {
      problem(`staff.${lane.id}`, `lane "${lane.name}" needs staff: add staff.${lane.id}.count (people), or mashflow:staff count on the lane`);
      continue;
    }
    const hoursSpec: HoursSpec = given?.hours ?? (lane.staff?.hours ? (hoursFromText(lane.staff.hours) as HoursSpec) : 'office');
    const hours = parseWorkingHours(hoursSpec);
    if (!hours.ok) {
      problem(`staff.${lane.id}.hours`, hours.message);
      continue;
    }
    pools.set(lane.id, { laneId: lane.id, name: lane.name, count, hours: typeof hoursSpec === 'string' ? hoursSpec : JSON.stringify(hoursSpec), calendar: new TeamCalendar(hours.hours) });
  }

  const { population, problems: populationProblems } = compilePopulation(scenario.population, file, graph.names);
  problems.push(...populationProblems);
  let officeHours: TeamCalendar | undefined;
  if (scenario.officeHours !== undefined) {
    const parsed = parseWorkingHours(scenario.officeHours);
    if (parsed.ok) officeHours = new TeamCalendar(parsed.hours);
    else problem('officeHours', parsed.message);
    if (population.order.includes('outOfHours')) problem('population.outOfHours', 'outOfHours comes from officeHours and the arrival time; give one or the other');
  } else if (graph.names.includes('outOfHours') && !population.order.includes('outOfHours')) {
    problem('officeHours', "the model's conditions read outOfHours: give the authority's officeHours (e.g. { Mon-Thu: 08:30-17:00, Fri: 08:30-16:30 }) so it follows the arrival time");
  }
  for (const name of graph.names) {
    if (!isVariableName(name)) continue;
    const derivable = name === 'agreedRisk' && population.order.includes('dashRisk');
    if (!population.order.includes(name) && !('default' in variables[name]) && !derivable) {
      const values = allowedValues(name);
      problem(`population.${name}`, `the model's conditions read ${name}; give its weights${values ? ` over ${values.join(', ')}` : ''}`);
    }
  }

  const arrivals = scenario.arrivals;
  const weekdayWeights = [0, 1, 2, 3, 4, 5, 6].map((day) => {
    const name = (Object.keys(dayIndex) as (keyof typeof dayIndex)[]).find((key) => dayIndex[key] === day)!;
    return arrivals.weekday?.[name] ?? 1;
  });
  const weekday = normalised(weekdayWeights);
  const hourOfDay = normalised(arrivals.hourOfDay ?? new Array<number>(24).fill(1));
  const surges = arrivals.surges.map((surge, index): [number, number, number] => {
    const from = parseLocalDate(surge.from);
    const to = parseLocalDate(surge.to);
    if (to < from) problem(`arrivals.surges.${index}`, `"to" (${surge.to}) is before "from" (${surge.from})`);
    return [from, to, surge.factor];
  });
  const perHour = arrivals.perYear / (365.25 * 24);
  const maxSurge = Math.max(1, ...surges.map((surge) => surge[2]));
  const arrivalPlan: ArrivalPlan = {
    perHour,
    weekday,
    hourOfDay,
    surges,
    maxPerHour: perHour * Math.max(...weekday) * Math.max(...hourOfDay) * maxSurge,
  };

  const backlog = scenario.backlog.map((entry, index) => {
    const node = graph.nodes.find((candidate) => candidate.id === entry.at);
    if (!node || node.kind !== 'task') problem(`backlog.${index}.at`, `the model has no task "${entry.at}"; a backlog waits at a task`);
    const bad = checkDistribution(entry.ageHours);
    if (bad) problem(`backlog.${index}.ageHours`, bad);
    return { node: node?.index ?? 0, count: entry.count, ageHours: sampler(entry.ageHours) };
  });

  if (problems.length > 0) throw new ScenarioError(problems);
  const startDay = parseLocalDate(scenario.start);
  const startAt = fromLocalDay(startDay, 0);
  return {
    scenario,
    graph,
    pools,
    tasks,
    population,
    arrivals: arrivalPlan,
    startAt,
    warmUpEndsAt: fromLocalDay(startDay + scenario.warmUpDays, 0),
    endAt: fromLocalDay(startDay + scenario.warmUpDays + scenario.days, 0),
    startDay,
    backlog,
    officeHours,
  };
}

export { DAY };
