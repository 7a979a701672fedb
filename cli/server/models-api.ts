/**
 * The models the editor opens and saves. A save is refused unless the engine can load the XML; the
 * previous file is kept in models/.backup/ and the new one written atomically (temporary file,
 * rename), so a reader never sees half a model.
 */
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, statSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { parseCaseFile } from '../../engine/case-file.ts';
import { parseModel } from '../../engine/model.ts';
import { InputError } from '../../engine/problems.ts';
import type { CaseSummary, ModelDocument, ModelSummary, SaveResult } from '../../editor/api/types.ts';
import { writeFileAtomic } from '../files.ts';
import { HttpError } from './http.ts';
import { isSymbolicLink, refused, type ModelsFolder } from './paths.ts';

/** Backups kept per model; older ones are removed after each save. */
export const backupsKept = 20;

export function versionOf(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The name a message gives a model file: as the CLI would, relative to the repository. */
export function modelLabel(name: string): string {
  return `models/${name}.bpmn`;
}

function isPlainFile(path: string): boolean {
  return existsSync(path) && statSync(path).isFile();
}

export function listModels(folder: ModelsFolder): ModelSummary[] {
  const models: ModelSummary[] = [];
  for (const entry of readdirSync(folder.root).sort()) {
    if (!entry.endsWith('.bpmn') || entry.startsWith('.')) continue;
    const name = entry.slice(0, -'.bpmn'.length);
    let path: string;
    try {
      path = folder.modelFile(name);
    } catch {
      continue; // a name the API could not address, or a link out of the folder: not listed
    }
    if (!isPlainFile(path)) continue;
    models.push({ name, title: processTitle(readFileSync(path, 'utf8')) ?? name, cases: countCases(folder, name) });
  }
  return models;
}

/** The process name without a full parse (listing stays fast as models grow). */
function processTitle(xml: string): string | undefined {
  const match = /<(?:[A-Za-z0-9_-]+:)?process\b[^>]*?\sname="([^"]*)"/.exec(xml);
  if (!match) return undefined;
  return match[1]!.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

export function readModel(folder: ModelsFolder, name: string): ModelDocument {
  const path = folder.modelFile(name);
  if (!isPlainFile(path)) throw new HttpError(404, `no model "${name}" in the models folder`);
  const xml = readFileSync(path, 'utf8');
  return { name, xml, version: versionOf(xml) };
}

function timestamp(now: Date): string {
  return now.toISOString().replace(/[:.]/g, '-');
}

/** Keeps the file as it is now in .backup/<name>.<timestamp>.bpmn; returns that path, relative to the folder. */
function backUp(folder: ModelsFolder, name: string, content: string, now: Date): string {
  const backups = folder.backupFolder();
  if (existsSync(backups)) {
    if (lstatSync(backups).isSymbolicLink() || !lstatSync(backups).isDirectory()) throw refused('models/.backup');
  } else {
    mkdirSync(backups);
  }
  let file = `${name}.${timestamp(now)}.bpmn`;
  for (let n = 2; existsSync(join(backups, file)); n++) file = `${name}.${timestamp(now)}-${n}.bpmn`;
  writeFileAtomic(join(backups, file), content);
  pruneBackups(backups, name);
  return `.backup/${file}`;
}

function pruneBackups(backups: string, name: string): void {
  const pattern = new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.\\d{4}-\\d\\d-\\d\\dT[\\d-]+Z(?:-\\d+)?\\.bpmn$`);
  // ISO timestamps sort as text; the newest are kept.
  const mine = readdirSync(backups).filter((file) => pattern.test(file)).sort();
  for (const old of mine.slice(0, Math.max(0, mine.length - backupsKept))) unlinkSync(join(backups, old));
}

/**
 * Saves a model the engine can load. `baseVersion`, when given, must match the file on disk:
 * someone else's save in between is not overwritten (409).
 */
export async function saveModel(folder: ModelsFolder, name: string, xml: string, baseVersion: string | undefined, now = new Date()): Promise<SaveResult> {
  const path = folder.modelFile(name);
  if (isSymbolicLink(path)) throw refused(`model ${JSON.stringify(name)} (a symbolic link)`);
  if (!isPlainFile(path)) throw new HttpError(404, `no model "${name}" in the models folder; the editor saves existing models only`);
  try {
    await parseModel(xml, modelLabel(name));
  } catch (error) {
    if (error instanceof InputError) {
      throw new HttpError(422, `not saved: the engine cannot load this model (${error.problems.length} problem${error.problems.length === 1 ? '' : 's'})`, error.problems);
    }
    throw error;
  }
  const previous = readFileSync(path, 'utf8');
  if (baseVersion !== undefined && baseVersion !== versionOf(previous)) {
    throw new HttpError(409, `not saved: ${modelLabel(name)} changed on disk since it was opened; reopen it (your edit is still in the page)`);
  }
  const backup = backUp(folder, name, previous, now);
  writeFileAtomic(path, xml);
  return { name, version: versionOf(xml), backup };
}

function countCases(folder: ModelsFolder, model: string): number {
  const casesFolder = folder.casesFolder(model);
  if (!existsSync(casesFolder) || !statSync(casesFolder).isDirectory()) return 0;
  return readdirSync(casesFolder).filter((file) => /\.ya?ml$/.test(file) && !file.startsWith('.')).length;
}

export function listCases(folder: ModelsFolder, model: string): CaseSummary[] {
  const casesFolder = folder.casesFolder(model);
  if (!existsSync(casesFolder) || !statSync(casesFolder).isDirectory()) return [];
  const cases: CaseSummary[] = [];
  for (const file of readdirSync(casesFolder).sort()) {
    if (!/\.ya?ml$/.test(file) || file.startsWith('.')) continue;
    let path: string;
    try {
      path = folder.caseFile(model, file);
    } catch {
      continue;
    }
    if (!isPlainFile(path)) continue;
    const text = readFileSync(path, 'utf8');
    let title = file;
    try {
      title = parseCaseFile(text, file).title;
    } catch {
      // An invalid case is still listed; running it reports its problems.
    }
    cases.push({ file, title });
  }
  return cases;
}
