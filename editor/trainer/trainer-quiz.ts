/**
 * Trainer mode's quiz: at a decision with more than one way on, the trainee picks the branch before
 * it is revealed; the procedure (the run) says whether it agrees, and why. Pure, so it is tested
 * without a browser.
 */
import type { FlowInfo, TrainerRun, TrainerStep } from '../api/types.ts';
import { visibleSteps } from './trainer-state.ts';

/** Gateways where the case's variables choose the way on. */
const decidingGateways = new Set(['exclusiveGateway', 'inclusiveGateway']);

export interface QuizQuestion {
  /** Every way on, in an order that does not give the answer away (by label). */
  options: FlowInfo[];
  /** The way (or, at an inclusive gateway, the ways) the procedure took. */
  taken: FlowInfo[];
}

/** The label a trainee chooses by: the flow's name, and where it leads. */
export function optionLabel(flow: FlowInfo): string {
  return flow.name ? `${flow.name} → ${flow.targetName}` : `→ ${flow.targetName}`;
}

export function quizQuestion(step: TrainerStep): QuizQuestion | undefined {
  if (!decidingGateways.has(step.type) || step.next.length === 0 || step.notTaken.length === 0) return undefined;
  const options = [...step.next, ...step.notTaken].sort((a, b) => optionLabel(a).localeCompare(optionLabel(b)) || a.id.localeCompare(b.id));
  return { options, taken: step.next };
}

/** Why a flow was or was not taken for this case, in a sentence. */
export function flowReason(flow: FlowInfo): string {
  if (flow.condition) return `${flow.condition} is ${flow.holds ? 'true' : 'false'} for this case`;
  if (flow.isDefault) return 'it is the default flow, taken only when no other condition holds';
  return 'it has no condition';
}

export interface Verdict {
  agrees: boolean;
  chosen: FlowInfo;
  taken: FlowInfo[];
  /** Sentences: why the procedure went its way, and (when they differ) why not the trainee's. */
  reasons: string[];
}

export function judge(step: TrainerStep, chosenId: string): Verdict | undefined {
  const question = quizQuestion(step);
  const chosen = question?.options.find((flow) => flow.id === chosenId);
  if (!question || !chosen) return undefined;
  const agrees = question.taken.some((flow) => flow.id === chosenId);
  const reasons = question.taken.map((flow) => `The procedure goes ${optionLabel(flow)}: ${flowReason(flow)}.`);
  if (!agrees) {
    const why = chosen.isDefault && !chosen.condition ? 'it is the default flow, and another condition held' : flowReason(chosen);
    reasons.push(`Not ${optionLabel(chosen)}: ${why}.`);
  }
  return { agrees, chosen, taken: question.taken, reasons };
}

/** The trainee's choice at each decision answered, by visible step index. */
export type QuizAnswers = ReadonlyMap<number, string>;

export interface QuizScore {
  answered: number;
  right: number;
}

export function quizScore(run: TrainerRun, answers: QuizAnswers): QuizScore {
  const steps = visibleSteps(run);
  let answered = 0;
  let right = 0;
  for (const [index, chosen] of answers) {
    const step = steps[index];
    const verdict = step ? judge(step, chosen) : undefined;
    if (!verdict) continue;
    answered += 1;
    if (verdict.agrees) right += 1;
  }
  return { answered, right };
}

/** True when the quiz asks at this step and the trainee has not answered yet. */
export function awaitsAnswer(run: TrainerRun, index: number, answers: QuizAnswers): boolean {
  const step = visibleSteps(run)[index];
  return step !== undefined && quizQuestion(step) !== undefined && !answers.has(index);
}

/**
 * Where a move from `from` to `to` stops in a quiz: moving forward, never past a decision still
 * waiting for an answer (the trainee stops on it); moving back is free.
 */
export function quizStop(run: TrainerRun, from: number, to: number, answers: QuizAnswers): number {
  if (to <= from) return to;
  for (let index = from; index < to; index++) {
    if (awaitsAnswer(run, index, answers)) return index;
  }
  return to;
}
