/**
 * Conformance: the simulator's compiled graph and bpmn-engine (the reference executor, pinned in
 * package.json) must visit the same elements, take the same flows and report the same outcomes
 * and notifications, for every bundled case file and for 10,000 incidents drawn from each
 * model's baseline population.
 *
 * bpmn-engine runs a Derby case in about half a second (its dead-path elimination sends hundreds
 * of discard messages), so it cannot run 50,000 cases in CI. It reads a case only through the
 * FEEL conditions we evaluate for it, so two incidents for which feelin gives the same truth value
 * to every condition on every element the simulator visited are indistinguishable to it: up to
 * the first element where the two executors could differ, both saw the same inputs. Incidents are
 * grouped by that key and bpmn-engine runs one of each group; every incident is still checked.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseModel, type Model } from '../../../engine/model.ts';
import { runCase, conditionContext } from '../../../engine/run.ts';
import { evaluateCondition } from '../../../engine/feel.ts';
import { parseCaseFile } from '../../../engine/case-file.ts';
import { prepare, runReplication, type Plan } from '../../../simulations/simulate.ts';
import { randomStream } from '../../../simulations/random/random-stream.ts';
import { outcomeList, notificationList } from '../../../simulations/model/graph.ts';
import type { CaseContext } from '../../../simulations/domain/population.ts';

const drawsPerModel = 10_000;

interface Walk {
  visited: string[];
  flows: string[];
  outcomes: string[];
  notifications: string[];
}

/** The simulator's walk of each incident (all arriving at once; order of completion kept). */
function simulatorWalks(plan: Plan, contexts: readonly CaseContext[], arrivedAt: number): Walk[] {
  const walks = new Map<CaseContext, Walk>();
  runReplication(plan, 0, {
    trace: true,
    incidents: contexts.map((context) => ({ context, arrivedAt })),
    onComplete(incident) {
      walks.set(incident.context, {
        visited: incident.trace!,
        flows: incident.flows!,
        outcomes: outcomeList.filter((_, bit) => incident.outcomes & (1 << bit)),
        notifications: notificationList.filter((_, bit) => incident.notifications & (1 << bit)),
      });
    },
  });
  return contexts.map((context) => walks.get(context)!);
}

const sorted = (values: readonly string[]) => [...values].sort();

/** Parallel branches interleave differently in time, so compare multisets; sequences otherwise. */
function comparable(walk: Walk, model: Model, hasParallel: boolean) {
  const named = walk.visited.filter((id) => model.nodes.has(id));
  return {
    visited: hasParallel ? sorted(named) : named,
    flows: sorted(walk.flows),
    outcomes: sorted(walk.outcomes),
    notifications: sorted(walk.notifications),
  };
}

const models = readdirSync('models').filter((file) => file.endsWith('.bpmn')).map((file) => file.replace(/\.bpmn$/, ''));

describe.each(models)('%s: simulator and bpmn-engine', (name) => {
  const modelFile = `models/${name}.bpmn`;
  const scenarioFile = `models/scenarios/${name}-baseline.yaml`;
  const modelXml = readFileSync(modelFile, 'utf8');

  it('given every bundled case file, visit the same elements with the same outcomes and notifications', async () => {
    const model = await parseModel(modelXml, modelFile);
    const plan = await prepare({ scenarioText: readFileSync(scenarioFile, 'utf8'), scenarioFile, modelXml, modelFile });
    const hasParallel = [...model.nodes.values()].some((node) => node.type === 'parallelGateway');
    const folder = `models/cases/${name}`;
    const files = readdirSync(folder).filter((file) => file.endsWith('.yaml'));
    expect(files.length).toBeGreaterThanOrEqual(15);
    for (const file of files) {
      const caseFile = parseCaseFile(readFileSync(`${folder}/${file}`, 'utf8'), `${folder}/${file}`);
      const reference = await runCase(model, { variables: caseFile.variables, receivedAt: caseFile.receivedAt });
      const [walk] = simulatorWalks(plan, [conditionContext(caseFile.variables)], caseFile.receivedAt);
      expect(comparable(walk!, model, hasParallel), file).toEqual(
        comparable({ visited: reference.path.map((step) => step.id), flows: reference.flowsTaken, outcomes: reference.outcomes, notifications: reference.notifications }, model, hasParallel),
      );
    }
  }, 600_000);

  it.runIf(existsSync(scenarioFile))(`given ${drawsPerModel} incidents drawn from the baseline population, every one matches bpmn-engine`, async () => {
    const model = await parseModel(modelXml, modelFile);
    const plan = await prepare({ scenarioText: readFileSync(scenarioFile, 'utf8'), scenarioFile, modelXml, modelFile });
    const hasParallel = [...model.nodes.values()].some((node) => node.type === 'parallelGateway');
    const random = randomStream(plan.scenario.seed, 0, 'population');
    const contexts = Array.from({ length: drawsPerModel }, () => plan.population.draw(random));
    const walks = simulatorWalks(plan, contexts, plan.startAt);
    expect(walks.every(Boolean)).toBe(true);

    const groups = new Map<string, { context: CaseContext; walk: Walk; members: number }>();
    contexts.forEach((context, index) => {
      const walk = walks[index]!;
      const truths = walk.visited.flatMap((id) =>
        (model.nodes.get(id)?.outgoing ?? []).map((flowId) => {
          const condition = model.flows.get(flowId)!.condition;
          return condition ? (evaluateCondition(condition, conditionContext(context)) ? '1' : '0') : '';
        }),
      );
      const key = `${walk.visited.join('>')}|${truths.join('')}`;
      const group = groups.get(key);
      if (group) {
        group.members++;
        // Same key, so the simulator must also have walked the same way for every member.
        expect(walk.visited).toEqual(group.walk.visited);
      } else groups.set(key, { context, walk, members: 1 });
    });

    for (const group of groups.values()) {
      const reference = await runCase(model, { variables: group.context, receivedAt: plan.startAt });
      expect(comparable(group.walk, model, hasParallel)).toEqual(
        comparable({ visited: reference.path.map((step) => step.id), flows: reference.flowsTaken, outcomes: reference.outcomes, notifications: reference.notifications }, model, hasParallel),
      );
    }
    console.log(`${name}: ${drawsPerModel} drawn incidents in ${groups.size} groups, each group run through bpmn-engine; all match`);
  }, 900_000);
});
