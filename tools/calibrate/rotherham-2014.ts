/**
 * Calibrates the Rotherham 2014 baseline against Ofsted's figures (seed 003, docs/sources.md):
 * 33% of decisions not made within 24 hours (April–September 2014). Volumes (1,164 DV
 * notifications in six months) and the NFA share (72%) are taken from the sources; the CART's
 * staffing, which no source gives, is the fitted parameter. Prints the breach rate for each
 * staffing on the same incidents; `npx tsx tools/calibrate/rotherham-2014.ts`.
 */
import { readFileSync } from 'node:fs';
import { prepare, runReplication } from '../../simulations/simulate.ts';
import { estimate } from '../../simulations/stats/confidence.ts';

const scenarioFile = 'models/scenarios/rotherham-2014-baseline.yaml';
const baseline = readFileSync(scenarioFile, 'utf8');
const modelXml = readFileSync('models/rotherham-2014.bpmn', 'utf8');
const deadline = 'Decision on the contact within 24 hours of receipt';

console.log('social workers  managers   decisions late (95% CI)      NFA share');
for (const socialWorkers of [1, 2, 3]) {
  for (const managers of [1, 2, 3]) {
    const scenarioText = baseline
      .replace(/cartSocialWorker: \{ count: \d+/, `cartSocialWorker: { count: ${socialWorkers}`)
      .replace(/cartManager: \{ count: \d+/, `cartManager: { count: ${managers}`);
    const plan = await prepare({ scenarioText, scenarioFile, modelXml, modelFile: 'models/rotherham-2014.bpmn', overrides: { replications: 10 } });
    const results = Array.from({ length: 10 }, (_, replication) => runReplication(plan, replication));
    const late = estimate(results.map((result) => result.deadlines[deadline]!.breachRate * 100));
    const nfa = estimate(results.map((result) => (result.outcomes.nfa ?? 0) * 100));
    console.log(`${String(socialWorkers).padStart(14)}  ${String(managers).padStart(8)}   ${late.mean.toFixed(1).padStart(6)}% [${late.low.toFixed(1)}, ${late.high.toFixed(1)}]   ${nfa.mean.toFixed(1)}%`);
  }
}
