/**
 * `npm run bench` (start-up part): how long `mashflow --help` takes as a whole process, from the
 * bundle compiled ahead of time (out/cli/) and from the sources through tsx. Figures only, no
 * pass/fail; `node -e 0` beside them is the floor no CLI start can go under.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { median } from 'simple-statistics';
import { upToDateBundle } from '../../bin/up-to-date-bundle.js';

const runs = 10;

/** Median wall time in ms of `node args…`, after one run not counted (disk cache, tsx's cache). */
function medianStart(args: string[], env: NodeJS.ProcessEnv = process.env): number {
  const times: number[] = [];
  for (let run = 0; run <= runs; run++) {
    const started = performance.now();
    const result = spawnSync(process.execPath, args, { env, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`node ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
    if (run > 0) times.push(performance.now() - started);
  }
  return median(times);
}

// Measure what a user runs: build first if the bundle is missing or behind the sources.
let built = '';
if (!upToDateBundle(new URL('../../out/cli/', import.meta.url))) {
  execFileSync(process.execPath, ['tools/build/cli.mjs'], { stdio: 'ignore' });
  built = ', built first';
}
const bundle = medianStart(['bin/mashflow.js', '--help'], { ...process.env, MASHFLOW_FROM_SOURCE: '' });
const sources = medianStart(['bin/mashflow.js', '--help'], { ...process.env, MASHFLOW_FROM_SOURCE: '1' });
const floor = medianStart(['-e', '0']);
console.log(
  `mashflow --help start: median ${bundle.toFixed(0)} ms from the bundle (out/cli/${built}), ` +
    `${sources.toFixed(0)} ms from the sources through tsx, node -e 0 ${floor.toFixed(0)} ms (${runs} runs each)`,
);
