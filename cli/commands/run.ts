import { runCaseFile, type RunResult } from '../../engine/run.ts';
import { formatLocal } from '../../engine/time.ts';
import { InputError } from '../../engine/problems.ts';
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
    deadlines: result.deadlines.map(({ element, name, within, dueAt, completedAt, met }) => ({
      element,
      name,
      within,
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
      lines.push(`    ${deadline.met ? 'met   ' : 'MISSED'}  ${deadline.name}: due ${formatLocal(deadline.dueAt)}, done ${formatLocal(deadline.completedAt)}`);
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

/** One household through every bundled model, side by side: "what would happen in each authority". */
export async function runAllModelsCommand(modelsFolder: string, casePath: string, json: boolean): Promise<number> {
  const caseFile = loadCaseFile(casePath);
  const rows: { model: string; result?: RunResult; problem?: string }[] = [];
  for (const modelPath of findFiles([modelsFolder], ['.bpmn'])) {
    const model = await loadModel(modelPath);
    try {
      rows.push({ model: model.processName, result: await runCaseFile(model, caseFile) });
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      rows.push({ model: model.processName, problem: error.problems.map((problem) => problem.message).join('; ') });
    }
  }
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
      console.log(`  steps:         ${result.path.filter((step) => !step.type.endsWith('Gateway')).length}, finished ${formatLocal(result.finishedAt)}`);
      console.log(`  deadlines:     ${result.deadlines.length === 0 ? '(none)' : missed.length === 0 ? `all ${result.deadlines.length} met` : `missed: ${missed.join('; ')}`}\n`);
    }
  }
  return rows.some((row) => row.problem) ? 2 : 0;
}
