/**
 * vitest global set-up: a folder for the one editor build that every browser test file of this run
 * shares (see editor-session.ts), removed at the end. Nothing is built unless a browser test asks.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function setup(): () => void {
  const folder = mkdtempSync(join(tmpdir(), 'mashflow-editor-build-'));
  process.env.MASHFLOW_E2E_BUILD = folder;
  return () => rmSync(folder, { recursive: true, force: true });
}
