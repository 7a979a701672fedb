/**
 * Every file the editor server touches is found here, and only inside its root (the models folder,
 * or the built editor). Names are single path segments; `..`, absolute paths, separators,
 * hidden names and symbolic links that lead outside the root are refused.
 */
import { existsSync, lstatSync, realpathSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { HttpError } from './http.ts';

/** One path segment: a letter or digit first, then letters, digits, dot, dash, underscore. */
const segmentPattern = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;

export function refused(what: string): HttpError {
  return new HttpError(403, `refused: ${what} is outside the models folder or not a plain file name`);
}

/**
 * Splits the raw request path into decoded segments. Decoding happens per segment, after the split,
 * so `%2e%2e` and `%2F` cannot turn into `..` or a separator later on.
 */
export function pathSegments(rawPath: string): string[] {
  const segments: string[] = [];
  for (const raw of rawPath.split('/')) {
    if (raw === '') continue;
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      throw new HttpError(400, `the path segment "${raw}" is not valid percent-encoding`);
    }
    if (segment === '.' || segment === '..' || /[/\\\0]/.test(segment)) throw refused(JSON.stringify(segment));
    segments.push(segment);
  }
  return segments;
}

/** A name the API takes (a model, a case file): one plain segment, so it can never climb out. */
export function plainName(name: string, what: string): string {
  if (!segmentPattern.test(name) || name.includes('..') || isAbsolute(name)) throw refused(`${what} ${JSON.stringify(name)}`);
  return name;
}

/**
 * Resolves segments under the root and checks the result stays inside it, following symbolic
 * links: a link inside the root that points outside it is refused.
 */
export function inside(root: string, ...segments: string[]): string {
  const base = resolve(root);
  const path = resolve(base, ...segments);
  const lexical = relative(base, path);
  if (lexical.startsWith('..') || isAbsolute(lexical)) throw refused(JSON.stringify(segments.join('/')));
  if (existsSync(path)) {
    const real = realpathSync(path);
    const realBase = realpathSync(base);
    if (real !== realBase && !real.startsWith(realBase + sep)) throw refused(JSON.stringify(segments.join('/')));
  }
  return path;
}

/** True for a symbolic link (the file it names is replaced, never written through). */
export function isSymbolicLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/** The models folder's layout, with every path checked. */
export class ModelsFolder {
  readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  modelFile(name: string): string {
    return inside(this.root, `${plainName(name, 'model')}.bpmn`);
  }

  casesFolder(model: string): string {
    return inside(this.root, 'cases', plainName(model, 'model'));
  }

  caseFile(model: string, file: string): string {
    if (!file.endsWith('.yaml') && !file.endsWith('.yml')) throw refused(`case ${JSON.stringify(file)}`);
    return inside(this.root, 'cases', plainName(model, 'model'), plainName(file, 'case'));
  }

  backupFolder(): string {
    return join(this.root, '.backup');
  }
}
