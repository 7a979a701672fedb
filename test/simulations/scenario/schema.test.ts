import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../simulations/scenario/schema.ts';
import { ScenarioError } from '../../../engine/problems.ts';

const base = `
title: one desk
model: one-task.bpmn
start: 2026-01-05
days: 30
arrivals: { perYear: 1000, source: "test" }
`;

function problemsOf(text: string): string[] {
  try {
    parseScenario(text, 'bad.yaml');
  } catch (error) {
    if (error instanceof ScenarioError) return error.problems.map((problem) => `${problem.path}: ${problem.message}`);
    throw error;
  }
  return [];
}

describe('scenario schema: every figure carries its basis', () => {
  it('given a staffing figure with neither source: nor assumed:, then it is refused naming the key, in one line', () => {
    const problems = problemsOf(`${base}staff: { desk: { count: 2, hours: 24/7 } }\n`);
    expect(problems).toEqual(['staff.desk: the staffing figure has no basis: add source: "<the public figure or seed passage, cited>" or assumed: "<why this figure, in one line>"']);
  });

  it('given a duration, a default duration and a meeting capacity without basis, then each is named', () => {
    const problems = problemsOf(`${base}durations: { serve: { triangular: [5, 10, 20] } }\ndefaultDuration: { fixed: 5 }\nmeetings: { serve: { capacity: 10 } }\n`);
    expect(problems.map((problem) => problem.split(':')[0])).toEqual(['durations.serve', 'defaultDuration', 'meetings.serve']);
  });

  it('given a figure with both source: and assumed:, then it is refused: a figure rests on one or the other', () => {
    expect(problemsOf(`${base}staff: { desk: { count: 2, source: "docs/sources.md#x", assumed: "guess" } }\n`)).toEqual([
      'staff.desk: the staffing figure gives both source: and assumed:; keep the one it rests on',
    ]);
  });

  it('given a meeting switched to deciding on arrival, then no basis is needed: it changes the procedure, not a figure', () => {
    expect(problemsOf(`${base}meetings: { serve: { onArrival: true } }\n`)).toEqual([]);
  });

  it('given every figure with its basis, then the scenario parses and keeps the bases', () => {
    const scenario = parseScenario(
      `${base}staff: { desk: { count: 2, hours: 24/7, assumed: "no public team size" } }\ndurations: { serve: { triangular: [5, 10, 20], source: "docs/sources.md#x" } }\n`,
      'good.yaml',
    );
    expect(scenario.staff.desk).toEqual({ count: 2, hours: '24/7', assumed: 'no public team size' });
    expect(scenario.durations.serve).toEqual({ triangular: [5, 10, 20], source: 'docs/sources.md#x' });
  });

  it('given a bundled scenario, then it parses: every bundled figure states its basis', () => {
    const scenario = parseScenario(readFileSync('models/scenarios/derby-baseline.yaml', 'utf8'), 'models/scenarios/derby-baseline.yaml');
    expect(scenario.staff.cso?.assumed).toMatch(/\S/);
  });
});
