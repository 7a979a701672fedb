/**
 * Authorities view: one household through every model in the folder with the reference executor,
 * the code path of `mashflow run --all-models` (runThroughModels), answered per authority with its
 * outcomes, notifications, path, deadlines, or the problems that kept the case from running there.
 *
 *   GET  /api/households   the sample households (examples/households/) the page offers
 *   POST /api/run-all      { model, case } | { household } | { variables, title?, receivedAt?, durations? }
 *
 * The saved models are run (what each authority's procedure says now), not an unsaved edit.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { parseCaseFile, type CaseFile } from '../../engine/case-file.ts';
import { parseModel, type Model } from '../../engine/model.ts';
import { InputError, type Problem } from '../../engine/problems.ts';
import { formatLocal } from '../../engine/time.ts';
import type { AuthorityRun, HouseholdSummary, RunAllResult } from '../../editor/api/types.ts';
import { runThroughModels, stepCount } from '../commands/run.ts';
import { HttpError, readJsonBody, sendJson, stringField } from './http.ts';
import { listModels, modelLabel, readModel } from './models-api.ts';
import { inside, plainName, type ModelsFolder } from './paths.ts';
import { repositoryRoot } from '../repository.ts';

/** The repository's sample households: read-only, never written. */
export const defaultHouseholdsRoot = join(repositoryRoot, 'examples', 'households');

export function listHouseholds(root = defaultHouseholdsRoot): HouseholdSummary[] {
  if (!existsSync(root)) return [];
  const households: HouseholdSummary[] = [];
  for (const file of readdirSync(root).sort()) {
    if (!/\.ya?ml$/.test(file) || file.startsWith('.')) continue;
    const path = inside(root, file);
    if (!statSync(path).isFile()) continue;
    let title = file;
    try {
      title = parseCaseFile(readFileSync(path, 'utf8'), file).title;
    } catch {
      // An invalid household is still listed; running it reports its problems.
    }
    households.push({ file, title });
  }
  return households;
}

/** Models parsed once per saved version (the engine's parse is most of a small run's time). */
const parsedModels = new Map<string, Promise<Model>>();

function loadSavedModel(folder: ModelsFolder, name: string): Promise<Model> {
  const { xml, version } = readModel(folder, name);
  const key = `${folder.root}\0${name}\0${version}`;
  let model = parsedModels.get(key);
  if (!model) {
    model = parseModel(xml, modelLabel(name));
    // A refused model is not kept: it may be fixed on disk, and a new version is a new key anyway.
    model.catch(() => parsedModels.delete(key));
    parsedModels.set(key, model);
  }
  return model;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function caseRefused(error: unknown, what: string): never {
  if (error instanceof InputError) {
    const first = error.problems[0];
    const where = first?.path ? `${first.path}: ` : '';
    throw new HttpError(422, `${what} is not a valid case: ${where}${first?.message ?? ''}`, error.problems);
  }
  throw error;
}

function readCaseText(path: string, label: string, missing: string): CaseFile {
  if (!existsSync(path) || !statSync(path).isFile()) throw new HttpError(404, missing);
  try {
    return parseCaseFile(readFileSync(path, 'utf8'), label);
  } catch (error) {
    return caseRefused(error, label);
  }
}

/** The household the body names: a bundled case, a sample household, or variables given inline. */
export function caseFromRequest(body: unknown, folder: ModelsFolder, householdsRoot = defaultHouseholdsRoot): { caseFile: CaseFile; source: string } {
  if (!isRecord(body)) throw new HttpError(400, 'the body must be a JSON object: { model, case }, { household } or { variables }');
  if ('variables' in body) {
    const { variables, title, receivedAt, durations } = body;
    if (!isRecord(variables)) throw new HttpError(400, '"variables" must be an object of case variables, e.g. { "dashRisk": "medium", "children": [{ "age": 2 }] }');
    if (title !== undefined && typeof title !== 'string') throw new HttpError(400, '"title" must be a string');
    if (receivedAt !== undefined && typeof receivedAt !== 'string') throw new HttpError(400, '"receivedAt" must be a local date-time string, e.g. "2026-03-02T09:30"');
    if (durations !== undefined && !isRecord(durations)) throw new HttpError(400, '"durations" must be an object of element id → duration');
    // The case-file schema checks the variables against the vocabulary; JSON is YAML, so the same parser reads it.
    const document = { title: title ?? 'Household from the page', ...(receivedAt === undefined ? {} : { receivedAt }), case: variables, ...(durations === undefined ? {} : { durations }) };
    try {
      return { caseFile: parseCaseFile(JSON.stringify(document), 'the request'), source: 'the request' };
    } catch (error) {
      if (error instanceof InputError) {
        // Name the keys as the request spells them: variables.dashRisk, not case.dashRisk.
        const problems: Problem[] = error.problems.map((problem) => ({ ...problem, path: problem.path.replace(/^case(?=\.|$)/, 'variables') }));
        return caseRefused(new InputError(problems), 'the request');
      }
      throw error;
    }
  }
  if ('household' in body) {
    const file = plainName(stringField(body, 'household'), 'household');
    if (!/\.ya?ml$/.test(file)) throw new HttpError(400, `"household" names a .yaml file in examples/households/, not ${JSON.stringify(file)}`);
    const label = `examples/households/${file}`;
    return { caseFile: readCaseText(inside(householdsRoot, file), label, `no household "${file}" in examples/households/`), source: label };
  }
  if ('model' in body || 'case' in body) {
    const model = stringField(body, 'model');
    const caseName = stringField(body, 'case');
    readModel(folder, model); // 404 for a model that is not there
    const label = `models/cases/${model}/${caseName}`;
    return { caseFile: readCaseText(folder.caseFile(model, caseName), label, `no case "${caseName}" in models/cases/${model}/`), source: label };
  }
  throw new HttpError(400, 'the body needs { model, case } (a bundled case), { household } (a sample household) or { variables } (the case variables)');
}

function authorityRun(name: string, model: Model | undefined, title: string, result: Awaited<ReturnType<typeof runThroughModels>>[number] | undefined, problems: readonly Problem[]): AuthorityRun {
  const run = result?.result;
  return {
    model: name,
    title: model?.processName ?? title,
    ran: run !== undefined,
    outcomes: run ? [...run.outcomes] : [],
    notifications: run ? [...run.notifications] : [],
    path: run ? run.path.map(({ id, name: stepName, type, lane, endedAt }) => ({ id, name: stepName, type, lane, endedLocal: formatLocal(endedAt) })) : [],
    flowsTaken: run ? [...run.flowsTaken] : [],
    steps: run ? stepCount(run) : 0,
    deadlines: run
      ? run.deadlines.map(({ element, name: deadlineName, within, dueAt, completedAt, met }) => ({
          element,
          name: deadlineName,
          within,
          dueAt: new Date(dueAt).toISOString(),
          dueLocal: formatLocal(dueAt),
          completedAt: new Date(completedAt).toISOString(),
          completedLocal: formatLocal(completedAt),
          met,
        }))
      : [],
    finishedLocal: run ? formatLocal(run.finishedAt) : '',
    problems: [...(result?.problems ?? problems)],
  };
}

/** Runs the household through every model in the folder, in name order. */
export async function runAll(folder: ModelsFolder, caseFile: CaseFile, source: string): Promise<RunAllResult> {
  const started = performance.now();
  const loaded: { name: string; title: string; model?: Model; problems: readonly Problem[] }[] = [];
  for (const { name, title } of listModels(folder)) {
    try {
      loaded.push({ name, title, model: await loadSavedModel(folder, name), problems: [] });
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      loaded.push({ name, title, problems: error.problems });
    }
  }
  const runnable = loaded.filter((entry): entry is typeof entry & { model: Model } => entry.model !== undefined);
  const runs = await runThroughModels(
    runnable.map((entry) => entry.model),
    caseFile,
    // Let the server answer other requests between models.
    () => new Promise((resolve) => setImmediate(resolve)),
  );
  const runOf = new Map(runnable.map((entry, index) => [entry.name, runs[index]]));
  return {
    case: { title: caseFile.title, source, receivedLocal: formatLocal(caseFile.receivedAt), given: caseFile.given },
    authorities: loaded.map((entry) => authorityRun(entry.name, entry.model, entry.title, runOf.get(entry.name), entry.problems)),
    milliseconds: Math.round(performance.now() - started),
  };
}

export async function handleRunAll(request: IncomingMessage, response: ServerResponse, folder: ModelsFolder, householdsRoot = defaultHouseholdsRoot): Promise<void> {
  if (request.method !== 'POST') throw new HttpError(405, `${request.method ?? 'GET'} is not allowed here; use POST`);
  const { caseFile, source } = caseFromRequest(await readJsonBody(request), folder, householdsRoot);
  sendJson(response, 200, await runAll(folder, caseFile, source));
}

export function handleHouseholds(request: IncomingMessage, response: ServerResponse, householdsRoot = defaultHouseholdsRoot): void {
  if (request.method !== 'GET') throw new HttpError(405, `${request.method ?? 'GET'} is not allowed here; use GET`);
  sendJson(response, 200, listHouseholds(householdsRoot));
}
