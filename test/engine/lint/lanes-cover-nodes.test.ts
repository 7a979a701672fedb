import { describe, expect, it } from 'vitest';
import { issuesOf, lintFixture } from './lint-fixture.ts';

const rule = 'lanes-cover-nodes';

describe('lint rule lanes-cover-nodes: once a process has lanes, each node is in exactly one', () => {
  it('given every node in one innermost lane, also listed in its parent lane, when linted, then there is no issue at all', async () => {
    expect(await lintFixture(rule, 'valid')).toEqual([]);
  });

  it('given a node in no lane, when linted, then the rule asks to put it in a lane', async () => {
    const issues = issuesOf(await lintFixture(rule, 'invalid'), rule);
    expect(issues).toContainEqual({
      file: 'fixtures/lanes-cover-nodes/invalid.bpmn',
      id: 'orphanTask',
      rule,
      category: 'error',
      message: 'put "Decide on the request" (orphanTask) in a lane so a run can say who does it',
    });
  });

  it('given a node in two sibling lanes, when linted, then the rule names both lanes', async () => {
    const issues = issuesOf(await lintFixture(rule, 'invalid'), rule);
    const issue = issues.find((candidate) => candidate.id === 'sharedTask');
    expect(issue?.message).toBe(
      '"Review the request" (sharedTask) is in lanes "Intake team" (intakeLane) and "Decision team" (decisionLane); put it in exactly one lane so a run can say who does it',
    );
  });

  it('given the invalid fixture, when linted, then nodes in exactly one lane are not reported', async () => {
    const issues = issuesOf(await lintFixture(rule, 'invalid'), rule);
    expect(issues.map((issue) => issue.id)).toEqual(['orphanTask', 'sharedTask']);
  });

  it('given a process without lanes, when linted, then the rule says nothing', async () => {
    expect(issuesOf(await lintFixture('task-cites-seed', 'invalid'), rule)).toEqual([]);
  });
});
