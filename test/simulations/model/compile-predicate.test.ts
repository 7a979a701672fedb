import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { evaluate } from 'feelin';
import { describe, expect, it } from 'vitest';
import { parseModel } from '../../../engine/model.ts';
import { allowedValues, derivedNames, isVariableName, variableNames, type DerivedName } from '../../../engine/vocabulary.ts';
import { compilePredicate, type CompiledPredicate } from '../../../simulations/model/compile-predicate.ts';

type Context = Record<string, unknown>;
type Outcome = { value: unknown } | { error: string };

function outcome(run: () => unknown): Outcome {
  try {
    return { value: run() };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

/** What the reference executor decides: feelin's value is exactly true, or feelin throws. */
function feelinVerdict(source: string, context: Context): Outcome {
  return outcome(() => evaluate(source, context).value === true);
}

function compiledVerdict(compiled: CompiledPredicate, context: Context): Outcome {
  return outcome(() => compiled.predicate(context));
}

/**
 * A predicate only says whether the value is true; `not(E)` is true exactly when E is false, so
 * comparing both E and not(E) with feelin checks the three-valued result (true, false, null).
 */
function pairOf(source: string): [CompiledPredicate, CompiledPredicate] {
  // The line break ends a trailing // comment before the closing parenthesis.
  return [compilePredicate(source), compilePredicate(`not(${source}\n)`)];
}

/** Disagreements between the compiled pair and feelin over the contexts, for a readable failure. */
function disagreements(source: string, contexts: readonly Context[]): string[] {
  const [plain, negated] = pairOf(source);
  const found: string[] = [];
  for (const context of contexts) {
    for (const compiled of [plain, negated]) {
      const mine = compiledVerdict(compiled, context);
      const theirs = feelinVerdict(compiled.source, context);
      if (!sameOutcome(mine, theirs)) {
        found.push(`${compiled.source} with ${show(context)}: compiled ${JSON.stringify(mine)}, feelin ${JSON.stringify(theirs)}`);
      }
    }
  }
  return found;
}

function sameOutcome(a: Outcome, b: Outcome): boolean {
  if ('error' in a || 'error' in b) return 'error' in a && 'error' in b && a.error === b.error;
  return a.value === b.value;
}

function show(context: Context): string {
  const parts = Object.entries(context).map(([key, value]) => {
    if (value === undefined) return `${key}: undefined`;
    if (typeof value === 'number' && Number.isNaN(value)) return `${key}: NaN`;
    if (value instanceof Date) return `${key}: Date(${value.toISOString()})`;
    return `${key}: ${JSON.stringify(value)}`;
  });
  return `{ ${parts.join(', ')} }`;
}

/** feelin's value (a bare name can give any value), or the error it throws. */
type Expected = boolean | null | string | { throws: string };

interface Row {
  readonly source: string;
  readonly context: Context;
  readonly expected: Expected;
}

function describeExpected(expected: Expected): string {
  return typeof expected === 'object' && expected !== null ? `throws "${expected.throws}"` : String(expected);
}

/**
 * Checks one row three ways: feelin really gives the expected value (so the row documents
 * feelin's rule), the expression compiles natively, and the compiled E and not(E) agree.
 */
function checkRow({ source, context, expected }: Row): void {
  const value = outcome(() => evaluate(source, context).value);
  if (typeof expected === 'object' && expected !== null) expect(value).toEqual({ error: expected.throws });
  else expect(value).toEqual({ value: expected });

  const [plain, negated] = pairOf(source);
  expect(plain.native).toBe(true);
  expect(negated.native).toBe(true);
  if (typeof expected === 'object' && expected !== null) {
    expect(compiledVerdict(plain, context)).toEqual({ error: expected.throws });
    expect(compiledVerdict(negated, context)).toEqual({ error: expected.throws });
  } else {
    expect(plain.predicate(context)).toBe(expected === true);
    expect(negated.predicate(context)).toBe(expected === false);
  }
  expect(disagreements(source, [context])).toEqual([]);
}

function rows(table: readonly Row[]) {
  return table.map((row) => ({ ...row, given: show(row.context), outcome: describeExpected(row.expected) }));
}

const whenThen = 'given $given, when `$source` is compiled and run, then it agrees with feelin: $outcome';

describe('compilePredicate: literals, names and parentheses', () => {
  it.each(
    rows([
      { source: 'true', context: {}, expected: true },
      { source: 'false', context: {}, expected: false },
      { source: 'null', context: {}, expected: null },
      { source: '(true)', context: {}, expected: true },
      { source: 'pregnant', context: { pregnant: true }, expected: true },
      { source: 'pregnant', context: { pregnant: false }, expected: false },
      { source: 'pregnant', context: {}, expected: null },
      { source: 'pregnant', context: { pregnant: undefined }, expected: null },
      { source: 'pregnant', context: { pregnant: 'yes' }, expected: 'yes' },
      { source: 'childUnderFive', context: { childUnderFive: true }, expected: true },
      { source: '((childUnderFive))', context: { childUnderFive: true }, expected: true },
      { source: 'pregnant /* a comment */ and consentToShare // end', context: { pregnant: true, consentToShare: true }, expected: true },
    ]),
  )(whenThen, (row) => checkRow(row));
});

describe('compilePredicate: = and !=', () => {
  it.each(
    rows([
      { source: 'dashRisk = "high"', context: { dashRisk: 'high' }, expected: true },
      { source: 'dashRisk = "high"', context: { dashRisk: 'medium' }, expected: false },
      { source: 'null = "high"', context: {}, expected: false },
      { source: 'dashRisk = "high"', context: {}, expected: false },
      { source: 'dashRisk != "high"', context: {}, expected: true },
      { source: 'dashRisk = null', context: {}, expected: true },
      { source: 'dashRisk = null', context: { dashRisk: 'high' }, expected: false },
      { source: 'null = null', context: {}, expected: true },
      { source: 'thresholdLevel = 3', context: { thresholdLevel: '3' }, expected: null },
      { source: 'thresholdLevel != 3', context: { thresholdLevel: '3' }, expected: null },
      { source: 'thresholdLevel = 3', context: { thresholdLevel: 3 }, expected: true },
      { source: 'true = 1', context: {}, expected: null },
      { source: 'pregnant = true', context: { pregnant: true }, expected: true },
      { source: 'pregnant = false', context: { pregnant: true }, expected: false },
      { source: 'pregnant = immediateRisk', context: { pregnant: false, immediateRisk: false }, expected: true },
      { source: 'pregnant != immediateRisk', context: { pregnant: false }, expected: true },
      { source: 'childCount = thresholdLevel', context: { childCount: Number.NaN, thresholdLevel: Number.NaN }, expected: false },
      { source: 'dashRisk = agreedRisk', context: { dashRisk: 'high', agreedRisk: 3 }, expected: null },
    ]),
  )(whenThen, (row) => checkRow(row));
});

describe('compilePredicate: <, <=, > and >=', () => {
  it.each(
    rows([
      { source: 'thresholdLevel >= 3', context: { thresholdLevel: 3 }, expected: true },
      { source: 'thresholdLevel >= 3', context: { thresholdLevel: 2 }, expected: false },
      { source: 'thresholdLevel > 3', context: {}, expected: null },
      { source: 'thresholdLevel > 3', context: { thresholdLevel: 'abc' }, expected: false },
      { source: 'thresholdLevel >= 3', context: { thresholdLevel: 'abc' }, expected: true },
      { source: 'thresholdLevel <= 3', context: { thresholdLevel: 'abc' }, expected: true },
      { source: 'thresholdLevel < 3', context: { thresholdLevel: 'abc' }, expected: false },
      { source: 'thresholdLevel > 3', context: { thresholdLevel: '5' }, expected: true },
      { source: 'thresholdLevel > 0', context: { thresholdLevel: true }, expected: true },
      { source: '"b" > "a"', context: {}, expected: true },
      { source: 'thresholdLevel > null', context: { thresholdLevel: 1 }, expected: null },
      { source: 'thresholdLevel < childCount', context: { thresholdLevel: 1 }, expected: null },
      { source: 'thresholdLevel < childCount', context: { thresholdLevel: 1, childCount: 2 }, expected: true },
      { source: 'thresholdLevel > true', context: { thresholdLevel: 1 }, expected: { throws: 'unsupported range: true..null' } },
      { source: 'thresholdLevel < pregnant', context: { pregnant: false }, expected: { throws: 'unsupported range: null..false' } },
    ]),
  )(whenThen, (row) => checkRow(row));
});

describe('compilePredicate: and, or, not', () => {
  it.each(
    rows([
      { source: 'true and null', context: {}, expected: null },
      { source: 'false and null', context: {}, expected: false },
      { source: 'null and false', context: {}, expected: false },
      { source: 'true or null', context: {}, expected: true },
      { source: 'false or null', context: {}, expected: null },
      { source: 'pregnant and consentToShare', context: { pregnant: true, consentToShare: 'yes' }, expected: null },
      { source: 'pregnant or consentToShare', context: { pregnant: 1, consentToShare: false }, expected: null },
      { source: 'not(null)', context: {}, expected: null },
      { source: 'not(1)', context: {}, expected: null },
      { source: 'not(pregnant)', context: { pregnant: false }, expected: true },
      { source: 'not(pregnant)', context: {}, expected: null },
      { source: 'not(not(pregnant))', context: { pregnant: true }, expected: true },
      { source: 'false and pregnant > true', context: {}, expected: { throws: 'unsupported range: true..null' } },
      { source: 'true or pregnant < true', context: {}, expected: { throws: 'unsupported range: null..true' } },
      {
        source: 'dashRisk = "high" or immediateRisk or thresholdLevel >= 3',
        context: { dashRisk: 'medium', thresholdLevel: 2 },
        expected: null,
      },
    ]),
  )(whenThen, (row) => checkRow(row));

  it('given a context that defines `not` itself, when not(x) runs natively, then feelin decides (the context value is not a function: null)', () => {
    const compiled = compilePredicate('not(pregnant)');
    const negated = compilePredicate('not(not(pregnant))');
    const context = { not: 5, pregnant: true };
    expect(compiled.native).toBe(true);
    expect(evaluate('not(not(pregnant))', context).value).toBeNull();
    expect(negated.predicate(context)).toBe(false);
    expect(disagreements('not(pregnant)', [context, { not: null, pregnant: false }, { not: undefined, pregnant: false }])).toEqual([]);
  });
});

describe('compilePredicate: in and between', () => {
  it.each(
    rows([
      { source: 'dashRisk in ["high", "medium"]', context: { dashRisk: 'medium' }, expected: true },
      { source: 'thresholdLevel in [1, "a"]', context: { thresholdLevel: 2 }, expected: false },
      { source: 'thresholdLevel in [1, "a"]', context: { thresholdLevel: '1' }, expected: false },
      { source: 'thresholdLevel in [1, "a"]', context: {}, expected: false },
      { source: 'thresholdLevel in [1, null]', context: {}, expected: true },
      { source: 'thresholdLevel in []', context: { thresholdLevel: 1 }, expected: false },
      { source: 'thresholdLevel in "a"', context: { thresholdLevel: 1 }, expected: false },
      { source: 'thresholdLevel = "a"', context: { thresholdLevel: 1 }, expected: null },
      { source: 'thresholdLevel in childCount', context: { thresholdLevel: 2 }, expected: null },
      { source: 'thresholdLevel in (1, 2)', context: { thresholdLevel: 2 }, expected: true },
      { source: 'thresholdLevel in (childCount, 1)', context: {}, expected: true },
      { source: 'thresholdLevel in > 3', context: { thresholdLevel: 4 }, expected: true },
      { source: 'thresholdLevel in > 3', context: {}, expected: null },
      { source: 'thresholdLevel in > 3', context: { thresholdLevel: 'a' }, expected: false },
      { source: 'thresholdLevel in [1..3]', context: { thresholdLevel: 3 }, expected: true },
      { source: 'thresholdLevel in (1..3)', context: { thresholdLevel: 3 }, expected: false },
      { source: 'thresholdLevel in ]1..3]', context: { thresholdLevel: 1 }, expected: false },
      { source: 'thresholdLevel in [null..3]', context: { thresholdLevel: -5 }, expected: true },
      { source: 'thresholdLevel in [null..null]', context: { thresholdLevel: 5 }, expected: null },
      { source: 'thresholdLevel in [3..1]', context: { thresholdLevel: 2 }, expected: true },
      { source: 'thresholdLevel in [3..1)', context: { thresholdLevel: 1 }, expected: false },
      { source: 'thresholdLevel in = 3', context: { thresholdLevel: 'a' }, expected: null },
      { source: 'thresholdLevel in != 3', context: { thresholdLevel: 'a' }, expected: null },
      { source: 'dashRisk in (= 3, "high")', context: { dashRisk: 'high' }, expected: true },
      { source: 'dashRisk in (> childCount, "high")', context: { dashRisk: 'low' }, expected: null },
      { source: 'thresholdLevel in [1.."a"]', context: { thresholdLevel: 1 }, expected: { throws: 'unsupported range: 1..a' } },
      { source: 'thresholdLevel in (1, > pregnant)', context: { thresholdLevel: 1, pregnant: true }, expected: { throws: 'unsupported range: true..null' } },
      { source: 'thresholdLevel between 1 and 3', context: { thresholdLevel: 2 }, expected: true },
      { source: 'thresholdLevel between 3 and 1', context: { thresholdLevel: 3 }, expected: true },
      { source: 'thresholdLevel between 1 and 3', context: { thresholdLevel: 'b' }, expected: true },
      { source: 'thresholdLevel between 1 and 3', context: {}, expected: null },
      { source: 'thresholdLevel between null and 3', context: { thresholdLevel: 2 }, expected: null },
      { source: 'thresholdLevel between childCount and 3', context: { thresholdLevel: 2 }, expected: null },
      { source: 'thresholdLevel between 1 and "a"', context: { thresholdLevel: 2 }, expected: { throws: 'unsupported range: 1..a' } },
      { source: 'thresholdLevel between true and false', context: {}, expected: { throws: 'unsupported range: true..false' } },
      { source: '(childCount > true) between 1 and "a"', context: {}, expected: { throws: 'unsupported range: 1..a' } },
    ]),
  )(whenThen, (row) => checkRow(row));
});

describe('compilePredicate: values the closures hand back to feelin', () => {
  it.each(
    rows([
      { source: 'thresholdLevel = 5', context: { thresholdLevel: [5] }, expected: true },
      { source: 'thresholdLevel in [1, 2]', context: { thresholdLevel: [1] }, expected: true },
      { source: 'thresholdLevel > 3', context: { thresholdLevel: [5] }, expected: true },
      { source: 'thresholdLevel in childCount', context: { thresholdLevel: 2, childCount: [1, 2] }, expected: true },
      { source: 'children = null', context: { children: [] }, expected: false },
      { source: 'children = childCount', context: { children: [{ age: 3 }], childCount: { age: 3 } }, expected: true },
      {
        source: 'receivedAt < sentAt',
        context: { receivedAt: new Date('2026-01-05T09:00:00Z'), sentAt: new Date('2026-01-06T09:00:00Z') },
        expected: true,
      },
    ]),
  )('given $given, when `$source` meets a list, a context or a date, then feelin judges it: $outcome', (row) => checkRow(row));
});

describe('compilePredicate: expressions outside the compiled subset', () => {
  const sources = [
    'for x in [1, 2] return x > 1',
    'some x in [1, 2] satisfies x > 1',
    'every child in children satisfies child.age > 4',
    'count([1, 2]) > 1',
    'count(children) > 1',
    'thresholdLevel + 1 > 2',
    'if pregnant then true else false',
    'date("2020-01-01") < date("2021-01-01")',
    'string length(dashRisk) > 3',
    'children[1].age < 5',
    'thresholdLevel instance of number',
    'pregnant in true',
    'count = 1',
    'toString = 1',
    'not(negand: pregnant)',
    'not(pregnant, immediateRisk)',
    '-thresholdLevel = -3',
  ];
  const contexts: Context[] = [
    {},
    { pregnant: true, immediateRisk: false, thresholdLevel: 3, dashRisk: 'high', children: [{ age: 3 }, { age: 7 }] },
    { pregnant: false, thresholdLevel: 1, dashRisk: 'none', children: [] },
  ];

  it.each(sources.map((source) => ({ source })))(
    'given `$source`, when it is compiled, then it is not native and still agrees with feelin',
    ({ source }) => {
      const compiled = compilePredicate(source);
      expect(compiled.native).toBe(false);
      expect(compiled.source).toBe(source);
      for (const context of contexts) expect(compiledVerdict(compiled, context)).toEqual(feelinVerdict(source, context));
    },
  );

  it('given `some x in [1, 2] satisfies x > 1`, when it runs, then feelin is true and so is the predicate', () => {
    expect(compilePredicate('some x in [1, 2] satisfies x > 1').predicate({})).toBe(true);
    expect(compilePredicate('count([1, 2]) > 1').predicate({})).toBe(true);
  });

  it('given an expression feelin cannot parse, when it is compiled, then compiling throws as every feelin evaluation would', () => {
    expect(() => evaluate('dashRisk =', {})).toThrow();
    expect(() => compilePredicate('dashRisk =')).toThrow(/syntax/i);
    expect(() => compilePredicate('')).toThrow();
  });
});

// ---------------------------------------------------------------------------------------------
// Every condition in every bundled model.

const modelsDir = fileURLToPath(new URL('../../../models/', import.meta.url));
const modelFiles = readdirSync(modelsDir).filter((file) => file.endsWith('.bpmn'));

const missing = Symbol('missing');
type Slot = unknown | typeof missing;

/** Values a name takes in the vocabulary, plus null, missing and one value of the wrong type. */
function domainOf(name: string): Slot[] {
  if (isVariableName(name)) {
    const allowed = allowedValues(name);
    if (allowed) {
      const wrongType = typeof allowed[0] === 'string' ? 3 : 'high';
      return [...allowed, null, missing, wrongType];
    }
    return [[], [{ age: 3 }], [{ age: 7 }, { age: 12 }], null, missing];
  }
  const derived = name as DerivedName;
  if (derived === 'childUnderFive') return [true, false, null, missing, 'yes'];
  if (derived === 'childCount') return [0, 1, 2, 3, 4, null, missing, '2'];
  return [null, missing];
}

function contextOf(names: readonly string[], slots: readonly Slot[]): Context {
  const context: Context = {};
  names.forEach((name, index) => {
    const slot = slots[index];
    if (slot !== missing) context[name] = slot;
  });
  return context;
}

function* product(domains: readonly Slot[][]): Generator<Slot[]> {
  if (domains.length === 0) {
    yield [];
    return;
  }
  const [first, ...rest] = domains;
  for (const value of first!) for (const tail of product(rest)) yield [value, ...tail];
}

describe('compilePredicate: every condition of every bundled model', () => {
  it('given the bundled models, when they are listed, then there is at least one with conditions', () => {
    expect(modelFiles.length).toBeGreaterThan(0);
  });

  it.each(modelFiles.map((file) => ({ file })))(
    'given $file, when each condition is compiled, then it is native and agrees with feelin on every combination of the values it reads (2000 sampled when there are more)',
    async ({ file }) => {
      const model = await parseModel(readFileSync(`${modelsDir}${file}`, 'utf8'), `models/${file}`);
      const conditions = new Map<string, readonly string[]>();
      for (const flow of model.flows.values()) {
        if (flow.condition) conditions.set(flow.condition.source, flow.condition.names);
      }
      expect(conditions.size).toBeGreaterThan(0);
      for (const [source, names] of conditions) {
        const compiled = compilePredicate(source);
        expect(compiled.native, source).toBe(true);
        const domains = names.map(domainOf);
        const size = domains.reduce((total, domain) => total * domain.length, 1);
        let contexts: Context[];
        if (size <= 2000) {
          contexts = [...product(domains)].map((slots) => contextOf(names, slots));
        } else {
          contexts = fc.sample(fc.tuple(...domains.map((domain) => fc.constantFrom(...domain))), { numRuns: 2000, seed: 42 }).map((slots) =>
            contextOf(names, slots),
          );
        }
        expect(disagreements(source, contexts), source).toEqual([]);
      }
    },
  );
});

// ---------------------------------------------------------------------------------------------
// Random expressions from the subset against random contexts.

const names = [...variableNames.filter((name) => name !== 'children'), ...(Object.keys(derivedNames) as DerivedName[])];

const stringValues = [...new Set(variableNames.flatMap((name) => (allowedValues(name) ?? []).filter((value) => typeof value === 'string')))] as string[];

const stringLiteral = fc.constantFrom(...stringValues, '', 'abc', '5', 'Z').map((value) => JSON.stringify(value));
const numberLiteral = fc.oneof(fc.integer({ min: -2, max: 6 }).map(String), fc.constantFrom('2.5', '0.0', '.5'));
const nameArb = fc.constantFrom(...names);
/** Operands that are not boolean literals (which `in` treats specially and the compiler leaves to feelin). */
const operand = fc.oneof({ weight: 4, arbitrary: nameArb }, { weight: 2, arbitrary: stringLiteral }, { weight: 2, arbitrary: numberLiteral }, {
  weight: 1,
  arbitrary: fc.constant('null'),
});
const atom = fc.oneof({ weight: 6, arbitrary: operand }, { weight: 1, arbitrary: fc.constantFrom('true', 'false') });
const compareOp = fc.constantFrom('=', '!=', '<', '<=', '>', '>=');

const unaryTest = fc.oneof(
  operand,
  fc.tuple(compareOp, atom).map(([op, value]) => `${op} ${value}`),
  fc
    .tuple(fc.constantFrom('[', '(', ']'), operand, operand, fc.constantFrom(']', ')', '['))
    .map(([open, start, end, close]) => `${open}${start}..${end}${close}`),
);

const { expression } = fc.letrec<{ expression: string; comparison: string; logic: string }>((tie) => ({
  expression: fc.oneof({ depthSize: 'small', withCrossShrink: true }, atom, tie('comparison'), tie('logic')),
  comparison: fc.oneof(
    fc.tuple(atom, compareOp, atom).map(([left, op, right]) => `${left} ${op} ${right}`),
    fc.tuple(atom, compareOp, tie('expression')).map(([left, op, right]) => `${left} ${op} (${right})`),
    fc.tuple(atom, atom, atom).map(([value, low, high]) => `${value} between ${low} and ${high}`),
    fc.tuple(atom, fc.array(atom, { maxLength: 4 })).map(([value, list]) => `${value} in [${list.join(', ')}]`),
    fc.tuple(atom, fc.array(atom, { maxLength: 3 })).map(([value, list]) => `${value} in ([${list.join(', ')}])`),
    fc.tuple(atom, unaryTest).map(([value, test]) => `${value} in ${test}`),
    fc.tuple(atom, fc.array(unaryTest, { minLength: 1, maxLength: 3 })).map(([value, tests]) => `${value} in (${tests.join(', ')})`),
  ),
  logic: fc.oneof(
    fc.tuple(tie('expression'), fc.constantFrom('and', 'or'), tie('expression')).map(([left, op, right]) => `(${left}) ${op} (${right})`),
    tie('expression').map((inner) => `not(${inner})`),
    tie('expression').map((inner) => `(${inner})`),
  ),
}));

const scalarValue = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...stringValues) },
  { weight: 3, arbitrary: fc.integer({ min: -2, max: 6 }) },
  { weight: 3, arbitrary: fc.boolean() },
  { weight: 2, arbitrary: fc.constantFrom<unknown>(null, undefined, 2.5, Number.NaN, '', '5', 'abc', 'Z') },
);
const oddValue = fc.constantFrom<unknown>([], [3], [null], ['high'], { age: 3 }, [{ age: 3 }], new Date('2026-01-05T09:00:00Z'));
const contextArb = fc.dictionary(nameArb, fc.oneof({ weight: 12, arbitrary: scalarValue }, { weight: 1, arbitrary: oddValue }), {
  maxKeys: names.length,
});

describe('compilePredicate: random expressions from the subset', () => {
  it('given random expressions and contexts (with null, missing, wrong-type and list values), when compiled, then each is native and agrees with feelin, errors included', () => {
    fc.assert(
      fc.property(expression, fc.array(contextArb, { minLength: 4, maxLength: 4 }), (source, contexts) => {
        const compiled = compilePredicate(source);
        expect(compiled.native, source).toBe(true);
        expect(disagreements(source, contexts)).toEqual([]);
      }),
      { numRuns: 400, seed: 20260105 },
    );
  });

  it('given random expressions, when compiled, then their not() wrappings and the expressions give complementary answers wherever feelin gives a boolean', () => {
    fc.assert(
      fc.property(expression, contextArb, (source, context) => {
        const value = outcome(() => evaluate(source, context).value);
        if (!('value' in value) || typeof value.value !== 'boolean') return;
        const [plain, negated] = pairOf(source);
        expect(plain.predicate(context)).toBe(value.value);
        expect(negated.predicate(context)).toBe(!value.value);
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});
