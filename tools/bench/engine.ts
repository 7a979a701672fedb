/**
 * `npm run bench`: prints measured figures for the reference executor (bpmn-engine). Figures only,
 * no pass/fail: machines are noisy, so compare runs made one after the other.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { median, quantile } from 'simple-statistics';
import { withDefaults } from '../../engine/case-file.ts';
import { parseModel } from '../../engine/model.ts';
import { runCase } from '../../engine/run.ts';
import { parseLocalDateTime } from '../../engine/time.ts';

const xml = readFileSync('models/derby.bpmn', 'utf8');
const parses = 20;
let started = performance.now();
for (let i = 0; i < parses; i++) await parseModel(xml, 'models/derby.bpmn');
console.log(`load and validate derby.bpmn: ${((performance.now() - started) / parses).toFixed(1)} ms each (${parses} loads)`);

const model = await parseModel(xml, 'models/derby.bpmn');
const receivedAt = parseLocalDateTime('2026-03-02T09:30')!;
const households = [
  { dashRisk: 'high', socialCareStatus: 'not-known', children: [{ age: 3 }], s47Agreed: true, thresholdLevel: 4 },
  { dashRisk: 'medium', socialCareStatus: 'known', children: [{ age: 8 }], thresholdLevel: 3 },
  { dashRisk: 'standard', socialCareStatus: 'not-known', children: [{ age: 1 }], thresholdLevel: 2, pregnant: true },
  { dashRisk: 'standard', socialCareStatus: 'open', children: [{ age: 12 }], thresholdLevel: 1 },
].map(withDefaults);

for (const household of households) await runCase(model, { variables: household, receivedAt }); // warm up
const runs = 200;
let steps = 0;
const times: number[] = [];
for (let i = 0; i < runs; i++) {
  const one = performance.now();
  const result = await runCase(model, { variables: households[i % households.length]!, receivedAt });
  times.push(performance.now() - one);
  steps += result.path.length;
}
const total = times.reduce((sum, time) => sum + time, 0);
console.log(
  `bpmn-engine, a Derby case: median ${median(times).toFixed(1)} ms, p90 ${quantile(times, 0.9).toFixed(1)} ms, ` +
    `${(runs / (total / 1000)).toFixed(0)} cases/s, ${(total / steps).toFixed(2)} ms per element (${runs} runs, ${steps} elements)`,
);
console.log(`heap used after the runs: ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MB`);

// The whole bundled case suite, as a user runs it (one process, wall clock).
started = performance.now();
const output = execFileSync(process.execPath, ['bin/mashflow.js', 'test', 'models'], { encoding: 'utf8' });
console.log(`mashflow test models: ${output.trim().split('\n').at(-1)} in ${((performance.now() - started) / 1000).toFixed(1)} s wall`);
