import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { prepare } from '../../../simulations/simulate.ts';
import { ScenarioError } from '../../../engine/problems.ts';

const baseline = readFileSync('models/scenarios/derby-baseline.yaml', 'utf8');
const modelXml = readFileSync('models/derby.bpmn', 'utf8');

async function problemsOf(scenarioText: string): Promise<string[]> {
  try {
    await prepare({ scenarioText, scenarioFile: 'bad.yaml', modelXml, modelFile: 'models/derby.bpmn' });
  } catch (error) {
    if (error instanceof ScenarioError) return error.problems.map((problem) => `${problem.path}: ${problem.message}`);
    throw error;
  }
  return [];
}

describe('bad scenario files', () => {
  it('given a misspelt population value, names the key and the allowed values', async () => {
    const problems = await problemsOf(baseline.replace('medium: 0.28', 'meduim: 0.28'));
    expect(problems).toContainEqual('population.dashRisk.meduim: "meduim" is not a value of dashRisk; use one of: standard, medium, high, none');
  });

  it('given a lane the model does not have, lists its lanes', async () => {
    const problems = await problemsOf(baseline.replace('  cso: { count: 3,', '  csos: { count: 3,'));
    expect(problems.some((problem) => problem.startsWith('staff.csos: the model has no lane "csos"; use one of: police, cso'))).toBe(true);
    expect(problems.some((problem) => problem.startsWith('staff.cso: lane "MASH contact support officer (CSO)" needs staff'))).toBe(true);
  });

  it('given an unknown top-level key and a bad number, reports both', async () => {
    const problems = await problemsOf(`${baseline.replace('days: 364', 'days: -1')}\nreplicatons: 3\n`);
    expect(problems).toContainEqual(': unknown key "replicatons"');
    expect(problems.some((problem) => problem.startsWith('days: '))).toBe(true);
  });

  it('given a task without a duration and no default, says how to give one', async () => {
    const problems = await problemsOf(baseline.replace(/^defaultDuration:.*$/m, ''));
    expect(problems.some((problem) => /^durations\.alertLocalityTeam: task ".+" has no duration; add durations\.alertLocalityTeam/.test(problem))).toBe(true);
  });

  it('given a staffing figure whose basis was deleted, when prepared, then it is refused naming the key and saying how to give one', async () => {
    const problems = await problemsOf(baseline.replace(/^( {2}cso: \{ count: 3), assumed: "[^"]*" \}$/m, '$1 }'));
    expect(problems).toEqual(['staff.cso: the staffing figure has no basis: add source: "<the public figure or seed passage, cited>" or assumed: "<why this figure, in one line>"']);
  });

  it('given unreadable working hours, names the lane', async () => {
    const problems = await problemsOf(baseline.replace('cso: { count: 3,', 'cso: { count: 3, hours: "Mon-Fri 9-5",'));
    expect(problems.some((problem) => problem.startsWith('staff.cso.hours: '))).toBe(true);
  });

  it('given a population missing a variable the model routes on, names it', async () => {
    const problems = await problemsOf(baseline.replace(/^  socialCareStatus:.*$/m, ''));
    expect(problems.some((problem) => problem.startsWith("population.socialCareStatus: the model's conditions read socialCareStatus"))).toBe(true);
  });
});
