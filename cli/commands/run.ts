import { runCaseFile, type RunResult } from '../../engine/run.ts';
import { formatLocal } from '../../engine/time.ts';
import { loadCaseFile, loadModel } from '../files.ts';

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
