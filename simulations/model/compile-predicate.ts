/**
 * FEEL sequence-flow conditions compiled once into closures for the simulator.
 *
 * The reference executor evaluates a condition with feelin on every use (`evaluate(source,
 * context).value === true` takes the flow), which parses the expression each time. The simulator
 * evaluates the same conditions millions of times, so this module walks feelin's own lezer parse
 * tree once and composes small closures that give exactly feelin's result. Nothing is generated
 * or evaluated as code: the closures are fixed functions of this module, combined by the tree.
 *
 * Compiled natively (semantics copied from feelin's interpreter and checked against it in
 * test/simulations/model/compile-predicate.test.ts):
 * - literals: numbers, strings, `true`, `false`, `null`; variable names (case variables and
 *   derived names such as childUnderFive); parentheses;
 * - comparisons `=` `!=` `<` `<=` `>` `>=`, `x between a and b`;
 * - `and`, `or`, `not(x)`;
 * - `x in [a, b]`, `x in a`, `x in (a, > b, [c..d], != e)`, `x in > a`, `x in [a..b]`.
 *
 * feelin's rules that the closures reproduce:
 * - `and`/`or` are three-valued; any operand that is not a boolean counts as null. feelin always
 *   evaluates both sides; the closures skip the right one only when it cannot throw.
 * - `=`: null equals only null (`null = "high"` is false, so `x != "high"` is true when x is
 *   missing); values of different types are not comparable (null); otherwise strict equality.
 * - `<` `<=` `>` `>=` build a range from the right operand: a null right operand gives null, a
 *   boolean one throws "unsupported range"; a null left operand gives null; otherwise JavaScript's
 *   relational operators decide, coercion included (`"5" > 3` is true, `"abc" >= 3` is true
 *   because `"abc" < 3` is false).
 * - `not(x)` is null unless x is a boolean (a context that defines `not` itself goes to feelin).
 * - Where feelin throws ("unsupported range: true..null" for `x > true`), the predicate throws the
 *   same message.
 * - `in` with plain values is two-valued (an incomparable value does not match); with ranges and
 *   `=`/`!=` tests it is three-valued.
 * - A missing variable, or one holding undefined, is null.
 *
 * Anything else (other functions, arithmetic, `if`, `for`, `some`, paths, filters, temporal
 * literals…) is not compiled: the predicate then calls feelin each time and `native` is false.
 * At run time, a context value that is not a string, number, boolean or null (a list, an object,
 * a date…) reaching a comparison makes the native closure hand the whole expression to feelin,
 * so the answer stays exact; it is only slower.
 *
 * Contexts must be plain data objects (own enumerable properties, no getters) whose keys are plain
 * names such as the vocabulary's. feelin treats other keys specially, and the closures do not
 * repeat that per call: it parses the expression with the context's keys as known names (a key
 * "a or b" changes how it reads `a or b`; the compiled tree is the one feelin builds with no known
 * names, as engine/feel.ts parses conditions), and it finds a name under a key that differs only
 * by FEEL normalisation (" dashRisk" answers for dashRisk).
 */
import { evaluate, parseExpression } from 'feelin';

export type Predicate = (context: Readonly<Record<string, unknown>>) => boolean;

export interface CompiledPredicate {
  readonly source: string;
  readonly predicate: Predicate;
  /** false when the expression uses FEEL outside the compiled subset and feelin evaluates it each time */
  readonly native: boolean;
}

type Context = Readonly<Record<string, unknown>>;
type Evaluator = (context: Context) => unknown;

/** Compiles a FEEL expression (without its leading "="). Throws if feelin cannot parse it. */
export function compilePredicate(source: string): CompiledPredicate {
  const tree = buildTree(source);
  const viaFeelin: Predicate = (context) => evaluate(source, context as Record<string, unknown>).value === true;
  let root: Evaluator;
  try {
    root = compileExpression(tree, source).evaluate;
  } catch (error) {
    if (error instanceof OutsideSubset) return { source, predicate: viaFeelin, native: false };
    throw error;
  }
  const predicate: Predicate = (context) => {
    try {
      return root(context) === true;
    } catch (error) {
      if (error === handToFeelin) return viaFeelin(context);
      throw error;
    }
  };
  return { source, predicate, native: true };
}

// ---------------------------------------------------------------------------------------------
// The parse tree, as feelin's interpreter sees it: named nodes, skipped nodes (comments) dropped.

interface TreeNode {
  readonly name: string;
  readonly from: number;
  readonly to: number;
  readonly children: TreeNode[];
}

function buildTree(source: string): TreeNode {
  const root: TreeNode = { name: '__ROOT', from: 0, to: source.length, children: [] };
  const stack: TreeNode[] = [root];
  parseExpression(source, {}, undefined).iterate({
    enter(ref) {
      if (ref.type.isError) {
        throw new SyntaxError(`FEEL syntax error at character ${ref.from + 1} of "${source}"; feelin cannot evaluate it`);
      }
      if (ref.type.isSkipped) return false;
      const node: TreeNode = { name: ref.name, from: ref.from, to: ref.to, children: [] };
      stack[stack.length - 1]!.children.push(node);
      stack.push(node);
      return undefined;
    },
    leave(ref) {
      if (!ref.type.isSkipped) stack.pop();
    },
  });
  const top = root.children[root.children.length - 1];
  if (!top) throw new SyntaxError(`"${source}" is not a FEEL expression`);
  return top;
}

/** Thrown at compile time: the expression is evaluated by feelin instead. */
class OutsideSubset extends Error {}

function outside(node: TreeNode): never {
  throw new OutsideSubset(node.name);
}

/** Thrown at run time (never allocated per call): a value feelin must judge itself. */
const handToFeelin: unique symbol = Symbol('hand the expression to feelin');

// ---------------------------------------------------------------------------------------------
// Compiling.

interface Compiled {
  readonly evaluate: Evaluator;
  /** Whether evaluating can throw an error feelin would throw too ("unsupported range"). */
  readonly mayThrow: boolean;
  /** A literal's value, known at compile time. */
  readonly literal?: { readonly value: unknown };
  /** feelin tags boolean literals; `x in true` treats them specially. */
  readonly booleanLiteral: boolean;
  /** A variable's name: comparisons with a literal read it themselves, saving a call. */
  readonly variable?: string;
}

function compiled(evaluate: Evaluator, mayThrow: boolean): Compiled {
  return { evaluate, mayThrow, booleanLiteral: false };
}

function literal(value: unknown, booleanLiteral = false): Compiled {
  return { evaluate: () => value, mayThrow: false, literal: { value }, booleanLiteral };
}

function text(node: TreeNode, source: string): string {
  return source.slice(node.from, node.to);
}

function compileExpression(node: TreeNode, source: string): Compiled {
  const children = node.children;
  switch (node.name) {
    case 'Expression':
      if (children.length !== 1) outside(node);
      return compileExpression(children[0]!, source);
    case 'ParenthesizedExpression':
      if (children.length !== 3) outside(node);
      return compileExpression(children[1]!, source);
    case 'NumericLiteral': {
      // feelin: node.input.includes('.') ? parseFloat(node.input) : parseInt(node.input)
      const input = text(node, source);
      return literal(input.includes('.') ? parseFloat(input) : parseInt(input));
    }
    case 'StringLiteral': {
      const value = evaluate(text(node, source), {}).value;
      if (typeof value !== 'string') outside(node);
      return literal(value);
    }
    case 'BooleanLiteral':
      return literal(text(node, source) === 'true', true);
    case 'null':
      return literal(null);
    case 'VariableName':
      return compileVariable(node, source);
    case 'Disjunction':
    case 'Conjunction':
      return logic(node.name, operandsOf(node.name, node, source));
    case 'Comparison':
      return compileComparison(node, source);
    case 'FunctionInvocation':
      return compileNot(node, source);
    default:
      return outside(node);
  }
}

const plainName = /^[A-Za-z_][A-Za-z0-9_]*$/;

function compileVariable(node: TreeNode, source: string): Compiled {
  const name = text(node, source);
  const only = node.children[0];
  if (node.children.length !== 1 || only?.name !== 'Identifier' || text(only, source) !== name) outside(node);
  // Names with spaces or FEEL's special characters, names Object.prototype answers for, and
  // names of feelin's built-in functions (which a missing variable falls back to) stay with feelin.
  if (!plainName.test(name) || name in Object.prototype || resolvesWithoutContext(name)) outside(node);
  const evaluate: Evaluator = (context) => {
    // feelin: a missing name, or one holding undefined, is null.
    const value = context[name];
    return value === undefined ? null : value;
  };
  return { evaluate, mayThrow: false, booleanLiteral: false, variable: name };
}

function resolvesWithoutContext(name: string): boolean {
  try {
    return evaluate(name, {}).value !== null;
  } catch {
    return true;
  }
}

/**
 * The operands of a chain `a or b or c` (parentheses included): three-valued `and` and `or` are
 * associative, and feelin evaluates the operands left to right either way.
 */
function operandsOf(kind: string, node: TreeNode, source: string): Compiled[] {
  const inner = withoutParentheses(node);
  if (inner.name !== kind) return [compileExpression(inner, source)];
  if (inner.children.length !== 3) outside(inner);
  return [...operandsOf(kind, inner.children[0]!, source), ...operandsOf(kind, inner.children[2]!, source)];
}

/**
 * feelin's Conjunction / Disjunction over a chain: a non-boolean operand counts as null. feelin
 * evaluates every operand; once the answer is known the closure stops only if no operand left
 * can throw.
 */
function logic(kind: string, operands: readonly Compiled[]): Compiled {
  const count = operands.length;
  const evaluators = operands.map((operand) => operand.evaluate);
  /** safeFrom[i]: no operand from i on can throw. */
  const safeFrom = operands.map((_, index) => operands.slice(index).every((operand) => !operand.mayThrow));
  safeFrom.push(true);
  const mayThrow = !safeFrom[0];
  // `and` is decided by a false operand, `or` by a true one.
  const decisive = kind !== 'Conjunction';
  if (count === 2) {
    const [l, r] = evaluators as [Evaluator, Evaluator];
    const shortCircuit = safeFrom[1]!;
    return compiled((context) => {
      const a = l(context);
      if (a === decisive && shortCircuit) return decisive;
      const b = r(context);
      if (a === decisive || b === decisive) return decisive;
      return a === !decisive && b === !decisive ? !decisive : null;
    }, mayThrow);
  }
  return compiled((context) => {
    let unknown = false;
    for (let index = 0; index < count; index++) {
      const value = evaluators[index]!(context);
      if (value === decisive) {
        for (let rest = index + 1; rest < count && !safeFrom[rest]; rest++) evaluators[rest]!(context);
        return decisive;
      }
      if (value !== !decisive) unknown = true;
    }
    return unknown ? null : !decisive;
  }, mayThrow);
}

/** `not(x)`: feelin's built-in, unless the context itself defines `not`. */
function compileNot(node: TreeNode, source: string): Compiled {
  const [target, open, parameters, close] = node.children;
  if (
    node.children.length !== 4 ||
    target?.name !== 'VariableName' ||
    text(target, source) !== 'not' ||
    open?.name !== '(' ||
    close?.name !== ')' ||
    parameters?.name !== 'PositionalParameters' ||
    parameters.children.length !== 1
  ) {
    outside(node);
  }
  const negand = compileExpression(parameters.children[0]!, source);
  const n = negand.evaluate;
  return compiled((context) => {
    if (context.not !== undefined) throw handToFeelin;
    const value = n(context);
    return typeof value === 'boolean' ? !value : null;
  }, negand.mayThrow);
}

// ---------------------------------------------------------------------------------------------
// Comparisons.

/** string, number, boolean or null: the values the native closures judge themselves. */
function isScalar(value: unknown): value is string | number | boolean | null {
  if (value === null) return true;
  const type = typeof value;
  return type === 'string' || type === 'number' || type === 'boolean';
}

/** feelin's `equals` on scalars: null equals only null, other types are not comparable. */
function equals(a: unknown, b: unknown): boolean | null {
  if (a === null) return b === null;
  if (b === null) return false;
  if (!isScalar(a) || !isScalar(b)) throw handToFeelin;
  return typeof a === typeof b ? a === b : null;
}

type Order = '<' | '<=' | '>' | '>=';

/** `a <op> b` for non-null scalars, as feelin's range test decides it (JavaScript comparison). */
function ordered(op: Order, a: string | number | boolean, b: string | number): boolean {
  switch (op) {
    case '>':
      return a > b;
    case '>=':
      return !(a < b);
    case '<':
      return a < b;
    case '<=':
      return !(a > b);
  }
}

/** feelin's createRange refuses a bound that is not a number or a string (among scalars). */
function rangeBound(value: unknown): string | number {
  const type = typeof value;
  if (type === 'number' || type === 'string') return value as string | number;
  throw handToFeelin;
}

function unsupportedRange(start: unknown, end: unknown): Error {
  return new Error(`unsupported range: ${String(start)}..${String(end)}`);
}

/** The value tested against `<op> bound`: null when it or the bound is null; throws as feelin does. */
function orderTest(op: Order, value: unknown, bound: unknown): boolean | null {
  if (bound === null) return null;
  if (typeof bound === 'boolean') throw op === '>' || op === '>=' ? unsupportedRange(bound, null) : unsupportedRange(null, bound);
  const b = rangeBound(bound);
  if (value === null) return null;
  if (!isScalar(value)) throw handToFeelin;
  return ordered(op, value, b);
}

/** Whether a bound of a range can make feelin throw: anything but a number, string or null literal. */
function boundMayThrow(bound: Compiled): boolean {
  if (!bound.literal) return true;
  const value = bound.literal.value;
  return !(value === null || typeof value === 'number' || typeof value === 'string');
}

function isOrder(op: string): op is Order {
  return op === '<' || op === '<=' || op === '>' || op === '>=';
}

function compileComparison(node: TreeNode, source: string): Compiled {
  const children = node.children;
  const operator = children[1];
  if (!operator) return outside(node);
  if (operator.name === 'in') return compileIn(node, source);
  if (operator.name === 'between') {
    if (children.length !== 5) outside(node);
    return between(
      compileExpression(children[0]!, source),
      compileExpression(children[2]!, source),
      compileExpression(children[4]!, source),
    );
  }
  if (operator.name !== 'CompareOp' || children.length !== 3) outside(node);
  const op = text(operator, source);
  const left = compileExpression(children[0]!, source);
  const right = compileExpression(children[2]!, source);
  if (op === '=' || op === '!=') return equality(op, left, right);
  if (isOrder(op)) return order(op, left, right);
  return outside(node);
}

function equality(op: '=' | '!=', left: Compiled, right: Compiled): Compiled {
  const l = left.evaluate;
  const mayThrow = left.mayThrow || right.mayThrow;
  const negate = op === '!=';
  const known = right.literal;
  if (known && known.value !== null) {
    // The common case, `dashRisk = "high"` or `thresholdLevel = 2`.
    const k = known.value;
    const kType = typeof k;
    const name = left.variable;
    if (name !== undefined) {
      return compiled(
        negate
          ? (context) => {
              const a = context[name];
              if (a === undefined || a === null) return true;
              const type = typeof a;
              if (type === kType) return a !== k;
              if (type === 'string' || type === 'number' || type === 'boolean') return null;
              throw handToFeelin;
            }
          : (context) => {
              const a = context[name];
              if (a === undefined || a === null) return false;
              const type = typeof a;
              if (type === kType) return a === k;
              if (type === 'string' || type === 'number' || type === 'boolean') return null;
              throw handToFeelin;
            },
        false,
      );
    }
    return compiled(
      negate
        ? (context) => {
            const a = l(context);
            if (a === null) return true;
            const type = typeof a;
            if (type === kType) return a !== k;
            if (type === 'string' || type === 'number' || type === 'boolean') return null;
            throw handToFeelin;
          }
        : (context) => {
            const a = l(context);
            if (a === null) return false;
            const type = typeof a;
            if (type === kType) return a === k;
            if (type === 'string' || type === 'number' || type === 'boolean') return null;
            throw handToFeelin;
          },
      mayThrow,
    );
  }
  const r = right.evaluate;
  return compiled(
    negate
      ? (context) => {
          const result = equals(l(context), r(context));
          return result === null ? null : !result;
        }
      : (context) => equals(l(context), r(context)),
    mayThrow,
  );
}

function order(op: Order, left: Compiled, right: Compiled): Compiled {
  const l = left.evaluate;
  const known = right.literal;
  if (known && (typeof known.value === 'number' || typeof known.value === 'string')) {
    // The common case, `thresholdLevel >= 3`: the range is always valid.
    const b = known.value;
    if (left.variable !== undefined) return compiled(variableOrder(op, left.variable, b), false);
    return compiled((context) => {
      const a = l(context);
      if (a === null) return null;
      if (!isScalar(a)) throw handToFeelin;
      return ordered(op, a, b);
    }, left.mayThrow);
  }
  const r = right.evaluate;
  return compiled((context) => orderTest(op, l(context), r(context)), left.mayThrow || boundMayThrow(right));
}

/** `name <op> literal`, one closure per operator so none switches at run time. */
function variableOrder(op: Order, name: string, b: string | number): Evaluator {
  switch (op) {
    case '>':
      return (context) => {
        const a = context[name];
        if (a === undefined || a === null) return null;
        if (!isScalar(a)) throw handToFeelin;
        return a > b;
      };
    case '>=':
      return (context) => {
        const a = context[name];
        if (a === undefined || a === null) return null;
        if (!isScalar(a)) throw handToFeelin;
        return !(a < b);
      };
    case '<':
      return (context) => {
        const a = context[name];
        if (a === undefined || a === null) return null;
        if (!isScalar(a)) throw handToFeelin;
        return a < b;
      };
    case '<=':
      return (context) => {
        const a = context[name];
        if (a === undefined || a === null) return null;
        if (!isScalar(a)) throw handToFeelin;
        return !(a > b);
      };
  }
}

/** `x between a and b`: feelin evaluates a, then b, then x; a null bound gives null. */
function between(value: Compiled, start: Compiled, end: Compiled): Compiled {
  const v = value.evaluate;
  const s = start.evaluate;
  const e = end.evaluate;
  const mayThrow = value.mayThrow || start.mayThrow || end.mayThrow || !sameTypeLiterals(start, end);
  return compiled((context) => {
    const low = s(context);
    const high = e(context);
    if (low === null || high === null) return null;
    // feelin: createRange(low, high).includes(x): the range is checked before x is evaluated.
    checkRange(low, high);
    return inRange(v(context), low, high, true, true);
  }, mayThrow);
}

function sameTypeLiterals(start: Compiled, end: Compiled): boolean {
  if (!start.literal || !end.literal) return false;
  const a = start.literal.value;
  const b = end.literal.value;
  if (a === null || b === null) return !boundMayThrow(start) && !boundMayThrow(end);
  return typeof a === typeof b && !boundMayThrow(start) && !boundMayThrow(end);
}

/** feelin's createRange: bounds (not both null) must share the type number or string. */
function checkRange(start: unknown, end: unknown): void {
  if (!isScalar(start) || !isScalar(end)) throw handToFeelin;
  const startType = start === null ? null : typeof start;
  const endType = end === null ? null : typeof end;
  const type = startType ?? endType;
  if ((type !== 'number' && type !== 'string') || (startType !== null && startType !== type) || (endType !== null && endType !== type)) {
    throw unsupportedRange(start, end);
  }
}

/**
 * feelin's createRange(start, end, …).includes(value) on scalars: a range of two nulls is empty
 * (null), bounds must share the type number or string, a descending range is turned round.
 */
function inRange(value: unknown, start: unknown, end: unknown, startIncluded: boolean, endIncluded: boolean): boolean | null {
  if (start === null && end === null) return null;
  checkRange(start, end);
  if (value === null) return null;
  if (!isScalar(value)) throw handToFeelin;
  let low = start as string | number | null;
  let high = end as string | number | null;
  let lowIncluded = startIncluded;
  let highIncluded = endIncluded;
  if (low !== null && high !== null && low > high) {
    low = end as string | number;
    high = start as string | number;
    lowIncluded = endIncluded;
    highIncluded = startIncluded;
  }
  const afterStart = low === null || (lowIncluded ? !(value < low) : value > low);
  const beforeEnd = high === null || (highIncluded ? !(value > high) : value < high);
  return afterStart && beforeEnd;
}

// ---------------------------------------------------------------------------------------------
// `x in …`: feelin's compareIn. A test is a plain value (two-valued: an incomparable value does
// not match), a range (three-valued) or an `=`/`!=` test (three-valued).

/** One test of an `in`: the verdict for a value, after evaluating the test against the context. */
type Test = (context: Context, value: unknown) => boolean | null;

interface CompiledTest {
  readonly test: Test;
  readonly mayThrow: boolean;
}

function compileIn(node: TreeNode, source: string): Compiled {
  const children = node.children;
  const value = compileExpression(children[0]!, source);
  let tests: CompiledTest[];
  if (children.length === 3 && children[2]!.name === 'PositiveUnaryTest') {
    tests = compileSingleTest(children[2]!, source);
  } else if (
    children.length === 5 &&
    children[2]!.name === '(' &&
    children[3]!.name === 'PositiveUnaryTests' &&
    children[4]!.name === ')'
  ) {
    tests = children[3]!.children.map((test) => compileListedTest(test, source));
  } else {
    return outside(node);
  }
  const v = value.evaluate;
  const testFns = tests.map((test) => test.test);
  const count = testFns.length;
  const testsMayThrow = tests.some((test) => test.mayThrow);
  return compiled((context) => {
    const x = v(context);
    let unknown = false;
    for (let index = 0; index < count; index++) {
      const result = testFns[index]!(context, x);
      if (result === true) {
        // feelin evaluates every test before comparing; finish only if a later one could throw.
        if (!testsMayThrow) return true;
        for (let rest = index + 1; rest < count; rest++) testFns[rest]!(context, x);
        return true;
      }
      if (result === null) unknown = true;
    }
    return unknown ? null : false;
  }, value.mayThrow || testsMayThrow);
}

/**
 * Membership in a plain value: equals(test, value), an incomparable pair counting as no match.
 * A test value that is a list, a range or a function means something else to feelin.
 */
function scalarMatch(test: unknown, value: unknown): boolean {
  if (!isScalar(test)) throw handToFeelin;
  return equals(test, value) === true;
}

/** `x in <PositiveUnaryTest>`: a list, a unary test, or one value (null: unknown). */
function compileSingleTest(node: TreeNode, source: string): CompiledTest[] {
  if (node.children.length !== 1) outside(node);
  const inner = withoutParentheses(node.children[0]!);
  if (inner.name === 'List') {
    const elements = inner.children.slice(1, -1).map((element) => compileExpression(element, source));
    return elements.map((element) => {
      const e = element.evaluate;
      return { test: (context, value) => scalarMatch(e(context), value), mayThrow: element.mayThrow };
    });
  }
  if (inner.name === 'SimplePositiveUnaryTest') return [compileUnaryTest(inner, source)];
  const expression = compileExpression(inner, source);
  if (expression.booleanLiteral) outside(inner);
  const e = expression.evaluate;
  return [
    {
      test: (context, value) => {
        const test = e(context);
        if (test === null) return null;
        return scalarMatch(test, value);
      },
      mayThrow: expression.mayThrow,
    },
  ];
}

/** One entry of `x in (a, > b, …)`: a unary test or one value (null matches only null). */
function compileListedTest(node: TreeNode, source: string): CompiledTest {
  if (node.name !== 'PositiveUnaryTest' || node.children.length !== 1) outside(node);
  const inner = withoutParentheses(node.children[0]!);
  if (inner.name === 'SimplePositiveUnaryTest') return compileUnaryTest(inner, source);
  if (inner.name === 'List') outside(inner);
  const expression = compileExpression(inner, source);
  if (expression.booleanLiteral) outside(inner);
  const e = expression.evaluate;
  return { test: (context, value) => scalarMatch(e(context), value), mayThrow: expression.mayThrow };
}

/** feelin's parentheses return what they enclose, unary tests (`([1..3])`) included. */
function withoutParentheses(node: TreeNode): TreeNode {
  let inner = node;
  while (inner.name === 'ParenthesizedExpression' && inner.children.length === 3) inner = inner.children[1]!;
  return inner;
}

/** `> b`, `= b`, `[a..b]`…: feelin builds a range or an equality test from the context first. */
function compileUnaryTest(node: TreeNode, source: string): CompiledTest {
  const children = node.children;
  if (children.length === 1 && children[0]!.name === 'Interval') return compileInterval(children[0]!, source);
  if (children.length !== 2 || children[0]!.name !== 'CompareOp') outside(node);
  const op = text(children[0]!, source);
  const operand = compileExpression(children[1]!, source);
  const b = operand.evaluate;
  if (op === '=') return { test: (context, value) => equals(value, b(context)), mayThrow: operand.mayThrow };
  if (op === '!=') {
    return {
      test: (context, value) => {
        const result = equals(value, b(context));
        return result === null ? null : !result;
      },
      mayThrow: operand.mayThrow,
    };
  }
  if (!isOrder(op)) outside(node);
  return { test: (context, value) => orderTest(op, value, b(context)), mayThrow: operand.mayThrow || boundMayThrow(operand) };
}

/** `[a..b]`, `(a..b]`, `]a..b[`…: a bound is included only with its square bracket and not null. */
function compileInterval(node: TreeNode, source: string): CompiledTest {
  const children = node.children;
  if (children.length !== 5 || children[2]!.name !== '..') outside(node);
  const startBracket = children[0]!.name === '[';
  const endBracket = children[4]!.name === ']';
  const start = compileExpression(children[1]!, source);
  const end = compileExpression(children[3]!, source);
  const s = start.evaluate;
  const e = end.evaluate;
  return {
    test: (context, value) => {
      const low = s(context);
      const high = e(context);
      return inRange(value, low, high, low !== null && startBracket, high !== null && endBracket);
    },
    mayThrow: start.mayThrow || end.mayThrow || !sameTypeLiterals(start, end),
  };
}
