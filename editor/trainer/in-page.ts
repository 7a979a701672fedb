/**
 * The part of trainer mode that runs the engine in the page: case files parsed with the case file
 * schema, the model parsed from the diagram's XML, and the case run by bpmn-engine through
 * engine/trainer-run.ts, the same code the server's POST /api/run uses. Loaded on first use
 * (editor/trainer/trainer-runner.ts): it brings bpmn-engine, FEEL, YAML and the bank holidays.
 */
import type { TrainerRun } from '../api/types.ts';
import { parseCaseFile, type CaseFile } from '../../engine/case-file.ts';
import { parseModel } from '../../engine/model.ts';
import { InputError } from '../../engine/problems.ts';
import { formatLocal } from '../../engine/time.ts';
import { runForTrainer } from '../../engine/trainer-run.ts';
import { TrainerProblems } from './trainer-problems.ts';

function rethrowReadably(error: unknown): never {
  if (error instanceof InputError) throw new TrainerProblems(error.problems.map((problem) => ({ path: problem.path, message: problem.message })));
  throw error;
}

/** Parses a case file's text (YAML, or the JSON the case form writes); its problems, readably. */
export function readCase(text: string, file: string): CaseFile {
  try {
    return parseCaseFile(text, file);
  } catch (error) {
    return rethrowReadably(error);
  }
}

/** An instant as a datetime-local input holds it, in Europe/London: 2026-03-02T09:30. */
export function localInput(instant: number): string {
  return formatLocal(instant).replace(' ', 'T');
}

/** Runs a case through the diagram as it is in the page (maybe unsaved), with bpmn-engine here. */
export async function runCase(modelName: string, caseName: string, caseFile: CaseFile, xml: string): Promise<TrainerRun> {
  try {
    const model = await parseModel(xml, `models/${modelName}.bpmn`);
    return await runForTrainer(model, modelName, caseName, caseFile);
  } catch (error) {
    return rethrowReadably(error);
  }
}
