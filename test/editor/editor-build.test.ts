/**
 * The editor as `npm run editor:build` builds it (the build the browser tests share): the build
 * prints no warning, and neither the page's scripts nor the what-if simulation worker carry
 * moment-timezone, moment, astronomia or date-chinese (tools/bundling/lean-holidays.ts leaves them out).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtEditor, type BuiltEditor } from './support/editor-session.ts';
import { leftOutPackagesIn } from './support/left-out-packages.ts';

let built: BuiltEditor;

beforeAll(async () => {
  built = await builtEditor();
}, 180_000);

describe('the editor build', () => {
  it('given the build, then it printed no warning', () => {
    expect(built.warnings).toEqual([]);
  });

  it("given every script it wrote, then England's holiday rules are in the page's and the worker's, and none carries a package the holidays leave out", () => {
    const assets = join(built.out, 'assets');
    const scripts = readdirSync(assets).filter((file) => file.endsWith('.js'));
    const withRules = scripts.filter((file) => readFileSync(join(assets, file), 'utf8').includes('Early May bank holiday'));
    // The check reads the right files: the worker and a chunk of the page hold the rules.
    expect(withRules.some((file) => file.startsWith('simulation-worker-'))).toBe(true);
    expect(withRules.some((file) => !file.startsWith('simulation-worker-'))).toBe(true);
    for (const file of scripts) expect(leftOutPackagesIn(readFileSync(join(assets, file), 'utf8')), file).toEqual([]);
  });
});
