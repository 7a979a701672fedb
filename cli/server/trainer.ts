/**
 * Trainer mode on the server. The page runs cases itself (bpmn-engine in the browser) from the case
 * file's text (GET /api/models/<name>/cases/<file>); POST /api/run runs the same code here, from
 * engine/trainer-run.ts, so both tell a case the same way.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import type { CaseDocument } from '../../editor/api/types.ts';
import { HttpError } from './http.ts';
import type { ModelsFolder } from './paths.ts';

export { runForTrainer, trainerRun } from '../../engine/trainer-run.ts';

/** One bundled case file's text; the path guards of ModelsFolder.caseFile keep it inside models/cases/<model>/. */
export function readCase(folder: ModelsFolder, model: string, file: string): CaseDocument {
  const path = folder.caseFile(model, file);
  if (!existsSync(path) || !statSync(path).isFile()) throw new HttpError(404, `no case "${file}" in models/cases/${model}/`);
  return { file, text: readFileSync(path, 'utf8') };
}
