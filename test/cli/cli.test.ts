import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const fixtures = 'test/cli/fixtures';

function mashflow(...args: string[]) {
  const result = spawnSync(process.execPath, ['bin/mashflow.js', ...args], { cwd: root, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const noStackTrace = (text: string) => expect(text).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);

describe('mashflow CLI', () => {
  it('given no command, when run, then it prints usage and exits 2', () => {
    const { code, stdout } = mashflow();
    expect(code).toBe(2);
    expect(stdout).toContain('usage:');
  });

  it('given an unknown command, when run, then one line names it and exits 2', () => {
    const { code, stderr } = mashflow('simulat');
    expect(code).toBe(2);
    expect(stderr.trim()).toBe('error: unknown command "simulat"; use run, test, lint, simulate, compare, whatif or explain (mashflow help)');
  });

  it('given a model and a case, when run --json, then it prints outcomes, notifications, path and deadlines', () => {
    const { code, stdout } = mashflow('run', 'models/derby.bpmn', `${fixtures}/cases/passing-high-risk.yaml`, '--json');
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(Object.keys(json)).toEqual(['outcomes', 'notifications', 'path', 'deadlines']);
    expect(json.outcomes).toEqual(['marac', 'strategy-discussion', 's47']);
    expect(json.path[0]).toMatchObject({ id: 'notificationReceived', type: 'startEvent', lane: 'Police' });
    expect(Object.keys(json.path[0])).toEqual(expect.arrayContaining(['id', 'name', 'type', 'lane']));
    expect(json.deadlines.map((d: { element: string }) => d.element)).toContain('recordContactsHighRisk');
  });

  it('given a missing case file, when run, then it says so in one line and exits 2', () => {
    const { code, stderr } = mashflow('run', 'models/derby.bpmn', 'no/such/case.yaml');
    expect(code).toBe(2);
    expect(stderr.trim()).toBe('error: no/such/case.yaml: no such case file (.yaml); check the path');
  });

  it('given a case with an unknown key, when run, then the error names file, key and the allowed keys, without a stack trace', () => {
    const { code, stderr } = mashflow('run', 'models/derby.bpmn', `${fixtures}/bad/unknown-key.yaml`);
    expect(code).toBe(2);
    expect(stderr).toContain(`${fixtures}/bad/unknown-key.yaml: case: unknown key "socialCareStatuss"; allowed here: source, dashRisk, socialCareStatus`);
    noStackTrace(stderr);
  });

  it('given a case with a value outside the vocabulary, when run, then the error lists the allowed values', () => {
    const { code, stderr } = mashflow('run', 'models/derby.bpmn', `${fixtures}/bad/bad-value.yaml`);
    expect(code).toBe(2);
    expect(stderr).toContain('case.dashRisk: "severe" is not allowed; use one of: "standard", "medium", "high", "none"');
  });

  it('given a case without a judgement the model needs, when run, then the error names the variable and the flow', () => {
    const { code, stderr } = mashflow('run', 'models/derby.bpmn', `${fixtures}/bad/missing-judgement.yaml`);
    expect(code).toBe(2);
    expect(stderr).toMatch(/case\.thresholdLevel: the case does not give thresholdLevel, which the condition .* on flow flow_triageThresholdMet_to_shareTriagedDash needs/);
    noStackTrace(stderr);
  });

  it('given a malformed model, when run, then one line names the file and exits 2', () => {
    const { code, stderr } = mashflow('run', `${fixtures}/bad/malformed.bpmn`, `${fixtures}/cases/passing-high-risk.yaml`);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^error: test\/cli\/fixtures\/bad\/malformed\.bpmn: line \d+: not a readable BPMN 2\.0 file/);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });

  it('given a passing and a failing case, when tested, then each is reported with a diff, the totals line, and exit 1', () => {
    const junitDir = mkdtempSync(join(tmpdir(), 'mashflow-junit-'));
    try {
      const junit = join(junitDir, 'report.xml');
      const { code, stdout } = mashflow('test', `${fixtures}/cases`, '--junit', junit);
      expect(code).toBe(1);
      expect(stdout).toContain('PASS  High risk, not known: strategy discussion agrees an S47');
      expect(stdout).toContain('FAIL  High risk, not known: wrongly expects early help');
      expect(stdout).toContain('outcomes: expected includes early-help');
      expect(stdout).toContain('but got  marac, strategy-discussion, s47');
      expect(stdout).toMatch(/coverage: flow nodes \d+\/\d+ \(\d+(\.\d)?%\), sequence flows \d+\/\d+/);
      expect(stdout.trim().split('\n').at(-1)).toBe('1 passed, 1 failed');
      const xml = readFileSync(junit, 'utf8');
      expect(xml).toContain('tests="2" failures="1"');
      expect(existsSync(`${junit}.${process.pid}.tmp`)).toBe(false);
    } finally {
      rmSync(junitDir, { recursive: true, force: true });
    }
  });

  it('given unreadable case files, when tested, then each problem is listed and the exit code is 2', () => {
    const { code, stdout } = mashflow('test', `${fixtures}/bad`);
    expect(code).toBe(2);
    expect(stdout).toContain('unknown key "socialCareStatuss"');
    expect(stdout.trim().split('\n').at(-1)).toBe('0 passed, 3 failed');
  });

  it('given a malformed model, when linted, then it fails with the parse problem', () => {
    const { code, stdout } = mashflow('lint', `${fixtures}/bad/malformed.bpmn`);
    expect(code).toBe(1);
    expect(stdout).toContain('test/cli/fixtures/bad/malformed.bpmn');
  });

  it('given the bundled models, when linted, then there are no errors or warnings', () => {
    const { code, stdout } = mashflow('lint');
    expect(stdout).toMatch(/models? linted: 0 errors, 0 warnings/);
    expect(code).toBe(0);
  });
});

describe('mashflow run --all-models', () => {
  it('given a household with every judgement, when run through all models, then each bundled model reports its outcomes', () => {
    const { code, stdout } = mashflow('run', '--all-models', 'examples/households/medium-risk-toddler-not-known.yaml', '--json');
    expect(code).toBe(0);
    const rows = JSON.parse(stdout) as { model: string; outcomes: string[] }[];
    expect(rows.map((row) => row.model)).toEqual(expect.arrayContaining([expect.stringMatching(/^Derby/), expect.stringMatching(/^Rotherham 2014/), expect.stringMatching(/^Rotherham 2015/)]));
    for (const row of rows) expect(row.outcomes.length).toBeGreaterThan(0);
  });

  it('given a household without a judgement some models need, when run through all models, then those rows say why and the exit code is 2', () => {
    const { code, stdout } = mashflow('run', '--all-models', `${fixtures}/cases/passing-high-risk.yaml`);
    expect(code).toBe(2);
    expect(stdout).toContain('cannot run: the case does not give thresholdLevel');
    expect(stdout).toContain('outcomes:      marac, strategy-discussion, s47');
  });
});
