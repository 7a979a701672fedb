/**
 * The working hours each lane's tasks are done in, for a case run: the case file's hours: for a
 * lane, else the model's mashflow:staff hours, else none (work starts when it arrives). The same
 * TeamCalendar the simulator's staff pools use, so a case run is the simulator with unlimited staff.
 */
import { TeamCalendar, hoursFromText, parseWorkingHours } from '../simulations/calendar/working-hours.ts';
import type { Model } from './model.ts';
import { RunError, type Problem } from './problems.ts';

/** Calendars from the model alone, kept per model: a calendar caches the days it has worked out. */
const fromModel = new WeakMap<Model, Map<string, TeamCalendar>>();

export function laneCalendars(model: Model, caseHours: Readonly<Record<string, unknown>>, file: string): ReadonlyMap<string, TeamCalendar> {
  let modelCalendars = fromModel.get(model);
  if (!modelCalendars) {
    modelCalendars = new Map();
    for (const lane of model.lanes) {
      if (!lane.staff?.hours) continue;
      const parsed = parseWorkingHours(hoursFromText(lane.staff.hours));
      if (!parsed.ok) {
        throw new RunError([{ code: 'run-failed', file: model.file, path: lane.id, message: `mashflow:staff hours="${lane.staff.hours}": ${parsed.message}` }]);
      }
      modelCalendars.set(lane.id, new TeamCalendar(parsed.hours));
    }
    fromModel.set(model, modelCalendars);
  }
  const given = Object.entries(caseHours);
  if (given.length === 0) return modelCalendars;

  const calendars = new Map(modelCalendars);
  const problems: Problem[] = [];
  for (const [laneId, spec] of given) {
    if (!model.lanes.some((lane) => lane.id === laneId)) {
      problems.push({ code: 'case-invalid', file, path: `hours.${laneId}`, message: `${model.file} has no lane ${laneId}; use one of: ${model.lanes.map((lane) => lane.id).join(', ')}` });
      continue;
    }
    const parsed = parseWorkingHours(typeof spec === 'string' ? hoursFromText(spec) : spec);
    if (!parsed.ok) problems.push({ code: 'case-invalid', file, path: `hours.${laneId}`, message: parsed.message });
    else calendars.set(laneId, new TeamCalendar(parsed.hours));
  }
  if (problems.length > 0) throw new RunError(problems);
  return calendars;
}
