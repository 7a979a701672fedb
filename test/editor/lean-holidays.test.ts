/**
 * The editor's bundles read England's holidays with date-holidays-parser's other calendars and
 * moment-timezone swapped for stand-ins that throw (tools/bundling/lean-holidays.ts).
 * engine/bank-holidays.ts bundled by vite with that plugin and run here gives what date-holidays
 * gives for GB-ENG in every year from 1950 to 2100: no England rule reaches a stand-in.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Holidays from 'date-holidays';
import { build, type Rollup } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as BankHolidays from '../../engine/bank-holidays.ts';
import { leanHolidays } from '../../tools/bundling/lean-holidays.ts';
import type * as Misuse from './fixtures/lean-holidays-misuse.ts';
import { leftOutPackagesIn } from './support/left-out-packages.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const folder = mkdtempSync(join(tmpdir(), 'mashflow-lean-holidays-'));
let code = '';
let bundled: typeof BankHolidays;
let misuse: typeof Misuse;

beforeAll(async () => {
  const result = await build({
    configFile: false,
    root,
    logLevel: 'silent',
    plugins: [leanHolidays()],
    build: {
      write: false,
      minify: false,
      outDir: folder,
      lib: {
        entry: { 'bank-holidays': join(root, 'engine', 'bank-holidays.ts'), misuse: fileURLToPath(new URL('./fixtures/lean-holidays-misuse.ts', import.meta.url)) },
        formats: ['es'],
      },
    },
  });
  for (const output of ([result].flat() as Rollup.RollupOutput[])[0]!.output) {
    if (output.type !== 'chunk') continue;
    writeFileSync(join(folder, output.fileName), output.code);
    code += output.code;
  }
  bundled = (await import(pathToFileURL(join(folder, 'bank-holidays.js')).href)) as typeof BankHolidays;
  misuse = (await import(pathToFileURL(join(folder, 'misuse.js')).href)) as typeof Misuse;
}, 60_000);

afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('England bank holidays as the editor bundles them', () => {
  it('given the bundle, then it has the stand-ins and none of moment-timezone, moment, astronomia or date-chinese', () => {
    expect(code).toContain('is not bundled');
    expect(leftOutPackagesIn(code)).toEqual([]);
  });

  it('given every year from 1950 to 2100, when the bundle lists holidays, then they are what date-holidays gives for GB-ENG (all but the start and end instants)', () => {
    const library = new Holidays('GB', 'ENG');
    for (let year = 1950; year <= 2100; year++) {
      expect(bundled.englandHolidays(year), String(year)).toEqual(library.getHolidays(year).map(({ start: _start, end: _end, ...holiday }) => holiday));
    }
  });

  it('given a rule in another calendar, or holidays asked for in a time zone, when listed, then the stand-in says what is not bundled instead of giving a wrong date', () => {
    expect(() => misuse.withMarchEquinox(2026)).toThrow(/"equinox" holiday rule needs a calendar that is not bundled/);
    expect(() => misuse.inLondonTime(2026)).toThrow(/moment-timezone is not bundled/);
  });
});
