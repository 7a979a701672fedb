/** What is wrong with a case or a run in trainer mode, as sentences the panel can list. */

export interface TrainerProblem {
  /** Where: a case file key (case.dashRisk) or an element id; '' for the whole. */
  path: string;
  message: string;
}

export class TrainerProblems extends Error {
  override readonly name = 'TrainerProblems';
  readonly problems: readonly TrainerProblem[];

  constructor(problems: readonly TrainerProblem[]) {
    super(problems.map((problem) => (problem.path ? `${problem.path}: ${problem.message}` : problem.message)).join(' · '));
    this.problems = problems;
  }
}
