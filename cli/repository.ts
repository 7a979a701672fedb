/**
 * The repository's root folder, for files the CLI ships with (examples/, out/editor/, the worker
 * cache). Found from this module's own location, which differs between the sources (cli/) and the
 * bundle (out/cli/, tools/build/cli.mjs), so a fixed `../..` would be wrong in one of them.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function nearestPackageFolder(start: string): string {
  for (let folder = start; ; folder = dirname(folder)) {
    if (existsSync(join(folder, 'package.json'))) return folder;
    if (dirname(folder) === folder) throw new Error(`no package.json above ${start}`);
  }
}

export const repositoryRoot = nearestPackageFolder(dirname(fileURLToPath(import.meta.url)));
