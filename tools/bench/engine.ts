/**
 * `npm run bench`: prints measured figures for the reference executor (bpmn-engine). The
 * simulator's own bench joins this when it exists. Figures only, no pass/fail: machines are noisy.
 */
import { readFileSync } from 'node:fs';
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
const runs = 100; // about 0.6 s a case: Derby's dead-path elimination visits many elements
let steps = 0;
started = performance.now();
for (let i = 0; i < runs; i++) {
  const result = await runCase(model, { variables: households[i % households.length]!, receivedAt });
  steps += result.path.length;
}
const seconds = (performance.now() - started) / 1000;
console.log(`bpmn-engine runs of Derby cases: ${(runs / seconds).toFixed(0)} cases/s, ${((seconds * 1000) / steps).toFixed(2)} ms per element (${runs} runs, ${steps} elements)`);
console.log(`heap used after the runs: ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MB`);
