/**
 * Where a trainer run stands at a step: what has happened so far and what is still running. Pure,
 * so it is tested without a browser.
 */
import type { TrainerRun, TrainerStep } from '../api/types.ts';

/** The steps a trainee steps through: everything but nameless merges, which decide nothing. */
export function visibleSteps(run: TrainerRun): TrainerStep[] {
  return run.steps.filter((step) => !step.merge);
}

export type DeadlineStatus =
  | { kind: 'met' | 'missed'; name: string; dueLocal: string; completedLocal: string }
  | { kind: 'running' | 'overdue'; name: string; dueLocal: string; minutes: number };

export interface StepState {
  step: TrainerStep;
  /** 1-based position among the visible steps, and their number. */
  position: number;
  total: number;
  isLast: boolean;
  outcomes: string[];
  notifications: string[];
  deadlines: DeadlineStatus[];
  /** Every element reached up to this step (merges included), and the flows taken to get here. */
  visited: string[];
  flows: string[];
}

export function stateAt(run: TrainerRun, index: number): StepState | undefined {
  const steps = visibleSteps(run);
  const step = steps[index];
  if (!step) return undefined;
  // Everything up to and including this step in the full path, merges included.
  const upTo = run.steps.indexOf(step);
  const done = run.steps.slice(0, upTo + 1);
  const now = Date.parse(step.endedAt);
  const outcomes = [...new Set(done.flatMap((s) => s.outcomes))];
  const notifications = [...new Set(done.flatMap((s) => s.notifications))];
  const visited = [...new Set(done.map((s) => s.id))];
  // The flows into the steps reached so far (a flow out of this step is the next step's way in).
  const flows = [...new Set(done.slice(0, -1).flatMap((s) => s.next.filter((flow) => visited.includes(flow.target)).map((flow) => flow.id)))];
  const deadlines: DeadlineStatus[] = run.deadlines.map((deadline) => {
    if (visited.includes(deadline.element)) {
      return { kind: deadline.met ? 'met' : 'missed', name: deadline.name, dueLocal: deadline.dueLocal, completedLocal: deadline.completedLocal };
    }
    const minutes = Math.round((Date.parse(deadline.dueAt) - now) / 60_000);
    return minutes >= 0
      ? { kind: 'running', name: deadline.name, dueLocal: deadline.dueLocal, minutes }
      : { kind: 'overdue', name: deadline.name, dueLocal: deadline.dueLocal, minutes: -minutes };
  });
  return { step, position: index + 1, total: steps.length, isLast: index === steps.length - 1, outcomes, notifications, deadlines, visited, flows };
}

/** 0m, 45m, 3h 15m, 2d 4h. */
export function formatMinutes(minutes: number): string {
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  if (days > 0) return `${days}d${hours > 0 ? ` ${hours}h` : ''}`;
  if (hours > 0) return `${hours}h${rest > 0 ? ` ${rest}m` : ''}`;
  return `${rest}m`;
}

const typeLabels: Readonly<Record<string, string>> = {
  startEvent: 'Start',
  endEvent: 'End',
  intermediateThrowEvent: 'Event',
  task: 'Task',
  userTask: 'User task',
  manualTask: 'Manual task',
  sendTask: 'Send task',
  receiveTask: 'Receive task',
  businessRuleTask: 'Business rule task',
  serviceTask: 'Service task',
  exclusiveGateway: 'Decision',
  parallelGateway: 'Parallel gateway',
};

export function typeLabel(type: string): string {
  return typeLabels[type] ?? type;
}
