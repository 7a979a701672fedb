/**
 * Trainer mode's entry to the engine in the page. The engine part (editor/trainer/in-page.ts) is a
 * separate chunk, loaded the first time trainer mode needs it, so opening the editor stays fast.
 */
import type { TrainerRun } from '../api/types.ts';
import type { CaseFile } from '../../engine/case-file.ts';

type InPage = typeof import('./in-page.ts');

let loading: Promise<InPage> | undefined;

export function trainerEngine(): Promise<InPage> {
  loading ??= import('./in-page.ts');
  return loading;
}

/** A case to run: the name it goes by (a bundled file, or that file with the trainee's variables) and its content. */
export interface CaseToRun {
  name: string;
  caseFile: CaseFile;
}

export async function runInPage(modelName: string, request: CaseToRun, xml: string): Promise<TrainerRun> {
  const engine = await trainerEngine();
  return engine.runCase(modelName, request.name, request.caseFile, xml);
}
