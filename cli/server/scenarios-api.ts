/**
 * The simulation scenarios the editor's what-if mode offers: every YAML file in
 * models/scenarios/ that names a model, with its text (the page runs it in a Web Worker). Read
 * only; every path goes through the models folder's guard, so a link out of the folder is skipped.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { posix } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { ScenarioSummary } from '../../editor/api/types.ts';
import { inside, plainName, type ModelsFolder } from './paths.ts';

export const scenariosFolderName = 'scenarios';

/**
 * The model a scenario's `model:` (relative to the scenario file) names, as a models-folder name,
 * or null when it leads anywhere but a .bpmn file directly in the models folder.
 */
export function modelNameFor(folder: ModelsFolder, relativeModel: string): string | null {
  if (relativeModel.includes('\\') || posix.isAbsolute(relativeModel)) return null;
  const normalised = posix.normalize(posix.join(scenariosFolderName, relativeModel));
  if (normalised.includes('/') || !normalised.endsWith('.bpmn')) return null;
  const name = normalised.slice(0, -'.bpmn'.length);
  try {
    const path = folder.modelFile(name);
    return existsSync(path) && statSync(path).isFile() ? name : null;
  } catch {
    return null; // not a name the API could address
  }
}

/** The title and model of a scenario's text, read leniently: a broken file is still listed (running it reports why). */
function describe(folder: ModelsFolder, text: string): { title: string | undefined; description: string; model: string | null } {
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch {
    return { title: undefined, description: '', model: null };
  }
  if (typeof raw !== 'object' || raw === null) return { title: undefined, description: '', model: null };
  const { title, description, model } = raw as { title?: unknown; description?: unknown; model?: unknown };
  return {
    title: typeof title === 'string' && title.trim() ? title.trim() : undefined,
    description: typeof description === 'string' ? description.replace(/\s+/g, ' ').trim() : '',
    model: typeof model === 'string' ? modelNameFor(folder, model) : null,
  };
}

/**
 * Scenario files in models/scenarios/, sorted by file name. A file without a `model:` key (the
 * what-if suite) is not a scenario and is left out.
 */
export function listScenarios(folder: ModelsFolder): ScenarioSummary[] {
  let scenarios: string;
  try {
    scenarios = inside(folder.root, scenariosFolderName);
  } catch {
    return []; // models/scenarios is a link out of the folder
  }
  if (!existsSync(scenarios) || !statSync(scenarios).isDirectory()) return [];
  const listed: ScenarioSummary[] = [];
  for (const file of readdirSync(scenarios).sort()) {
    if (!/\.ya?ml$/.test(file) || file.startsWith('.')) continue;
    let path: string;
    try {
      path = inside(folder.root, scenariosFolderName, plainName(file, 'scenario'));
    } catch {
      continue; // a name the API could not address, or a link out of the folder
    }
    if (!existsSync(path) || !statSync(path).isFile()) continue;
    const text = readFileSync(path, 'utf8');
    if (!/^model\s*:/m.test(text)) continue;
    const name = file.replace(/\.ya?ml$/, '');
    const { title, description, model } = describe(folder, text);
    listed.push({ name, file, title: title ?? name, description, model, text });
  }
  return listed;
}
