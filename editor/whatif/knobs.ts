/**
 * The what-if knobs: what a manager may change in a scenario (staff per role, the days a meeting
 * sits, the volume, how many replications over how many days), read from the scenario's plan and
 * applied to the parsed scenario object, which the simulator then validates like any scenario file.
 * Pure: no DOM, no worker; the page, the worker and the tests share it.
 */
import { parse as parseYaml } from 'yaml';
import { ScenarioError, type Problem } from '../../engine/problems.ts';
import type { Plan } from '../../simulations/scenario/plan.ts';
import type { ScenarioInput } from '../../simulations/scenario/schema.ts';

/** In the order a week is read in England; a meeting rule numbers them 0 = Sunday. */
export const weekdays = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;
export type Weekday = (typeof weekdays)[number];
const byRuleNumber: readonly Weekday[] = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** Every value a knob can take; the scenario as written gives the starting values. */
export interface KnobSettings {
  /** People per role, by lane id. */
  staff: Record<string, number>;
  /** The days each meeting sits, by task id. */
  meetingDays: Record<string, Weekday[]>;
  /** Incidents a year before the weekday, hour and surge profiles. */
  perYear: number;
  replications: number;
  /** Days measured after the warm-up. */
  days: number;
}

export interface StaffKnob {
  lane: string;
  /** The lane's name in the diagram. */
  name: string;
  /** Working hours as the scenario or lane gives them, for the label. */
  hours: string;
}

export interface MeetingKnob {
  task: string;
  /** The meeting's name (mashflow:meeting name, or the task's). */
  name: string;
  /** Local start time, "10:00". */
  time: string;
  /** Items one sitting can take; null: no limit. */
  capacity: number | null;
}

/** What a scenario offers to change, and its values as written. */
export interface ScenarioKnobs {
  title: string;
  staff: StaffKnob[];
  meetings: MeetingKnob[];
  written: KnobSettings;
}

const pad = (value: number) => String(value).padStart(2, '0');

/** The knobs of a planned scenario: roles that do tasks (meeting-only roles have no queue to staff), and meetings that sit. */
export function knobsFromPlan(plan: Plan): ScenarioKnobs {
  const { scenario } = plan;
  const staff: StaffKnob[] = [];
  const written: KnobSettings = { staff: {}, meetingDays: {}, perYear: scenario.arrivals.perYear, replications: scenario.replications, days: scenario.days };
  for (const pool of plan.pools.values()) {
    staff.push({ lane: pool.laneId, name: pool.name, hours: pool.hours });
    written.staff[pool.laneId] = pool.count;
  }
  const meetings: MeetingKnob[] = [];
  plan.tasks.forEach((task, index) => {
    const meeting = task?.meeting;
    if (!task || !meeting) return;
    const node = plan.graph.nodes[index]!;
    meetings.push({
      task: node.id,
      name: meeting.name,
      time: `${pad(meeting.hour)}:${pad(meeting.minute)}`,
      capacity: Number.isFinite(task.meetingCapacity) ? task.meetingCapacity : null,
    });
    written.meetingDays[node.id] = sortDays(meeting.days.map((day) => byRuleNumber[day]!));
  });
  return { title: scenario.title, staff, meetings, written };
}

export function sortDays(days: readonly Weekday[]): Weekday[] {
  return [...new Set(days)].sort((a, b) => weekdays.indexOf(a) - weekdays.indexOf(b));
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A figure moved by a knob no longer rests on what the file cited: the knob is its basis. */
function withoutBasis(entry: Record<string, unknown>): Record<string, unknown> {
  const { source: _source, assumed: _assumed, ...rest } = entry;
  return rest;
}

/** The scenario's YAML as a plain object, to change before validation; unreadable YAML is a ScenarioError like any. */
export function readScenarioObject(text: string, file: string): ScenarioInput {
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (error) {
    throw new ScenarioError([{ code: 'scenario-invalid', file, path: '', message: `not readable YAML (${(error as Error).message.split('\n')[0]})` }]);
  }
  if (!isRecord(raw)) throw new ScenarioError([{ code: 'scenario-invalid', file, path: '', message: 'a scenario is a YAML mapping (title, model, arrivals…)' }]);
  // Checked by the scenario schema when the result is parsed; the knobs only touch their own keys.
  return raw as unknown as ScenarioInput;
}

/**
 * The scenario with the knobs' values written in; the original is not changed. Only the keys the
 * settings give are touched, and the rest of each entry is kept (a role's hours, a meeting's time
 * and capacity), so knobs left at their written values plan exactly as the file does.
 */
export function applyKnobs(scenario: ScenarioInput, settings: Partial<KnobSettings>): ScenarioInput {
  const changed: ScenarioInput = structuredClone(scenario);
  if (settings.staff) {
    const staff: Record<string, unknown> = isRecord(changed.staff) ? changed.staff : {};
    for (const [lane, count] of Object.entries(settings.staff)) {
      const entry: Record<string, unknown> = isRecord(staff[lane]) ? staff[lane] : {};
      staff[lane] = entry.count === count ? entry : { ...withoutBasis(entry), count, assumed: `what-if: ${count} set in the what-if panel` };
    }
    changed.staff = staff as ScenarioInput['staff'];
  }
  if (settings.meetingDays) {
    const meetings: Record<string, unknown> = isRecord(changed.meetings) ? changed.meetings : {};
    for (const [task, days] of Object.entries(settings.meetingDays)) {
      const entry: Record<string, unknown> = isRecord(meetings[task]) ? meetings[task] : {};
      const written = sortDays(days).join(' ');
      meetings[task] = entry.days === written ? entry : { ...withoutBasis(entry), days: written, assumed: `what-if: sits ${written || 'on no day'}, set in the what-if panel` };
    }
    changed.meetings = meetings as ScenarioInput['meetings'];
  }
  if (settings.perYear !== undefined) changed.arrivals = { ...(isRecord(changed.arrivals) ? changed.arrivals : {}), perYear: settings.perYear } as ScenarioInput['arrivals'];
  if (settings.replications !== undefined) changed.replications = settings.replications;
  if (settings.days !== undefined) changed.days = settings.days;
  return changed;
}

/**
 * Scenario text the simulator reads (JSON is YAML): the knobs applied to the parsed file. A value
 * a form could not read (an empty field: NaN) becomes null, which the schema reports by its key.
 */
export function scenarioTextWithKnobs(text: string, file: string, settings: Partial<KnobSettings>): string {
  return JSON.stringify(applyKnobs(readScenarioObject(text, file), settings));
}

/**
 * The settings that differ from the scenario as written, plus replications and days (the baseline
 * needs the same). Knobs left alone are not written, so an edit to the diagram (a lane's
 * mashflow:staff, a meeting's days) still shows in the what-if.
 */
export function movedKnobs(written: KnobSettings, settings: KnobSettings): Partial<KnobSettings> {
  const moved: Partial<KnobSettings> & Pick<KnobSettings, 'staff' | 'meetingDays'> = { staff: {}, meetingDays: {}, replications: settings.replications, days: settings.days };
  for (const [lane, count] of Object.entries(settings.staff)) if (count !== written.staff[lane]) moved.staff[lane] = count;
  for (const [task, days] of Object.entries(settings.meetingDays)) {
    if (daysText(days) !== daysText(written.meetingDays[task] ?? [])) moved.meetingDays[task] = days;
  }
  if (settings.perYear !== written.perYear) moved.perYear = settings.perYear;
  return moved;
}

const daysText = (days: readonly Weekday[]) => (days.length ? sortDays(days).join(' ') : 'no days');

/** The knobs set away from the scenario as written, in words: "MASH CSOs 3 → 2". */
export function describeChanges(knobs: ScenarioKnobs, settings: KnobSettings): string[] {
  const changes: string[] = [];
  for (const role of knobs.staff) {
    const before = knobs.written.staff[role.lane];
    const after = settings.staff[role.lane];
    if (after !== undefined && after !== before) changes.push(`${role.name} ${before} → ${after}`);
  }
  for (const meeting of knobs.meetings) {
    const before = knobs.written.meetingDays[meeting.task] ?? [];
    const after = settings.meetingDays[meeting.task];
    if (after && daysText(after) !== daysText(before)) changes.push(`${meeting.name} ${daysText(before)} → ${daysText(after)}`);
  }
  if (settings.perYear !== knobs.written.perYear) changes.push(`incidents a year ${knobs.written.perYear} → ${settings.perYear}`);
  return changes;
}

/** Where a problem is, in the knob's words, when it is about a knob; else the file and key. */
function knobLabel(problem: Problem, knobs: ScenarioKnobs | null): string {
  const [first, second] = problem.path.split('.');
  if (first === 'staff' && second) return `Staff: ${knobs?.staff.find((role) => role.lane === second)?.name ?? second}`;
  if (first === 'meetings' && second) return `Meeting: ${knobs?.meetings.find((meeting) => meeting.task === second)?.name ?? second}`;
  if (problem.path === 'arrivals.perYear') return 'Incidents a year';
  if (problem.path === 'replications') return 'Replications';
  if (problem.path === 'days') return 'Days simulated';
  return problem.path ? `${problem.file}: ${problem.path}` : problem.file;
}

/** Readable sentences for the simulator's problems with a what-if, each naming the knob it is about. */
export function problemMessages(problems: readonly Problem[], knobs: ScenarioKnobs | null): string[] {
  return problems.map((problem) => {
    const message = problem.message === 'expected number, got null' ? 'enter a number' : problem.message;
    return `${knobLabel(problem, knobs)}: ${message}`;
  });
}
