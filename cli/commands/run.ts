import { runCaseFile, type RunResult } from '../../engine/run.ts';
import { formatLocal } from '../../engine/time.ts';
import { InputError, type Problem } from '../../engine/problems.ts';
import type { CaseFile } from '../../engine/case-file.ts';
import type { Model } from '../../engine/model.ts';
import { findFiles, loadCaseFile, loadModel } from '../files.ts';

export function runResultJson(result: RunResult) {
  return {
    outcomes: result.outcomes,
    notifications: result.notifications,
    path: result.path.map(({ id, name, type, lane, startedAt, endedAt }) => ({
      id,
      name,
      type,
      lane,
      startedAt: new Date(startedAt).toISOString(),
      endedAt: new Date(endedAt).toISOString(),
    })),
    deadlines: result.deadlines.map(({ element, name, within, startsAt, dueAt, completedAt, met }) => ({
      element,
      name,
      within,
      clockStartedAt: new Date(startsAt).toISOString(),
      dueAt: new Date(dueAt).toISOString(),
      completedAt: new Date(completedAt).toISOString(),
      met,
    })),
  };
}

export function formatRun(title: string, modelName: string, result: RunResult): string {
  const lines = [`${title}`, `  model: ${modelName}`, `  received: ${formatLocal(result.receivedAt)} (Europe/London)`, '  path:'];
  for (const step of result.path) {
    if (step.type.endsWith('Gateway') && !step.name) continue; // unnamed merges say nothing to a reader
    lines.push(`    ${formatLocal(step.endedAt)}  ${step.name || step.id}  [${step.lane ?? 'no lane'}]`);
  }
  lines.push(`  outcomes: ${result.outcomes.join(', ') || '(none)'}`);
  lines.push(`  notifications: ${result.notifications.join(', ') || '(none)'}`);
  if (result.deadlines.length > 0) {
    lines.push('  deadlines:');
    for (const deadline of result.deadlines) {
      const clock = deadline.startsAt === result.receivedAt ? '' : `clock from ${formatLocal(deadline.startsAt)}, `;
      lines.push(`    ${deadline.met ? 'met   ' : 'MISSED'}  ${deadline.name}: ${clock}due ${formatLocal(deadline.dueAt)}, done ${formatLocal(deadline.completedAt)}`);
    }
  }
  return lines.join('\n');
}

export async function runCommand(modelPath: string, casePath: string, json: boolean): Promise<number> {
  const model = await loadModel(modelPath);
  const caseFile = loadCaseFile(casePath);
  const result = await runCaseFile(model, caseFile);
  console.log(json ? JSON.stringify(runResultJson(result), null, 2) : formatRun(caseFile.title, model.processName, result));
  return 0;
}

/** Steps a reader would count: gateways route the case, they are not work. */
export function stepCount(result: RunResult): number {
  return result.path.filter((step) => !step.type.endsWith('Gateway')).length;
}

/** One model's answer to a household: its run, or the problems that kept the case from running. */
export interface ModelRun {
  model: Model;
  result?: RunResult;
  problems?: readonly Problem[];
}

/**
 * The same household through each model in turn: `run --all-models` and the editor's authorities
 * view. A server passes `afterEach` to yield between models (a run would otherwise starve its I/O).
 */
export async function runThroughModels(models: readonly Model[], caseFile: CaseFile, afterEach?: () => Promise<void>): Promise<ModelRun[]> {
  const runs: ModelRun[] = [];
  for (const model of models) {
    try {
      runs.push({ model, result: await runCaseFile(model, caseFile) });
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      runs.push({ model, problems: error.problems });
    }
    await afterEach?.();
  }
  return runs;
}

/** One household through every bundled model, side by side: "what would happen in each authority". */
export async function runAllModelsCommand(modelsFolder: string, casePath: string, json: boolean): Promise<number> {
  const caseFile = loadCaseFile(casePath);
  const models: Model[] = [];
  for (const modelPath of findFiles([modelsFolder], ['.bpmn'])) models.push(await loadModel(modelPath));
  const rows = (await runThroughModels(models, caseFile)).map(({ model, result, problems }) => ({
    model: model.processName,
    result,
    problem: problems?.map((problem) => problem.message).join('; '),
  }));
  if (json) {
    console.log(JSON.stringify(rows.map(({ model, result, problem }) => (result ? { model, ...runResultJson(result) } : { model, error: problem })), null, 2));
  } else {
    console.log(`${caseFile.title}\n  received ${formatLocal(caseFile.receivedAt)} (Europe/London)\n`);
    for (const { model, result, problem } of rows) {
      console.log(model);
      if (!result) {
        console.log(`  cannot run: ${problem}\n`);
        continue;
      }
      const missed = result.deadlines.filter((deadline) => !deadline.met).map((deadline) => deadline.name);
      console.log(`  outcomes:      ${result.outcomes.join(', ') || '(none)'}`);
      console.log(`  notifications: ${result.notifications.join(', ') || '(none)'}`);
      console.log(`  steps:         ${stepCount(result)}, finished ${formatLocal(result.finishedAt)}`);
      console.log(`  deadlines:     ${result.deadlines.length === 0 ? '(none)' : missed.length === 0 ? `all ${result.deadlines.length} met` : `missed: ${missed.join('; ')}`}\n`);
    }
  }
  return rows.some((row) => row.problem) ? 2 : 0;
}
