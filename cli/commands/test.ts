import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { checkExpectations, type Mismatch } from '../../engine/check.ts';
import { CoverageRecorder, percent, type Coverage } from '../../engine/coverage.ts';
import { formatProblem, InputError } from '../../engine/problems.ts';
import type { CaseFile } from '../../engine/case-file.ts';
import type { Model } from '../../engine/model.ts';
import { runCaseFile, type RunResult } from '../../engine/run.ts';
import { casesFolderFor, display, findFiles, loadCaseFile, loadModel, modelPathFor, writeFileAtomic } from '../files.ts';

export interface CaseOutcome {
  file: string;
  title: string;
  mismatches: Mismatch[];
  /** The case or its model could not be run at all. */
  inputProblems: string[];
  milliseconds: number;
}

interface ModelReport {
  modelName: string;
  cases: CaseOutcome[];
  coverage: ReturnType<CoverageRecorder['coverage']> | undefined;
}

function collectCaseFiles(paths: readonly string[]): string[] {
  const targets = (paths.length > 0 ? paths : ['models']).map((path) => {
    if (path.endsWith('.bpmn')) {
      const folder = casesFolderFor(path);
      return existsSync(folder) ? folder : path;
    }
    return path;
  });
  // Simulation scenarios live beside the models (models/scenarios/) but are not case files.
  return findFiles(targets, ['.yaml', '.yml']).filter((file) => !/[\\/]scenarios[\\/]/.test(file) || paths.some((path) => path.endsWith('.yaml') || path.endsWith('.yml')));
}

function problemLines(error: unknown): string[] {
  if (error instanceof InputError) return error.problems.map(formatProblem);
  throw error;
}

/** One case of a suite as run: its outcome, and the run itself when the case could run at all. */
export interface SuiteCaseRun extends CaseOutcome {
  result: RunResult | undefined;
}

/**
 * Runs a model's cases with the reference executor, checks each against its expectations and
 * records which elements they exercised: `mashflow test` and the editor's coverage view share it.
 * Each case's messages name it by `caseFile.file`; `onCase` hears of each case as it finishes
 * (a server awaits it to yield: a run is one long chain of microtasks that would starve its I/O).
 */
export async function runCaseSuite(
  model: Model,
  caseFiles: readonly CaseFile[],
  onCase?: (done: number, caseFile: CaseFile) => void | Promise<void>,
): Promise<{ cases: SuiteCaseRun[]; coverage: Coverage }> {
  const recorder = new CoverageRecorder(model);
  const cases: SuiteCaseRun[] = [];
  for (const caseFile of caseFiles) {
    const started = performance.now();
    const outcome: SuiteCaseRun = { file: caseFile.file, title: caseFile.title, mismatches: [], inputProblems: [], milliseconds: 0, result: undefined };
    try {
      const unknownDurations = Object.keys(caseFile.durations).filter((id) => !model.nodes.has(id));
      if (unknownDurations.length > 0) {
        throw new InputError(unknownDurations.map((id) => ({ code: 'case-invalid' as const, file: caseFile.file, path: `durations.${id}`, message: `${model.file} has no element "${id}"; use an element id from the model` })));
      }
      const result = await runCaseFile(model, caseFile);
      recorder.record(result);
      outcome.result = result;
      outcome.mismatches = checkExpectations(caseFile.expect, result);
    } catch (error) {
      outcome.inputProblems = problemLines(error);
    }
    outcome.milliseconds = performance.now() - started;
    cases.push(outcome);
    await onCase?.(cases.length, caseFile);
  }
  return { cases, coverage: recorder.coverage() };
}

export async function testCommand(paths: readonly string[], junitPath: string | undefined): Promise<number> {
  const caseFiles = collectCaseFiles(paths);
  if (caseFiles.length === 0) {
    console.log(`no case files (.yaml) found under ${paths.join(', ') || 'models'}`);
    return 2;
  }

  const byModel = new Map<string, { caseFile: CaseFile; path: string }[]>();
  const unassigned: CaseOutcome[] = [];
  for (const path of caseFiles) {
    try {
      const caseFile = loadCaseFile(path);
      const modelPath = modelPathFor(path, caseFile);
      byModel.set(modelPath, [...(byModel.get(modelPath) ?? []), { caseFile, path }]);
    } catch (error) {
      unassigned.push({ file: display(path), title: '(unreadable case file)', mismatches: [], inputProblems: problemLines(error), milliseconds: 0 });
    }
  }

  const reports: ModelReport[] = [];
  for (const [modelPath, entries] of [...byModel].sort(([a], [b]) => a.localeCompare(b))) {
    const report: ModelReport = { modelName: display(modelPath), cases: [], coverage: undefined };
    reports.push(report);
    let model;
    try {
      if (!existsSync(modelPath)) throw new InputError([{ code: 'case-invalid', file: display(entries[0]!.path), path: 'model', message: `model ${display(modelPath)} does not exist` }]);
      model = await loadModel(modelPath);
    } catch (error) {
      const problems = problemLines(error);
      for (const entry of entries) {
        report.cases.push({ file: display(entry.path), title: entry.caseFile.title, mismatches: [], inputProblems: problems, milliseconds: 0 });
      }
      continue;
    }
    report.modelName = `${display(modelPath)}: ${model.processName}`;
    const suite = await runCaseSuite(model, entries.map((entry) => entry.caseFile));
    report.cases.push(...suite.cases);
    report.coverage = suite.coverage;
  }
  if (unassigned.length > 0) reports.push({ modelName: '(case files that could not be read)', cases: unassigned, coverage: undefined });

  let passed = 0;
  let failed = 0;
  let inputErrors = 0;
  for (const report of reports) {
    console.log(`\n${report.modelName}`);
    for (const outcome of report.cases) {
      const ok = outcome.mismatches.length === 0 && outcome.inputProblems.length === 0;
      if (ok) passed++;
      else failed++;
      if (outcome.inputProblems.length > 0) inputErrors++;
      console.log(`  ${ok ? 'PASS' : 'FAIL'}  ${outcome.title}  (${outcome.file})`);
      for (const problem of outcome.inputProblems) console.log(`        ${problem}`);
      for (const mismatch of outcome.mismatches) {
        console.log(`        ${mismatch.key}: expected ${mismatch.expected}`);
        console.log(`        ${' '.repeat(mismatch.key.length)}  but got  ${mismatch.actual}`);
      }
    }
    if (report.coverage) {
      const { nodes, flows } = report.coverage;
      console.log(`  coverage: flow nodes ${nodes.covered}/${nodes.total} (${percent(nodes.covered, nodes.total)}), sequence flows ${flows.covered}/${flows.total} (${percent(flows.covered, flows.total)})`);
      if (nodes.missing.length > 0) console.log(`  flow nodes no case visits: ${nodes.missing.join(', ')}`);
      if (flows.missing.length > 0) console.log(`  sequence flows no case takes: ${flows.missing.join(', ')}`);
    }
  }
  console.log(`\n${passed} passed, ${failed} failed`);

  if (junitPath) writeFileAtomic(resolve(junitPath), junitXml(reports));
  if (inputErrors > 0) return 2;
  return failed > 0 ? 1 : 0;
}

function xmlEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function junitXml(reports: readonly ModelReport[]): string {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<testsuites name="mashflow">'];
  for (const report of reports) {
    const failures = report.cases.filter((c) => c.mismatches.length > 0 || c.inputProblems.length > 0).length;
    lines.push(`  <testsuite name="${xmlEscape(report.modelName)}" tests="${report.cases.length}" failures="${failures}">`);
    for (const outcome of report.cases) {
      const attrs = `name="${xmlEscape(outcome.title)}" classname="${xmlEscape(outcome.file)}" time="${(outcome.milliseconds / 1000).toFixed(3)}"`;
      const messages = [...outcome.inputProblems, ...outcome.mismatches.map((m) => `${m.key}: expected ${m.expected}, got ${m.actual}`)];
      if (messages.length === 0) lines.push(`    <testcase ${attrs} />`);
      else {
        lines.push(`    <testcase ${attrs}>`);
        lines.push(`      <failure message="${xmlEscape(messages[0]!)}">${xmlEscape(messages.join('\n'))}</failure>`);
        lines.push('    </testcase>');
      }
    }
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>');
  return `${lines.join('\n')}\n`;
}
