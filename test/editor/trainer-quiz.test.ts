/** Trainer mode's quiz (editor/trainer/trainer-quiz.ts): questions, verdicts, score and where stepping stops. */
import { describe, expect, it } from 'vitest';
import type { FlowInfo, TrainerRun, TrainerStep } from '../../editor/api/types.ts';
import { awaitsAnswer, flowReason, judge, optionLabel, quizQuestion, quizScore, quizStop } from '../../editor/trainer/trainer-quiz.ts';

const flow = (id: string, name: string, targetName: string, extra: Partial<FlowInfo> = {}): FlowInfo => ({
  id,
  name,
  target: `${id}-target`,
  targetName,
  condition: null,
  isDefault: false,
  holds: null,
  ...extra,
});

function step(id: string, type: string, extra: Partial<TrainerStep> = {}): TrainerStep {
  return {
    id,
    name: id,
    type,
    lane: 'Synthetic team',
    documentation: '',
    startedAt: '2026-03-02T09:30:00.000Z',
    endedAt: '2026-03-02T09:30:00.000Z',
    startedLocal: '2026-03-02 09:30',
    endedLocal: '2026-03-02 09:30',
    elapsedMinutes: 0,
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

const high = flow('toHigh', 'high', 'Record high risk', { condition: '=dashRisk = "high"', holds: true });
const medium = flow('toMedium', 'medium', 'Record medium risk', { condition: '=dashRisk = "medium"', holds: false });
const otherwise = flow('toTriage', 'standard', 'Triage', { isDefault: true });
const yes = flow('toMidwife', 'yes', 'Inform the midwife', { condition: '=pregnant', holds: false });
const no = flow('toEnd', 'no', 'Close', { isDefault: true });

const riskDecision = step('riskLevel', 'exclusiveGateway', { next: [high], notTaken: [medium, otherwise], reads: [{ name: 'dashRisk', value: 'high' }] });
const pregnantDecision = step('pregnant', 'exclusiveGateway', { next: [no], notTaken: [yes], reads: [{ name: 'pregnant', value: false }] });

const run: TrainerRun = {
  model: 'synthetic',
  case: { file: 'case.yaml', title: 'A synthetic household', receivedAt: '2026-03-02T09:30:00.000Z', receivedLocal: '2026-03-02 09:30', given: {} },
  steps: [
    step('start', 'startEvent', { next: [flow('f1', '', 'riskLevel')] }),
    riskDecision,
    step('join', 'exclusiveGateway', { name: '', merge: true, next: [flow('f2', '', 'record')] }),
    step('record', 'userTask', { next: [flow('f3', '', 'pregnant')] }),
    step('split', 'parallelGateway', { next: [flow('p1', '', 'a'), flow('p2', '', 'b')] }),
    pregnantDecision,
    step('end', 'endEvent'),
  ],
  outcomes: [],
  notifications: [],
  deadlines: [],
  flowsTaken: [],
  finishedLocal: '',
  expect: { outcomes: [], notifications: [] },
};
// Visible steps: 0 start, 1 riskLevel, 2 record, 3 split, 4 pregnant, 5 end.

describe('trainer quiz', () => {
  it('given a decision with more than one way on, then every way is offered in an order that does not put the answer first', () => {
    const question = quizQuestion(riskDecision)!;
    expect(question.options.map((option) => option.id)).toEqual(['toHigh', 'toMedium', 'toTriage']);
    expect(quizQuestion(pregnantDecision)!.options.map((option) => option.id)).toEqual(['toEnd', 'toMidwife']);
    expect(question.taken).toEqual([high]);
    expect(optionLabel(otherwise)).toBe('standard → Triage');
  });

  it('given a task, a parallel split or a gateway with one way on, then there is no question', () => {
    expect(quizQuestion(run.steps[3]!)).toBeUndefined();
    expect(quizQuestion(run.steps[4]!)).toBeUndefined();
    expect(quizQuestion(step('only', 'exclusiveGateway', { next: [high] }))).toBeUndefined();
  });

  it('given the branch the procedure took, then it agrees and says which condition held', () => {
    const verdict = judge(riskDecision, 'toHigh')!;
    expect(verdict.agrees).toBe(true);
    expect(verdict.reasons).toEqual(['The procedure goes high → Record high risk: =dashRisk = "high" is true for this case.']);
  });

  it('given another branch, then it disagrees, names the way taken and why the chosen one was not', () => {
    const wrongCondition = judge(riskDecision, 'toMedium')!;
    expect(wrongCondition.agrees).toBe(false);
    expect(wrongCondition.reasons[1]).toBe('Not medium → Record medium risk: =dashRisk = "medium" is false for this case.');
    const wrongDefault = judge(riskDecision, 'toTriage')!;
    expect(wrongDefault.reasons[1]).toBe('Not standard → Triage: it is the default flow, and another condition held.');
    const defaultTaken = judge(pregnantDecision, 'toMidwife')!;
    expect(defaultTaken.reasons[0]).toBe('The procedure goes no → Close: it is the default flow, taken only when no other condition holds.');
    expect(judge(riskDecision, 'no-such-flow')).toBeUndefined();
    expect(flowReason(flow('plain', '', 'x'))).toBe('it has no condition');
  });

  it('given answers, then the score counts the answered decisions and the right ones', () => {
    expect(quizScore(run, new Map())).toEqual({ answered: 0, right: 0 });
    expect(quizScore(run, new Map([[1, 'toHigh']]))).toEqual({ answered: 1, right: 1 });
    expect(quizScore(run, new Map([[1, 'toHigh'], [4, 'toMidwife']]))).toEqual({ answered: 2, right: 1 });
    // An answer recorded against a step that asks nothing does not count.
    expect(quizScore(run, new Map([[2, 'toHigh']]))).toEqual({ answered: 0, right: 0 });
  });

  it('given an unanswered decision ahead, then stepping forward stops on it, and once answered goes on; stepping back is free', () => {
    expect(awaitsAnswer(run, 1, new Map())).toBe(true);
    expect(awaitsAnswer(run, 2, new Map())).toBe(false);
    expect(quizStop(run, 0, 5, new Map())).toBe(1);
    expect(quizStop(run, 1, 2, new Map())).toBe(1);
    expect(quizStop(run, 1, 5, new Map([[1, 'toMedium']]))).toBe(4);
    expect(quizStop(run, 4, 5, new Map([[1, 'toMedium'], [4, 'toEnd']]))).toBe(5);
    expect(quizStop(run, 4, 0, new Map())).toBe(0);
  });
});
