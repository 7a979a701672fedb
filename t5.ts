import { readFileSync } from 'node:fs';
import { prepare, runReplication } from './simulations/simulate.ts';
const perYear = 200000, scale = perYear / 1080;
const scenarioText = readFileSync('models/scenarios/derby-baseline.yaml', 'utf8')
    .replace('perYear: 1080', `perYear: ${perYear}`)
    .replace(/count: (\d+), hours/g, (_, c) => `count: ${Math.ceil(Number(c) * scale)}, hours`)
    .replace(/capacity: \d+/g, `capacity: ${Math.ceil(30 * scale)}`)
    .replace('replications: 20', `replications: 1`);
const plan = await prepare({ scenarioText, scenarioFile: 'b.yaml', modelXml: readFileSync('models/derby.bpmn', 'utf8'), modelFile: 'models/derby.bpmn' });
for (let i = 0; i < 3; i++) { const c = process.cpuUsage(); const r = runReplication(plan, i); const s = process.cpuUsage(c); console.log(r.arrivals / ((s.user + s.system) / 1e6)); }
