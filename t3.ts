import { readFileSync } from 'node:fs';
import { prepare, runReplication } from './simulations/simulate.ts';
const scale = 10;
const scenarioText = readFileSync('models/scenarios/derby-baseline.yaml', 'utf8')
    .replace('perYear: 1080', `perYear: 10800`)
    .replace(/count: (\d+), hours/g, (_, c) => `count: ${Math.ceil(Number(c) * scale)}, hours`)
    .replace(/capacity: \d+/g, `capacity: ${Math.ceil(30 * scale)}`)
    .replace('replications: 20', `replications: 100`);
const input = { scenarioText, scenarioFile: 'b.yaml', modelXml: readFileSync('models/derby.bpmn', 'utf8'), modelFile: 'models/derby.bpmn' };
const plan = await prepare(input);
for (let i = 0; i < 5; i++) runReplication(plan, i);
const before = process.memoryUsage();
const { PerformanceObserver } = await import('node:perf_hooks');
let gcTime = 0, gcs = 0;
new PerformanceObserver((l) => { for (const e of l.getEntries()) { gcTime += e.duration; gcs++; } }).observe({ entryTypes: ['gc'] });
const c = process.cpuUsage(); const t = performance.now();
for (let i = 5; i < 25; i++) runReplication(plan, i);
await new Promise(r => setTimeout(r, 10));
console.log('20 reps wall', (performance.now()-t).toFixed(0), 'cpu', process.cpuUsage(c), 'gc', gcs, gcTime.toFixed(0));
