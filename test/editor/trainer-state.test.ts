/** Trainer mode's bookkeeping (editor/trainer/trainer-state.ts) and the lint debounce, without a browser. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FlowInfo, TrainerRun, TrainerStep } from '../../editor/api/types.ts';
import { LintScheduler } from '../../editor/lint/lint-scheduler.ts';
import { formatMinutes, stateAt, visibleSteps } from '../../editor/trainer/trainer-state.ts';

const at = (minutes: number) => new Date(Date.UTC(2026, 2, 2, 9, 30) + minutes * 60_000).toISOString();

function flow(id: string, target: string): FlowInfo {
  return { id, name: '', target, targetName: target, condition: null, isDefault: false, holds: null };
}

function step(id: string, type: string, minutes: number, extra: Partial<TrainerStep> = {}): TrainerStep {
  return {
    id,
    name: id,
    type,
    lane: 'Test team',
    documentation: '',
    startedAt: at(minutes),
    endedAt: at(minutes),
    startedLocal: '',
    endedLocal: '',
    elapsedMinutes: minutes,
    outcomes: [],
    notifications: [],
    deadline: null,
    merge: false,
    next: [],
    notTaken: [],
    reads: [],
    ...extra,
  };
}

const run: TrainerRun = {
  model: 'synthetic',
  case: { file: 'case.yaml', title: 'A synthetic household', receivedAt: at(0), receivedLocal: '2026-03-02 09:30', given: {} },
  steps: [
    step('start', 'startEvent', 0, { next: [flow('f1', 'decide')] }),
    step('decide', 'exclusiveGateway', 0, { next: [flow('f2', 'join')], notTaken: [flow('f3', 'other')] }),
    step('join', 'exclusiveGateway', 0, { name: '', merge: true, next: [flow('f4', 'record')] }),
    step('record', 'userTask', 120, { outcomes: ['cin-assessment'], notifications: ['health'], next: [flow('f5', 'end')] }),
    step('end', 'endEvent', 120, { outcomes: ['cin-assessment'] }),
  ],
  outcomes: ['cin-assessment'],
  notifications: ['health'],
  deadlines: [
    { element: 'record', name: 'Recorded within 1 hour', within: 'PT1H', dueAt: at(60), dueLocal: '10:30', completedAt: at(120), completedLocal: '11:30', met: false },
    { element: 'end', name: 'Closed within 3 hours', within: 'PT3H', dueAt: at(180), dueLocal: '12:30', completedAt: at(120), completedLocal: '11:30', met: true },
  ],
  flowsTaken: ['f1', 'f2', 'f4', 'f5'],
  finishedLocal: '',
  expect: { outcomes: ['cin-assessment'], notifications: [] },
};

describe('trainer state', () => {
  it('given a run, then nameless merges are not steps a trainee stops at', () => {
    expect(visibleSteps(run).map((s) => s.id)).toEqual(['start', 'decide', 'record', 'end']);
  });

  it('given the first step, then nothing has happened yet and the deadlines are running', () => {
    const state = stateAt(run, 0)!;
    expect(state).toMatchObject({ position: 1, total: 4, isLast: false, outcomes: [], notifications: [], visited: ['start'], flows: [] });
    expect(state.deadlines).toEqual([
      { kind: 'running', name: 'Recorded within 1 hour', dueLocal: '10:30', minutes: 60 },
      { kind: 'running', name: 'Closed within 3 hours', dueLocal: '12:30', minutes: 180 },
    ]);
  });

  it('given a later step, then the merge passed on the way counts as visited, and outcomes, notifications and deadlines are as of that step', () => {
    const state = stateAt(run, 2)!;
    expect(state.step.id).toBe('record');
    expect(state.visited).toEqual(['start', 'decide', 'join', 'record']);
    expect(state.flows).toEqual(['f1', 'f2', 'f4']);
    expect(state.outcomes).toEqual(['cin-assessment']);
    expect(state.notifications).toEqual(['health']);
    expect(state.deadlines.map((d) => d.kind)).toEqual(['missed', 'running']);
  });

  it('given the last step, then it is marked last and every deadline is settled', () => {
    const state = stateAt(run, 3)!;
    expect(state.isLast).toBe(true);
    expect(state.deadlines.map((d) => d.kind)).toEqual(['missed', 'met']);
    expect(stateAt(run, 4)).toBeUndefined();
  });

  it('given a deadline passed before its step is reached, then it shows as overdue', () => {
    const late: TrainerRun = { ...run, deadlines: [{ ...run.deadlines[0]!, element: 'end', dueAt: at(-30) }] };
    expect(stateAt(late, 1)!.deadlines[0]).toMatchObject({ kind: 'overdue', minutes: 30 });
  });

  it('formats minutes as a trainee reads them', () => {
    expect([0, 45, 60, 195, 1440, 1560].map(formatMinutes)).toEqual(['0m', '45m', '1h', '3h 15m', '1d', '1d 2h']);
  });
});

describe('lint scheduler', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('given a burst of changes, then it lints once, after the diagram is still', async () => {
    vi.useFakeTimers();
    const lint = vi.fn(async () => 'result');
    const delivered: string[] = [];
    const scheduler = new LintScheduler(lint, (result) => delivered.push(result), () => {}, 400);
    for (let n = 0; n < 5; n++) {
      scheduler.schedule();
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(lint).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(400);
    expect(lint).toHaveBeenCalledTimes(1);
    expect(delivered).toEqual(['result']);
  });

  it('given a slow answer overtaken by a newer request, then only the newer answer is delivered', async () => {
    const answers: ((value: string) => void)[] = [];
    const delivered: string[] = [];
    const scheduler = new LintScheduler(() => new Promise<string>((resolve) => answers.push(resolve)), (result) => delivered.push(result), () => {});
    const first = scheduler.now();
    const second = scheduler.now();
    answers[1]!('new');
    answers[0]!('old');
    await Promise.all([first, second]);
    expect(delivered).toEqual(['new']);
  });
});
