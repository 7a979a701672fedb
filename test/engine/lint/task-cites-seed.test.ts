import { describe, expect, it } from 'vitest';
import { issuesOf, lintFixture } from './lint-fixture.ts';

const rule = 'task-cites-seed';

describe('lint rule task-cites-seed: every task cites the seed passage it encodes', () => {
  it('given tasks whose documentation cites a seed file, on any line, when linted, then there is no issue at all', async () => {
    expect(await lintFixture(rule, 'valid')).toEqual([]);
  });

  it('given a task with no documentation, when linted, then the rule reports the task and says what documentation to add', async () => {
    const issues = issuesOf(await lintFixture(rule, 'invalid'), rule);
    expect(issues).toContainEqual({
      file: 'fixtures/task-cites-seed/invalid.bpmn',
      id: 'checkDetails',
      rule,
      category: 'error',
      message: expect.stringContaining('"Check the details" (checkDetails): it has no documentation; add documentation citing the seed passage it encodes, e.g. "Seed 000_49d76658befd0305.txt'),
    });
  });

  it('given a task whose documentation names a seed file in the wrong form, when linted, then the rule reports the task', async () => {
    const issues = issuesOf(await lintFixture(rule, 'invalid'), rule);
    const issue = issues.find((candidate) => candidate.id === 'sendReply');
    expect(issue?.message).toContain('its documentation cites no seed file; add documentation citing the seed passage');
  });

  it('given a cited task and undocumented start and end events, when linted, then the rule reports neither', async () => {
    const issues = issuesOf(await lintFixture(rule, 'invalid'), rule);
    expect(issues.map((issue) => issue.id)).toEqual(['checkDetails', 'sendReply']);
  });
});
