/**
 * Synthetic incidents: each draws its case variables from the scenario's population, in the
 * shared vocabulary, conditional where one depends on another (thresholdLevel given agreedRisk).
 * Variables a scenario leaves out take the vocabulary's default; agreedRisk follows dashRisk as
 * in case files. The result is the condition context the model's FEEL conditions read.
 */
import type { Problem } from '../../engine/problems.ts';
import { allowedValues, isVariableName, variableNames, variables, type VariableName } from '../../engine/vocabulary.ts';
import type { RandomStream } from '../random/random-stream.ts';
import type { PopulationEntry } from '../scenario/schema.ts';

export type CaseContext = Record<string, unknown>;

/** Draws one value given the context drawn so far. */
type Draw = (random: RandomStream, context: CaseContext) => unknown;

interface Table {
  values: unknown[];
  cumulative: number[];
}

export interface Population {
  /** Variables in drawing order (parents before children). */
  readonly order: readonly string[];
  draw(random: RandomStream): CaseContext;
}

function table(values: unknown[], weightsByValue: number[]): Table {
  const total = weightsByValue.reduce((sum, weight) => sum + weight, 0);
  let running = 0;
  return { values, cumulative: weightsByValue.map((weight) => (running += weight / total)) };
}

function pick(entry: Table, random: RandomStream): unknown {
  const u = random.uniform();
  const cumulative = entry.cumulative;
  for (let i = 0; i < cumulative.length - 1; i++) if (u < cumulative[i]!) return entry.values[i];
  return entry.values[cumulative.length - 1];
}

/** Builds the population; problems name the key under `population.` and the allowed values. */
export function compilePopulation(
  spec: Readonly<Record<string, PopulationEntry>>,
  file: string,
  /** Variables whose vocabulary default the model can read; others are left out to save time. */
  defaultsFor: readonly string[] = variableNames,
): { population: Population; problems: Problem[] } {
  const problems: Problem[] = [];
  const problem = (path: string, message: string) => problems.push({ code: 'scenario-invalid', file, path: `population.${path}`, message });
  const draws = new Map<string, Draw>();
  const parents = new Map<string, string>();

  const weightTable = (name: VariableName, weights: number | Record<string, number>, path: string): Table | undefined => {
    const type = variables[name].type;
    if (type.kind === 'boolean') {
      if (typeof weights !== 'number') {
        problem(path, `${name} is yes/no: give the probability of true, e.g. 0.1`);
        return undefined;
      }
      return table([true, false], [weights, 1 - weights]);
    }
    if (typeof weights === 'number') {
      problem(path, `${name} takes ${allowedValues(name)?.join(', ') ?? 'values'}: give a weight for each, e.g. { ${String(allowedValues(name)?.[0])}: 0.5, … }`);
      return undefined;
    }
    const allowed = allowedValues(name) ?? [];
    const values: unknown[] = [];
    const weightList: number[] = [];
    for (const [key, weight] of Object.entries(weights)) {
      const value = allowed.find((candidate) => String(candidate) === key);
      if (value === undefined) {
        problem(`${path}.${key}`, `"${key}" is not a value of ${name}; use one of: ${allowed.join(', ')}`);
        continue;
      }
      values.push(value);
      weightList.push(weight);
    }
    if (weightList.reduce((sum, weight) => sum + weight, 0) <= 0) {
      problem(path, `the weights of ${name} add up to 0; give at least one value a weight above 0`);
      return undefined;
    }
    return table(values, weightList);
  };

  for (const [name, entry] of Object.entries(spec)) {
    if (!isVariableName(name)) {
      problem(name, `"${name}" is not a case variable; use one of: ${variableNames.join(', ')}`);
      continue;
    }
    const type = variables[name].type;
    if (type.kind === 'children') {
      if (typeof entry !== 'object' || !('count' in entry)) {
        problem(name, 'children needs { count: { 1: weight, 2: weight, … }, underFive: probability a child is under five }');
        continue;
      }
      const counts = Object.entries(entry.count);
      const bad = counts.find(([count]) => !/^\d+$/.test(count) || Number(count) > 12);
      if (bad) {
        problem(`${name}.count.${bad[0]}`, 'a number of children is a whole number from 0 to 12');
        continue;
      }
      const countTable = table(counts.map(([count]) => Number(count)), counts.map(([, weight]) => weight));
      const underFive = entry.underFive;
      draws.set(name, (random) => {
        const count = pick(countTable, random) as number;
        const children: { age: number }[] = [];
        for (let i = 0; i < count; i++) {
          // Ages uniform within under five (0–4) or five and over (5–17).
          const age = random.uniform() < underFive ? Math.floor(random.uniform() * 5) : 5 + Math.floor(random.uniform() * 13);
          children.push({ age });
        }
        return children;
      });
      continue;
    }
    if (typeof entry === 'object' && 'given' in entry && 'table' in entry && typeof entry.given === 'string') {
      const conditional = entry as { given: string; table: Record<string, number | Record<string, number>> };
      const parent = conditional.given;
      if (!isVariableName(parent) || variables[parent].type.kind === 'children') {
        problem(`${name}.given`, `"${parent}" is not a variable ${name} can depend on; use a yes/no or listed-value variable`);
        continue;
      }
      parents.set(name, parent);
      const byParent = new Map<unknown, Table>();
      const parentValues = allowedValues(parent) ?? [];
      for (const [key, weights] of Object.entries(conditional.table)) {
        const parentValue = parentValues.find((candidate) => String(candidate) === key);
        if (parentValue === undefined) {
          problem(`${name}.table.${key}`, `"${key}" is not a value of ${parent}; use one of: ${parentValues.join(', ')}`);
          continue;
        }
        const weightsTable = weightTable(name, weights, `${name}.table.${key}`);
        if (weightsTable) byParent.set(parentValue, weightsTable);
      }
      const missing = parentValues.filter((value) => !byParent.has(value));
      if (missing.length > 0 && !(parent === 'dashRisk' && missing.every((value) => value === 'none'))) {
        problem(`${name}.table`, `give ${name}'s weights for every value of ${parent}; missing: ${missing.join(', ')}`);
        continue;
      }
      draws.set(name, (random, context) => {
        const weightsTable = byParent.get(context[parent]);
        return weightsTable ? pick(weightsTable, random) : variables[name].type.kind === 'boolean' ? false : undefined;
      });
      continue;
    }
    if (typeof entry === 'object' && ('count' in entry || 'given' in entry)) {
      problem(name, `${name} takes a weight table or { given, table }`);
      continue;
    }
    const weightsTable = weightTable(name, entry as number | Record<string, number>, name);
    if (weightsTable) draws.set(name, (random) => pick(weightsTable, random));
  }

  // Parents before children; a cycle is the user's to break.
  const order: string[] = [];
  const visiting = new Set<string>();
  const visit = (name: string): void => {
    if (order.includes(name)) return;
    if (visiting.has(name)) {
      problem(name, `${name} depends on itself through "given"; remove one of the dependencies`);
      return;
    }
    visiting.add(name);
    const given = parents.get(name);
    // Without its own entry agreedRisk is set from dashRisk, so a child of it waits for dashRisk.
    const parent = given === 'agreedRisk' && !draws.has('agreedRisk') ? 'dashRisk' : given;
    if (parent && draws.has(parent)) visit(parent);
    visiting.delete(name);
    order.push(name);
  };
  for (const name of draws.keys()) visit(name);
  for (const [child, parent] of parents) {
    const available = draws.has(parent) || (parent === 'agreedRisk' && draws.has('dashRisk'));
    if (!available) {
      problem(`${child}.given`, `${child} depends on ${parent}, which the population does not give; add ${parent} to the population`);
    }
  }

  const defaults: [string, unknown][] = variableNames.filter((name) => defaultsFor.includes(name) && !draws.has(name) && 'default' in variables[name]).map((name) => [name, (variables[name] as { default: unknown }).default]);
  const orderedDraws = order.map((name) => [name, draws.get(name)!] as const);
  const agreedRiskDrawn = draws.has('agreedRisk');

  const population: Population = {
    order,
    draw(random) {
      const context: CaseContext = {};
      for (const [name, value] of defaults) context[name] = value;
      for (let i = 0; i < orderedDraws.length; i++) {
        const [name, draw] = orderedDraws[i]!;
        context[name] = draw(random, context);
        // agreedRisk follows dashRisk unless the population draws it (as in case files).
        if (!agreedRiskDrawn && name === 'dashRisk') context.agreedRisk = context.dashRisk === 'none' ? 'standard' : context.dashRisk;
      }
      if (!agreedRiskDrawn && context.agreedRisk === undefined && typeof context.dashRisk === 'string') {
        context.agreedRisk = context.dashRisk === 'none' ? 'standard' : context.dashRisk;
      }
      const children = Array.isArray(context.children) ? (context.children as { age: number }[]) : [];
      let underFive = false;
      for (const child of children) if (child.age < 5) underFive = true;
      context.childUnderFive = underFive;
      context.childCount = children.length;
      return context;
    },
  };
  return { population, problems };
}
