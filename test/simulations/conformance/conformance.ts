/**
 * Conformance: the simulator's compiled graph and bpmn-engine (the reference executor, pinned in
 * package.json) must visit the same elements, take the same flows and report the same outcomes
 * and notifications, for every bundled case file and for 10,000 incidents drawn from each
 * model's baseline population.
 *
 * bpmn-engine runs a case in about 50–100 ms on these models (without dead-path discards, see
 * engine/reference-source.ts), so 50,000 runs still do not fit in CI. It reads a case only through
 * the FEEL conditions we evaluate for it (with feelin), and BPMN's rules make those values decide
 * its route: an exclusive gateway takes its first true flow in document order (else the default),
 * other elements every true or unconditional flow. So each drawn incident is checked in two steps:
 * (1) at every element the simulator visited, the flows it took are the ones feelin's values
 * select under those rules (this checks the compiled predicates against feelin on every decision
 * of every incident); (2) incidents with the same route are grouped, and bpmn-engine runs one of
 * each group, which must follow that route.
 *
 * Every route is replayed (Warwickshire has about a thousand in 10,000 draws: a minute or two of
 * bpmn-engine). MASHFLOW_CONFORMANCE=quick replays the 40 most common routes per model, for a
 * quick look while editing a model; the test prints the share of draws the replayed routes cover.
 *
 * Each bundled case file is also run through the simulator with unlimited staff in the lanes'
 * hours: every step must start and end, and every deadline fall due and be judged, as in bpmn-engine.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseModel, type Model } from '../../../engine/model.ts';
import { runCase, runCaseFile, conditionContext } from '../../../engine/run.ts';
import { evaluateCondition } from '../../../engine/feel.ts';
import { parseCaseFile, type CaseFile } from '../../../engine/case-file.ts';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { hoursFromText } from '../../../simulations/calendar/working-hours.ts';
import { checkExpectations } from '../../../engine/check.ts';
import { prepare, runReplication, type Plan } from '../../../simulations/simulate.ts';
import { randomStream } from '../../../simulations/random/random-stream.ts';
import { outcomeList, notificationList } from '../../../simulations/model/graph.ts';
import type { CaseContext } from '../../../simulations/domain/population.ts';

const drawsPerModel = 10_000;
const routeLimit = process.env.MASHFLOW_CONFORMANCE === 'quick' ? 40 : Infinity;

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

/**
 * The model's baseline scenario with a case's durations and as many people in every lane as it
 * could use: the simulator then waits only for the lanes' hours and the meetings' sittings, as a
 * bpmn-engine case run does. Lanes keep the case's hours, else the model's, else work round the clock.
 */
function unlimitedStaffScenario(model: Model, caseFile: CaseFile): string {
  const unlimited = 'unlimited: the case run has no queues';
  const scenario = parseYaml(readFileSync(`models/scenarios/${model.file.replace(/^models\/|\.bpmn$/g, '')}-baseline.yaml`, 'utf8'));
  const staff: Record<string, unknown> = {};
  for (const lane of model.lanes) {
    const given = caseFile.hours[lane.id];
    const hours = given !== undefined ? (typeof given === 'string' ? hoursFromText(given) : given) : lane.staff?.hours ? undefined : '24/7';
    staff[lane.id] = hours === undefined ? { count: 100_000, assumed: unlimited } : { count: 100_000, hours, assumed: unlimited };
  }
  const tasks = [...model.nodes.values()].filter((node) => !/Gateway$|Event$/.test(node.type));
  return stringifyYaml({
    ...scenario,
    model: `../${model.file.replace(/^models\//, '')}`,
    start: '2025-01-01',
    warmUpDays: 0,
    staff,
    meetings: Object.fromEntries(tasks.filter((node) => node.meeting).map((node) => [node.id, { capacity: 100_000, assumed: unlimited }])),
    defaultDuration: { fixed: 0, assumed: 'the case file gives every duration' },
    durations: Object.fromEntries(tasks.map((node) => [node.id, { fixed: caseFile.durations[node.id] ?? 0, assumed: 'the case file' }])),
    backlog: [],
  });
}

/** Every bundled model, by name. */
export const bundledModels = readdirSync('models').filter((file) => file.endsWith('.bpmn')).map((file) => file.replace(/\.bpmn$/, ''));

/**
 * Models whose routes take long enough to replay that they get a test file of their own, so vitest
 * runs them beside the rest instead of after it (Warwickshire: about a thousand routes).
 */
export const heavyModels = ['warwickshire'];

/** The conformance specification, for the given models. */
export function describeConformance(models: readonly string[]): void {
  describe.each(models)('%s: simulator and bpmn-engine', (name) => {
    const modelFile = `models/${name}.bpmn`;
    const scenarioFile = `models/scenarios/${name}-baseline.yaml`;
    const modelXml = readFileSync(modelFile, 'utf8');

    it('given every bundled case file, bpmn-engine meets what each case expects and the simulator visits the same elements with the same outcomes and notifications', async () => {
      const model = await parseModel(modelXml, modelFile);
      const plan = await prepare({ scenarioText: readFileSync(scenarioFile, 'utf8'), scenarioFile, modelXml, modelFile });
      const hasParallel = [...model.nodes.values()].some((node) => node.type === 'parallelGateway');
      const folder = `models/cases/${name}`;
      const files = readdirSync(folder).filter((file) => file.endsWith('.yaml'));
      expect(files.length).toBeGreaterThanOrEqual(15);
      for (const file of files) {
        const caseFile = parseCaseFile(readFileSync(`${folder}/${file}`, 'utf8'), `${folder}/${file}`);
        const reference = await runCaseFile(model, caseFile);
        if (caseFile.expect) expect(checkExpectations(caseFile.expect, reference), `${file}: what the case expects`).toEqual([]);
        const [walk] = simulatorWalks(plan, [conditionContext(caseFile.variables)], caseFile.receivedAt);
        expect(comparable(walk!, model, hasParallel), file).toEqual(
          comparable({ visited: reference.path.map((step) => step.id), flows: reference.flowsTaken, outcomes: reference.outcomes, notifications: reference.notifications }, model, hasParallel),
        );
      }
    }, 600_000);

    it('given every bundled case file with its durations and unlimited staff in the lanes\' hours, the simulator starts and ends every step, and dates and judges every deadline, as bpmn-engine does', async () => {
      const model = await parseModel(modelXml, modelFile);
      const folder = `models/cases/${name}`;
      const files = readdirSync(folder).filter((file) => file.endsWith('.yaml'));
      let steps = 0;
      for (const file of files) {
        const caseFile = parseCaseFile(readFileSync(`${folder}/${file}`, 'utf8'), `${folder}/${file}`);
        const reference = await runCaseFile(model, caseFile);
        const plan = await prepare({ scenarioText: unlimitedStaffScenario(model, caseFile), scenarioFile, modelXml, modelFile });
        const simulated = runReplication(plan, 0, { explain: 'all', incidents: [{ context: conditionContext(caseFile.variables) as CaseContext, arrivedAt: caseFile.receivedAt }] });
        const timeline = simulated.explained?.[0]?.timeline ?? [];
        const times = (list: readonly { id: string; startedAt: number; endedAt: number }[]) =>
          list.filter((step) => model.nodes.has(step.id)).map(({ id, startedAt, endedAt }) => `${id} ${startedAt} ${endedAt}`).sort();
        expect(times(timeline), `${file}: step times`).toEqual(times(reference.path));
        const judged = (list: readonly { id: string; name: string; dueAt: number; met: boolean }[]) => list.map(({ id, name, dueAt, met }) => `${id} ${name} ${dueAt} ${met}`).sort();
        expect(
          judged(timeline.flatMap((step) => (step.deadline ? [{ id: step.id, ...step.deadline }] : []))),
          `${file}: deadlines`,
        ).toEqual(judged(reference.deadlines.map((deadline) => ({ id: deadline.element, ...deadline }))));
        steps += reference.path.length;
      }
      expect(steps).toBeGreaterThan(files.length);
    }, 600_000);

    it.runIf(existsSync(scenarioFile))(`given ${drawsPerModel} incidents drawn from the baseline population, every decision agrees with feelin and the common routes match bpmn-engine`, async () => {
      const model = await parseModel(modelXml, modelFile);
      const plan = await prepare({ scenarioText: readFileSync(scenarioFile, 'utf8'), scenarioFile, modelXml, modelFile });
      const hasParallel = [...model.nodes.values()].some((node) => node.type === 'parallelGateway');
      const random = randomStream(plan.scenario.seed, 0, 'population');
      const contexts = Array.from({ length: drawsPerModel }, () => {
        const context = plan.population.draw(random);
        // outOfHours normally follows the arrival time; here every incident arrives at once, so draw it.
        if (plan.officeHours) context.outOfHours = random.uniform() < 0.6;
        return context;
      });
      const walks = simulatorWalks(plan, contexts, plan.startAt);
      expect(walks.every(Boolean)).toBe(true);

      const feelinCache = new Map<string, boolean>();
      const feelinTrue = (flowId: string, context: CaseContext): boolean => {
        const condition = model.flows.get(flowId)!.condition;
        if (!condition) return true;
        const key = `${condition.source}|${condition.names.map((name) => JSON.stringify(conditionContext(context)[name])).join('|')}`;
        let value = feelinCache.get(key);
        if (value === undefined) {
          value = evaluateCondition(condition, conditionContext(context));
          feelinCache.set(key, value);
        }
        return value;
      };
      /** The flows BPMN's rules take out of a node, given feelin's values. */
      const selected = (nodeId: string, context: CaseContext): string[] => {
        const node = model.nodes.get(nodeId)!;
        const candidates = node.outgoing.filter((flowId) => flowId !== node.defaultFlow);
        if (node.type === 'endEvent') return [];
        if (node.type === 'exclusiveGateway') {
          const first = candidates.find((flowId) => feelinTrue(flowId, context));
          return first ? [first] : node.defaultFlow ? [node.defaultFlow] : [];
        }
        const taken = candidates.filter((flowId) => feelinTrue(flowId, context));
        const conditionalTaken = taken.some((flowId) => model.flows.get(flowId)!.condition);
        return !conditionalTaken && node.defaultFlow ? [...taken, node.defaultFlow] : taken;
      };

      const groups = new Map<string, { context: CaseContext; walk: Walk; members: number }>();
      contexts.forEach((context, index) => {
        const walk = walks[index]!;
        const decided = walk.visited.flatMap((id) => selected(id, context));
        expect(sorted(walk.flows), `incident ${index}: the simulator's flows against feelin's`).toEqual(sorted(decided));
        const key = `${walk.visited.join('>')}|${sorted(walk.flows).join(',')}`;
        const group = groups.get(key);
        if (group) group.members++;
        else groups.set(key, { context, walk, members: 1 });
      });

      // Most common routes first; ties by route, so the choice is the same on every run.
      const ordered = [...groups.entries()].sort(([a, x], [b, y]) => y.members - x.members || (a < b ? -1 : 1)).map(([, group]) => group);
      const checked = ordered.slice(0, routeLimit);
      for (const group of checked) {
        const reference = await runCase(model, { variables: group.context, receivedAt: plan.startAt });
        expect(comparable(group.walk, model, hasParallel)).toEqual(
          comparable({ visited: reference.path.map((step) => step.id), flows: reference.flowsTaken, outcomes: reference.outcomes, notifications: reference.notifications }, model, hasParallel),
        );
      }
      const covered = checked.reduce((sum, group) => sum + group.members, 0);
      console.log(
        `${name}: ${drawsPerModel} drawn incidents, every decision checked against feelin; ${groups.size} distinct routes, bpmn-engine ran ${checked.length} (covering ${((100 * covered) / drawsPerModel).toFixed(1)}% of the draws); all match`,
      );
    }, 900_000);
  });
}
