/** File-system edge of the CLI: reading models and case files, finding them, writing atomically. */
import { existsSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync, unlinkSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { parseCaseFile, type CaseFile } from '../engine/case-file.ts';
import { parseModel, type Model } from '../engine/model.ts';
import { InputError } from '../engine/problems.ts';
import { UsageError } from './usage-error.ts';

export { UsageError };

/** Paths in messages are relative to where the user stands. */
export function display(path: string): string {
  const shown = relative(process.cwd(), resolve(path));
  return shown === '' ? '.' : shown;
}

export function readText(path: string, what: string): string {
  if (!existsSync(path)) throw new UsageError(`${display(path)}: no such ${what}; check the path`);
  if (statSync(path).isDirectory()) throw new UsageError(`${display(path)}: is a folder, expected a ${what}`);
  return readFileSync(path, 'utf8');
}

const modelCache = new Map<string, Promise<Model>>();

export function loadModel(path: string): Promise<Model> {
  const key = resolve(path);
  let model = modelCache.get(key);
  if (!model) {
    model = parseModel(readText(path, 'model file (.bpmn)'), display(path));
    modelCache.set(key, model);
  }
  return model;
}

export function loadCaseFile(path: string): CaseFile {
  return parseCaseFile(readText(path, 'case file (.yaml)'), display(path));
}

/** Every file under the paths with one of the extensions, sorted so output is stable. */
export function findFiles(paths: readonly string[], extensions: readonly string[]): string[] {
  const found = new Set<string>();
  const visit = (path: string) => {
    if (!existsSync(path)) throw new UsageError(`${display(path)}: no such file or folder`);
    if (statSync(path).isDirectory()) {
      for (const entry of readdirSync(path)) {
        if (!entry.startsWith('.') && entry !== 'node_modules') visit(join(path, entry));
      }
    } else if (extensions.some((extension) => path.endsWith(extension))) {
      found.add(resolve(path));
    }
  };
  for (const path of paths) visit(path);
  return [...found].sort();
}

/**
 * The model a case runs against: its `model:` key (relative to the case file), or by layout,
 * models/cases/<name>/…yaml runs against models/<name>.bpmn.
 */
export function modelPathFor(casePath: string, caseFile: CaseFile): string {
  if (caseFile.model) return resolve(dirname(casePath), caseFile.model);
  const parts = resolve(casePath).split(sep);
  const casesIndex = parts.lastIndexOf('cases');
  const modelName = parts[casesIndex + 1];
  if (casesIndex > 0 && modelName && casesIndex + 2 < parts.length) {
    return join(parts.slice(0, casesIndex).join(sep) || sep, `${modelName}.bpmn`);
  }
  throw new InputError([
    {
      code: 'case-invalid',
      file: display(casePath),
      path: 'model',
      message: `names no model: add "model: <path to .bpmn>" or put it in models/cases/<model name>/`,
    },
  ]);
}

/** The case folder that belongs to a model file: models/derby.bpmn → models/cases/derby/. */
export function casesFolderFor(modelPath: string): string {
  return join(dirname(modelPath), 'cases', basename(modelPath, '.bpmn'));
}

/** Writes via a temporary file and a rename, so a reader never sees half a file. */
export function writeFileAtomic(path: string, content: string): void {
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, content);
    renameSync(temporary, path);
  } catch (error) {
    if (existsSync(temporary)) unlinkSync(temporary);
    throw error;
  }
}
