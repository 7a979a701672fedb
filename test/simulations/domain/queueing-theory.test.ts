/**
 * The simulator against queueing theory: a one-task model, Poisson arrivals, exponential service
 * and c staff open around the clock is an M/M/c queue, whose mean wait (Erlang C) and
 * utilisation are known exactly.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { prepare, runReplication } from '../../../simulations/simulate.ts';
import { estimate } from '../../../simulations/stats/confidence.ts';

const modelXml = readFileSync(new URL('../fixtures/one-task.bpmn', import.meta.url), 'utf8');

/** Probability an arrival waits (Erlang C), offered load a = λ/μ. */
export function erlangC(servers: number, offeredLoad: number): number {
  let term = 1;
  let sum = 1;
  for (let k = 1; k < servers; k++) {
    term *= offeredLoad / k;
    sum += term;
  }
  const last = (term * offeredLoad) / servers;
  const rho = offeredLoad / servers;
  const top = last / (1 - rho);
  return top / (sum + top);
}

function scenario(servers: number, perHour: number, meanMinutes: number): string {
  return `
title: M/M/${servers}
model: one-task.bpmn
seed: 11
replications: 10
start: 2026-01-05
warmUpDays: 10
days: 120
arrivals: { perYear: ${perHour * 24 * 365.25}, source: "queueing-theory test" }
staff: { desk: { count: ${servers}, hours: 24/7, assumed: "test: c servers" } }
durations: { serve: { exponential: { mean: ${meanMinutes} }, assumed: "test: M/M/c" } }
`;
}

const cases = [
  { servers: 1, perHour: 3, meanMinutes: 10 }, // ρ = 0.5
  { servers: 2, perHour: 9.6, meanMinutes: 10 }, // ρ = 0.8
  { servers: 5, perHour: 27, meanMinutes: 10 }, // ρ = 0.9
];

describe('M/M/c against Erlang C', () => {
  for (const { servers, perHour, meanMinutes } of cases) {
    const offeredLoad = (perHour * meanMinutes) / 60;
    const rho = offeredLoad / servers;
    // Each check is a test at the 1% level: with a fixed seed it passes or fails the same way every run.
    it(`given c = ${servers} and ρ = ${rho.toFixed(2)}, the mean wait and utilisation match theory within the 99% interval`, async () => {
      const plan = await prepare({ scenarioText: scenario(servers, perHour, meanMinutes), scenarioFile: 'mmc.yaml', modelXml, modelFile: 'one-task.bpmn' });
      const results = Array.from({ length: plan.scenario.replications }, (_, replication) => runReplication(plan, replication));
      const wait = estimate(results.map((result) => result.pools.desk!.meanWaitHours), 0.99);
      const utilisation = estimate(results.map((result) => result.pools.desk!.utilisation), 0.99);
      const waitHours = erlangC(servers, offeredLoad) / (servers * (60 / meanMinutes) - perHour);
      // The comparison table for the record (vitest shows it; nothing depends on it).
      console.log(`Erlang C M/M/${servers} rho=${rho.toFixed(2)}: mean wait theory ${(waitHours * 60).toFixed(2)} min, simulated ${(wait.mean * 60).toFixed(2)} min (99% ${(wait.low * 60).toFixed(2)}–${(wait.high * 60).toFixed(2)}); utilisation theory ${rho.toFixed(3)}, simulated ${utilisation.mean.toFixed(3)} (${utilisation.low.toFixed(3)}–${utilisation.high.toFixed(3)})`);
      expect(wait.low).toBeLessThanOrEqual(waitHours);
      expect(wait.high).toBeGreaterThanOrEqual(waitHours);
      expect(utilisation.low).toBeLessThanOrEqual(rho);
      expect(utilisation.high).toBeGreaterThanOrEqual(rho);
      for (const result of results) expect(result.littlesLaw.relativeGap).toBeLessThan(0.03);
    });
  }
});
