/**
 * FEEL conditions (Camunda 8 style, "=dashRisk = \"high\""), parsed and evaluated by feelin.
 * Nothing in a model is ever executed as JavaScript: a condition is data for the FEEL interpreter.
 */
import { evaluate, parseExpression } from 'feelin';
import {
  allowedValues,
  derivedNames,
  isVariableName,
  type DerivedName,
  type VariableName,
} from './vocabulary.ts';

export interface CompiledCondition {
  /** The expression without its leading "=". */
  readonly source: string;
  /** Case variables and derived names the expression reads. */
  readonly names: readonly string[];
}

export type ConditionIssue =
  | { kind: 'not-feel'; message: string }
  | { kind: 'syntax'; message: string }
  | { kind: 'unknown-name'; message: string }
  | { kind: 'unknown-value'; message: string };

export type CompileResult = { ok: true; condition: CompiledCondition } | { ok: false; issues: ConditionIssue[] };

interface SyntaxNodeLike {
  name: string;
  from: number;
  to: number;
  type: { isError: boolean };
  parent: SyntaxNodeLike | null;
  firstChild: SyntaxNodeLike | null;
  nextSibling: SyntaxNodeLike | null;
  getChild(name: string): SyntaxNodeLike | null;
}

function isDerivedName(name: string): name is DerivedName {
  return Object.hasOwn(derivedNames, name);
}

export function compileCondition(body: string): CompileResult {
  const trimmed = body.trim();
  if (!trimmed.startsWith('=')) {
    return {
      ok: false,
      issues: [{ kind: 'not-feel', message: `condition "${trimmed}" is not FEEL: write it as =<expression>, e.g. =dashRisk = "high"` }],
    };
  }
  const source = trimmed.slice(1).trim();
  const tree = parseExpression(source, {}, undefined);
  const issues: ConditionIssue[] = [];
  const names = new Set<string>();
  const bound = new Set<string>();

  // First pass: names bound by "some x in …", "every x in …" and "for x in …" are local.
  tree.iterate({
    enter(ref) {
      if (ref.name === 'InExpression') {
        const nameNode = (ref.node as unknown as SyntaxNodeLike).getChild('Name');
        if (nameNode) bound.add(source.slice(nameNode.from, nameNode.to));
      }
    },
  });

  tree.iterate({
    enter(ref) {
      const node = ref.node as unknown as SyntaxNodeLike;
      if (node.type.isError) {
        issues.push({ kind: 'syntax', message: `FEEL syntax error at character ${node.from + 1} of "${source}"` });
        return false;
      }
      // A function's name (not, count…) is a VariableName too; feelin resolves the built-ins.
      const isFunctionName = node.parent?.name === 'FunctionInvocation' && node.parent.firstChild?.from === node.from;
      if (node.name === 'VariableName' && !isFunctionName) {
        const name = source.slice(node.from, node.to);
        if (bound.has(name)) return undefined;
        if (!isVariableName(name) && !isDerivedName(name)) {
          issues.push({
            kind: 'unknown-name',
            message: `"${name}" is not in the case vocabulary (see docs/vocabulary.md); use one of its variables`,
          });
        }
        names.add(name);
      }
      if (node.name === 'Comparison') checkComparedValue(node, source, issues);
      return undefined;
    },
  });

  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, condition: { source, names: [...names] } };
}

/** `dashRisk = "hihg"` parses and is always false; catch it against the vocabulary's values. */
function checkComparedValue(comparison: SyntaxNodeLike, source: string, issues: ConditionIssue[]): void {
  const left = comparison.firstChild;
  const right = left?.nextSibling?.nextSibling;
  if (!left || !right || left.name !== 'VariableName') return;
  const name = source.slice(left.from, left.to);
  if (!isVariableName(name)) return;
  const allowed = allowedValues(name as VariableName);
  if (!allowed) return;
  let literal: string | number | undefined;
  if (right.name === 'StringLiteral') literal = source.slice(right.from + 1, right.to - 1);
  else if (right.name === 'NumericLiteral') literal = Number(source.slice(right.from, right.to));
  else return;
  if (!allowed.includes(literal)) {
    issues.push({
      kind: 'unknown-value',
      message: `${name} is compared with ${JSON.stringify(literal)}, which it never takes; allowed: ${allowed.map((value) => JSON.stringify(value)).join(', ')}`,
    });
  }
}

/** Evaluates a compiled condition; only a FEEL `true` takes the flow. */
export function evaluateCondition(condition: CompiledCondition, context: Record<string, unknown>): boolean {
  // feelin converts every entry of the context it is given on each call: give it only the names
  // this condition reads.
  const reads: Record<string, unknown> = {};
  for (const name of condition.names) reads[name] = context[name];
  return evaluate(condition.source, reads).value === true;
}
