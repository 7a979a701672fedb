/**
 * What each figure rests on. The inputs a run used (staff per lane, minutes per task, meeting
 * capacity, deadlines, the volume) each carry a basis: sourced (a cited public figure or seed
 * passage) or assumed (a stated reason). A report figure rests on the assumed inputs that shape it,
 * so the front ends can mark it. Pure: reads the plan only.
 */
import type { Plan } from './scenario/plan.ts';
import type { Basis } from './scenario/schema.ts';

export interface InputBasis {
  /** The scenario key (staff.cso, durations.screenHighRisk, defaultDuration, meetings.x.capacity), staff.<lane>.hours (hours from the model), or deadlines.<name>, arrivals.perYear. */
  key: string;
  kind: 'sourced' | 'assumed';
  /** The citation, or the reason it is assumed. */
  text: string;
}

export interface ReportBasis {
  /** Every input the run used, sorted by key. */
  inputs: InputBasis[];
  /** For each figure the report shows (its path under results), the assumed inputs it rests on, sorted; [] when it rests on sourced inputs only. */
  restsOn: Record<string, string[]>;
}

/**
 * The first seed citation in a task's documentation: "Seed 000_….txt (Derby business process), High".
 * The models cite their seed first, then quote it; the quote is left out.
 */
export function seedCitation(documentation: string): string | undefined {
  // A section runs to the first colon, quote or full stop; the dot of a section number (3.2, 14.5) is kept.
  const match = /Seed (\d{3}_[0-9a-f]+(?:\.txt)?)( \([^)]*\))?(?:, ((?:[^:."“]|\.(?=\d))+))?/.exec(documentation);
  if (!match) return undefined;
  return `Seed ${match[1]}${match[2] ?? ''}${match[3] ? `, ${match[3].trim()}` : ''}`;
}

/** The model states the limit as an assumption ("Assumed: …") next to its seed quote. */
function assumedNote(documentation: string): string | undefined {
  return /Assumed: ([^.]+)/.exec(documentation)?.[1]?.trim();
}

/**
 * The basis of a lane's hours taken from the model, from the lane's documentation: assumed when it
 * opens with "Assumed: …" (that sentence, as a scenario's assumed: reads), sourced when it cites a
 * seed first (the citation, with any "Assumed: …" note after it, as deadlines take theirs).
 */
export function laneHoursBasis(documentation: string, laneName: string): Pick<InputBasis, 'kind' | 'text'> {
  const citation = seedCitation(documentation);
  const citedAt = documentation.search(/Seed \d{3}_/);
  const assumedAt = documentation.indexOf('Assumed: ');
  // The sentence runs to a full stop followed by a space or the end (not the dot of "004_….txt" or "sources.md").
  const sentence = assumedAt >= 0 ? /^Assumed: (.+?)(?:\.(?=\s|$)|$)/s.exec(documentation.slice(assumedAt))?.[1]?.trim() : undefined;
  if (sentence && (citedAt < 0 || assumedAt < citedAt)) return { kind: 'assumed', text: sentence };
  if (citation) return { kind: 'sourced', text: `${citation}${sentence ? ` (assumed: ${sentence})` : ''}` };
  return { kind: 'assumed', text: `the model's mashflow:staff hours on lane "${laneName}" (its documentation cites no seed and states no assumption)` };
}

function fromScenario(basis: Basis): Pick<InputBasis, 'kind' | 'text'> {
  return basis.source !== undefined ? { kind: 'sourced', text: basis.source } : { kind: 'assumed', text: basis.assumed ?? 'no basis given' };
}

export function reportBasis(plan: Plan): ReportBasis {
  const { scenario, graph } = plan;
  const inputs = new Map<string, InputBasis>();
  const put = (key: string, basis: Pick<InputBasis, 'kind' | 'text'>) => inputs.set(key, { key, ...basis });
  put('arrivals.perYear', { kind: 'sourced', text: scenario.arrivals.source });

  // staff.<lane> is the number of people (and the hours when the scenario gives them); hours taken
  // from the model's mashflow:staff are their own input, staff.<lane>.hours, resting on the lane's documentation.
  const hoursKey = new Map<string, string>();
  for (const pool of plan.pools.values()) {
    const given = scenario.staff[pool.laneId];
    put(`staff.${pool.laneId}`, given?.count !== undefined ? fromScenario(given) : { kind: 'assumed', text: `the model's mashflow:staff count on lane "${pool.name}" (the model states no basis)` });
    if (given?.hours !== undefined) continue;
    const lane = plan.graph.model.lanes.find((candidate) => candidate.id === pool.laneId);
    const key = `staff.${pool.laneId}.hours`;
    put(
      key,
      lane?.staff?.hours
        ? laneHoursBasis(lane.documentation, pool.name)
        : { kind: 'assumed', text: `neither the scenario nor the model gives lane "${pool.name}" working hours: office hours` },
    );
    hoursKey.set(pool.laneId, key);
  }

  // The input key that gives each task its minutes, by node index: the same precedence as the plan.
  const durationKey: (string | undefined)[] = graph.nodes.map((node) => {
    if (node.kind !== 'task') return undefined;
    const given = scenario.durations[node.id];
    if (given) {
      put(`durations.${node.id}`, fromScenario(given));
      return `durations.${node.id}`;
    }
    if (node.source.simulation.duration) {
      put(`durations.${node.id}`, { kind: 'assumed', text: `the model's mashflow:duration on "${node.name}" (the model states no basis)` });
      return `durations.${node.id}`;
    }
    if (scenario.defaultDuration) put('defaultDuration', fromScenario(scenario.defaultDuration));
    return 'defaultDuration';
  });

  const meetingKeys = new Map<string, string[]>();
  plan.tasks.forEach((task, index) => {
    if (!task?.meeting) return;
    const node = graph.nodes[index]!;
    const keys = [durationKey[index]!];
    if (Number.isFinite(task.meetingCapacity)) {
      const override = scenario.meetings[node.id];
      put(
        `meetings.${node.id}.capacity`,
        override?.capacity !== undefined ? fromScenario(override) : { kind: 'assumed', text: `the model's mashflow:meeting capacity on "${node.name}" (the model states no basis)` },
      );
      keys.push(`meetings.${node.id}.capacity`);
    }
    meetingKeys.set(node.id, keys);
  });

  const deadlineTasks = new Map<string, string[]>();
  for (const node of graph.nodes) {
    if (!node.deadline) continue;
    const key = `deadlines.${node.deadline.name}`;
    const citation = seedCitation(node.source.documentation);
    const note = assumedNote(node.source.documentation);
    const text = citation ? `${citation}${note ? ` (assumed: ${note})` : ''}` : `no seed cited in the documentation of "${node.name}"`;
    const seen = inputs.get(key);
    // Tasks sharing a deadline name: every distinct citation, in model order.
    if (!seen) put(key, { kind: citation ? 'sourced' : 'assumed', text });
    else if (!seen.text.split('; ').includes(text)) put(key, { kind: seen.kind === 'assumed' || !citation ? 'assumed' : 'sourced', text: `${seen.text}; ${text}` });
    deadlineTasks.set(node.deadline.name, [...(deadlineTasks.get(node.deadline.name) ?? []), node.id]);
  }

  const assumed = (keys: Iterable<string>) => [...new Set(keys)].filter((key) => inputs.get(key)?.kind === 'assumed').sort();
  // Waiting anywhere delays everything after it, so the whole-system figures rest on every staffing, duration and capacity input.
  const everything = assumed([...inputs.keys()].filter((key) => !key.startsWith('deadlines.') && key !== 'arrivals.perYear'));
  const restsOn: Record<string, string[]> = {
    arrivals: assumed(['arrivals.perYear']),
    timeToDecisionHours: everything,
    inSystem: everything,
    inSystemAtEnd: everything,
  };
  for (const name of graph.deadlineNames) restsOn[`deadlines.${name}`] = assumed([...everything, `deadlines.${name}`]);
  for (const pool of plan.pools.values()) {
    const keys = [`staff.${pool.laneId}`, ...(hoursKey.has(pool.laneId) ? [hoursKey.get(pool.laneId)!] : [])];
    plan.tasks.forEach((task, index) => {
      if (task?.pool === pool.laneId) keys.push(durationKey[index]!);
    });
    restsOn[`pools.${pool.laneId}`] = assumed(keys);
  }
  for (const [task, keys] of meetingKeys) restsOn[`meetings.${task}`] = assumed(keys);
  return { inputs: [...inputs.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)), restsOn };
}

/** Every assumed input the report's figures rest on, sorted: for a legend. */
export function assumedInputs(basis: ReportBasis): string[] {
  return [...new Set(Object.values(basis.restsOn).flat())].sort();
}

/** The assumed inputs a figure rests on, by its key in a report or comparison (timeToDecisionHours.p50, pools.cso.utilisation…). */
export function restsOnFigure(basis: ReportBasis, figureKey: string): string[] {
  const key = figureKey === 'decidedWithin24Hours' ? 'timeToDecisionHours' : figureKey;
  let best: string | undefined;
  for (const path of Object.keys(basis.restsOn)) {
    if ((key === path || key.startsWith(`${path}.`)) && (!best || path.length > best.length)) best = path;
  }
  return best ? basis.restsOn[best]! : [];
}
