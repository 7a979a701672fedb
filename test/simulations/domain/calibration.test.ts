/**
 * The Rotherham 2014 baseline reproduces what Ofsted reported (seed 003): 33% of decisions not
 * made within 24 hours, and 72% of police DV notifications needing no further action. Tolerance:
 * the 95% interval over 10 replications lies within 2 percentage points of each figure.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { prepare, runReplication } from '../../../simulations/simulate.ts';
import { estimate } from '../../../simulations/stats/confidence.ts';

describe('Rotherham 2014 calibration', () => {
  it('given the 2014 volumes, about 33% of decisions are late and about 72% end in no further action', async () => {
    const scenarioFile = 'models/scenarios/rotherham-2014-baseline.yaml';
    const plan = await prepare({
      scenarioText: readFileSync(scenarioFile, 'utf8'),
      scenarioFile,
      modelXml: readFileSync('models/rotherham-2014.bpmn', 'utf8'),
      modelFile: 'models/rotherham-2014.bpmn',
      overrides: { replications: 10 },
    });
    const results = Array.from({ length: 10 }, (_, replication) => runReplication(plan, replication));
    const late = estimate(results.map((result) => result.deadlines['Decision on the contact within 24 hours of receipt']!.breachRate * 100));
    const nfa = estimate(results.map((result) => result.outcomes.nfa! * 100));
    expect(late.low).toBeGreaterThanOrEqual(31);
    expect(late.high).toBeLessThanOrEqual(35);
    expect(nfa.low).toBeGreaterThanOrEqual(70);
    expect(nfa.high).toBeLessThanOrEqual(74);
  }, 60_000);
});
