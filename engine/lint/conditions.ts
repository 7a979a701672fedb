/** Reads a sequence flow's condition the way engine/model.ts does, for the rules that judge it. */
import type { ModdleElement } from 'bpmn-moddle';
import { compileCondition, type CompiledCondition } from '../feel.ts';

export type FlowCondition =
  | { kind: 'none' }
  | { kind: 'invalid'; messages: string[] }
  | { kind: 'ok'; condition: CompiledCondition };

export function readCondition(flow: ModdleElement): FlowCondition {
  const expression = flow.conditionExpression;
  if (!expression) return { kind: 'none' };
  if (expression.language && !/^feel$/i.test(expression.language)) {
    return {
      kind: 'invalid',
      messages: [`condition language "${expression.language}" is refused: mashflow never runs code from a model; write a FEEL condition (=…) without a language`],
    };
  }
  const compiled = compileCondition(String(expression.body ?? ''));
  if (compiled.ok) return { kind: 'ok', condition: compiled.condition };
  return { kind: 'invalid', messages: compiled.issues.map((issue) => issue.message) };
}

/** The sequence flows leaving a node, found from their sourceRef: other tools may omit <outgoing>. */
export function outgoingFlows(node: ModdleElement): ModdleElement[] {
  const siblings: ModdleElement[] = node.$parent?.flowElements ?? [];
  return siblings.filter((element) => element.$type === 'bpmn:SequenceFlow' && element.sourceRef === node);
}

/** How an element is named in a message: its name if it has one, else its id. */
export function labelOf(element: ModdleElement): string {
  const name = typeof element.name === 'string' ? element.name.trim() : '';
  return name ? `"${name}" (${element.id})` : String(element.id);
}
