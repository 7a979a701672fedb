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
const times = [];
const T = performance.now();
for (let i = 0; i < 100; i++) { const t = performance.now(); runReplication(plan, i); times.push(Math.round(performance.now() - t)); }
console.log(times.join(' '), 'total', Math.round(performance.now()-T));
