/**
 * Why one incident took as long as it did: each wait on its timeline named (a queue for staff,
 * hours when the team is closed, the next meeting sitting, items ahead of it at the sitting) and,
 * for a missed deadline, which waits made it late. Pure: text out, the CLI prints it.
 */
import { formatLocal } from '../engine/time.ts';
import type { ExplainedIncident, TimelineStep } from './domain/replication.ts';

const hour = 3_600_000;

export function duration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return `${minutes} min`;
  if (minutes < 48 * 60) return `${(minutes / 60).toFixed(1)} h`;
  return `${(minutes / 1440).toFixed(1)} days`;
}

export interface Wait {
  step: TimelineStep;
  reason: string;
  ms: number;
}

/** The waits of one step, in the order they happened. */
export function waitsOf(step: TimelineStep): Wait[] {
  const waits: Wait[] = [];
  const lane = step.lane ?? 'the team';
  if (step.sittingAt !== undefined) {
    if (step.sittingAt > step.arrivedAt) waits.push({ step, reason: `waiting for the next sitting of "${step.meeting}" (${formatLocal(step.sittingAt)})`, ms: step.sittingAt - step.arrivedAt });
    if (step.startedAt > step.sittingAt) waits.push({ step, reason: `items ahead of it at that sitting`, ms: step.startedAt - step.sittingAt });
  } else if (step.grantedAt !== undefined) {
    if (step.grantedAt > step.arrivedAt) waits.push({ step, reason: `queue for a free person in ${lane}`, ms: step.grantedAt - step.arrivedAt });
    if (step.startedAt > step.grantedAt) waits.push({ step, reason: `${lane} closed (outside working hours)`, ms: step.startedAt - step.grantedAt });
  }
  const working = step.minutes !== undefined ? step.minutes * 60_000 : 0;
  const paused = step.endedAt - step.startedAt - working;
  if (step.grantedAt !== undefined && paused > 60_000) waits.push({ step, reason: `work paused while ${lane} was closed`, ms: paused });
  return waits;
}

export function explainIncident(incident: ExplainedIncident): string {
  const lines: string[] = [];
  const context = Object.entries(incident.context)
    .filter(([name, value]) => !['childUnderFive', 'childCount'].includes(name) && value !== false && !(Array.isArray(value) && value.length === 0))
    .map(([name, value]) => `${name}: ${Array.isArray(value) ? `ages ${(value as { age: number }[]).map((child) => child.age).join(', ')}` : String(value)}`);
  lines.push(`incident ${incident.number}, received ${formatLocal(incident.arrivedAt)} (Europe/London)`);
  lines.push(`  household: ${context.join('; ')}`);
  const waitsSoFar: Wait[] = [];
  for (const step of incident.timeline) {
    if (step.kind === 'exclusive' || step.kind === 'parallel') {
      if (step.flow && step.name) lines.push(`  ${formatLocal(step.endedAt)}  ${step.name} → ${step.flow}`);
      continue;
    }
    if (step.kind !== 'task') {
      if (step.name) lines.push(`  ${formatLocal(step.endedAt)}  ${step.name}`);
      continue;
    }
    const waits = waitsOf(step);
    waitsSoFar.push(...waits);
    const work = step.minutes !== undefined ? `${duration(step.minutes * 60_000)} of work` : '';
    lines.push(`  ${formatLocal(step.endedAt)}  ${step.name}  [${step.lane ?? 'no lane'}]  ${work}`);
    for (const wait of waits) lines.push(`      waited ${duration(wait.ms)}: ${wait.reason}`);
    if (step.deadline) {
      const { name, dueAt, met } = step.deadline;
      if (met) lines.push(`      deadline met: "${name}" due ${formatLocal(dueAt)}`);
      else {
        const biggest = [...waitsSoFar].sort((a, b) => b.ms - a.ms)[0];
        lines.push(`      DEADLINE MISSED by ${duration(step.endedAt - dueAt)}: "${name}" was due ${formatLocal(dueAt)}`);
        if (biggest) lines.push(`      the longest wait before it: ${duration(biggest.ms)} at "${biggest.step.name}", ${biggest.reason}`);
      }
    }
  }
  const last = incident.timeline.at(-1);
  if (!incident.finished) lines.push(`  still open when the simulation ended${last ? ` (at "${last.name}")` : ''}`);
  else if (last) lines.push(`  decided after ${duration(last.endedAt - incident.arrivedAt)} (${((last.endedAt - incident.arrivedAt) / hour).toFixed(1)} hours)`);
  return `${lines.join('\n')}\n`;
}

/** The first incident with a missed deadline, or undefined. */
export function firstBreach(incidents: readonly ExplainedIncident[]): ExplainedIncident | undefined {
  return incidents.find((incident) => incident.timeline.some((step) => step.deadline && !step.deadline.met));
}
