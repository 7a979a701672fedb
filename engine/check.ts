/**
 * Compares a run with what its case file expects. Lists are "must include" (outcomes,
 * notifications) or "must not include" (notOutcomes, notNotifications); `visits` is an ordered
 * subsequence of element ids or names.
 */
import type { CaseExpectations } from './case-file.ts';
import type { RunResult } from './run.ts';

export interface Mismatch {
  key: string;
  expected: string;
  actual: string;
}

function list(values: readonly string[]): string {
  return values.length === 0 ? '(none)' : values.join(', ');
}

export function checkExpectations(expect: CaseExpectations, result: RunResult): Mismatch[] {
  const mismatches: Mismatch[] = [];
  const includes = (key: string, wanted: readonly string[] | undefined, actual: readonly string[]) => {
    const missing = (wanted ?? []).filter((word) => !actual.includes(word));
    if (missing.length > 0) mismatches.push({ key, expected: `includes ${list(missing)}`, actual: list(actual) });
  };
  const excludes = (key: string, unwanted: readonly string[] | undefined, actual: readonly string[]) => {
    const present = (unwanted ?? []).filter((word) => actual.includes(word));
    if (present.length > 0) mismatches.push({ key, expected: `excludes ${list(present)}`, actual: list(actual) });
  };

  includes('outcomes', expect.outcomes, result.outcomes);
  excludes('notOutcomes', expect.notOutcomes, result.outcomes);
  includes('notifications', expect.notifications, result.notifications);
  excludes('notNotifications', expect.notNotifications, result.notifications);

  const visited = (ref: string) => (step: { id: string; name: string }) => step.id === ref || step.name === ref;
  if (expect.visits) {
    let from = 0;
    for (const ref of expect.visits) {
      const index = result.path.slice(from).findIndex(visited(ref));
      if (index === -1) {
        const seenEarlier = result.path.slice(0, from).some(visited(ref));
        mismatches.push({
          key: 'visits',
          expected: `${ref} ${seenEarlier ? 'after the steps before it' : 'visited'}`,
          actual: seenEarlier ? `${ref} came earlier` : `not visited; path: ${list(result.path.map((step) => step.id))}`,
        });
        break;
      }
      from += index + 1;
    }
  }
  for (const ref of expect.notVisits ?? []) {
    if (result.path.some(visited(ref))) mismatches.push({ key: 'notVisits', expected: `${ref} not visited`, actual: `${ref} visited` });
  }
  for (const [ref, wanted] of Object.entries(expect.deadlines ?? {})) {
    const deadline = result.deadlines.find((candidate) => candidate.element === ref || candidate.name === ref);
    if (!deadline) {
      mismatches.push({ key: `deadlines.${ref}`, expected: wanted, actual: 'the run passed no such deadline' });
    } else if ((deadline.met ? 'met' : 'missed') !== wanted) {
      mismatches.push({ key: `deadlines.${ref}`, expected: wanted, actual: deadline.met ? 'met' : 'missed' });
    }
  }
  return mismatches;
}
