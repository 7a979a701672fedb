#!/usr/bin/env node
/**
 * `npm run build:cli` (and npm's `prepare`, so `npm ci` runs it): the CLI compiled ahead of time
 * into out/cli/, so a start does not compile TypeScript through tsx (`mashflow --help` took about
 * 0.9 s that way). bin/mashflow.js runs it while inputs.json says it is up to date.
 *
 *   node tools/build/cli.mjs [--outdir DIR]     default out/cli (DIR must be inside the repository,
 *                                                where node_modules resolves)
 *
 * Plain JavaScript, so building needs neither tsx nor a type check.
 */
import { renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../../', import.meta.url));
const { values } = parseArgs({ options: { outdir: { type: 'string', default: join(root, 'out', 'cli') } } });
const outdir = resolve(values.outdir);
// Built beside the final folder and swapped in whole, so a stale chunk never survives a rebuild
// and a CLI started meanwhile finds no half-written bundle (it runs the sources instead).
const staging = `${outdir}.building-${process.pid}`;

const options = {
  absWorkingDir: root,
  entryPoints: { mashflow: 'cli/main.ts', 'simulate-worker': 'cli/simulate-worker.ts' },
  outdir: staging,
  bundle: true,
  // The project's own code is bundled; packages stay imports from node_modules. Bundling them too
  // started lint about a third sooner, but breaks packages that read files beside themselves
  // (bpmn-engine its package.json; tinypool and esbuild their own workers) and would load a second
  // copy of bpmn-elements beside bpmn-engine's.
  packages: 'external',
  // Each command stays a chunk loaded on demand, as `await import()` does in the sources: one file
  // would import every package at start, and `--help` then took as long as through tsx.
  splitting: true,
  // One folder, so replication-runner finds simulate-worker.mjs beside whichever chunk holds it.
  entryNames: '[name]',
  chunkNames: '[name]-[hash]',
  outExtension: { '.js': '.mjs' },
  platform: 'node',
  format: 'esm',
  target: 'node20',
  metafile: true,
  logLevel: 'warning',
};

/**
 * One build into `staging`, and what bin/mashflow.js stats to decide whether it is stale: every
 * source esbuild read (paths from the repository root) with its modification time, plus this
 * script and tsconfig.json, which shape the output too. Undefined when a file was saved during the
 * build (its time is after `started`): the output may mix old and new, so it is not recorded as built.
 */
async function buildOnce() {
  const started = Date.now();
  rmSync(staging, { recursive: true, force: true });
  const result = await build(options);
  const inputs = {};
  for (const file of [...Object.keys(result.metafile.inputs), relative(root, fileURLToPath(import.meta.url)), 'tsconfig.json']) {
    const { mtimeMs } = statSync(join(root, file));
    if (mtimeMs >= started) return undefined;
    inputs[file.split('\\').join('/')] = mtimeMs;
  }
  return inputs;
}

const started = Date.now();
let inputs;
try {
  // Someone saving sources while it builds (an editor, another checkout step) gets a retry.
  for (let attempt = 0; attempt < 3 && !inputs; attempt++) inputs = await buildOnce();
} catch {
  // esbuild has printed the errors, with file and line; a stack trace would add nothing.
  rmSync(staging, { recursive: true, force: true });
  process.exit(1);
}
if (!inputs) {
  rmSync(staging, { recursive: true, force: true });
  console.error('build:cli: sources kept changing during the build; run it again');
  process.exit(1);
}
// `root` is the repository seen from the bundle's folder, where bin/up-to-date-bundle.js starts.
const fromBundle = relative(outdir, root).split('\\').join('/');
writeFileSync(join(staging, 'inputs.json'), `${JSON.stringify({ entry: 'mashflow.mjs', root: fromBundle, inputs }, null, 1)}\n`);

rmSync(outdir, { recursive: true, force: true });
renameSync(staging, outdir);
console.log(`build:cli: ${relative(process.cwd(), outdir) || '.'}/mashflow.mjs from ${Object.keys(inputs).length} files in ${Date.now() - started} ms`);
