import { readFileSync } from 'node:fs';
import { runReplicationsInParallel } from './cli/commands/simulate.ts';
const scale = 10;
const scenarioText = readFileSync('models/scenarios/derby-baseline.yaml', 'utf8')
    .replace('perYear: 1080', `perYear: 10800`)
    .replace(/count: (\d+), hours/g, (_, c) => `count: ${Math.ceil(Number(c) * scale)}, hours`)
    .replace(/capacity: \d+/g, `capacity: ${Math.ceil(30 * scale)}`)
    .replace('replications: 20', `replications: 100`);
const input = { scenarioText, scenarioFile: 'b.yaml', modelXml: readFileSync('models/derby.bpmn', 'utf8'), modelFile: 'models/derby.bpmn' };
const w = Number(process.argv[2]);
const t = performance.now();
let last = t;
await runReplicationsInParallel(input, 100, w, (d) => { const n = performance.now(); if (d <= 26 || d % 25 === 0) console.log(d, (n - t).toFixed(0)); last = n; });
console.log('total', w, ((performance.now() - t)/1000).toFixed(2), process.cpuUsage());
