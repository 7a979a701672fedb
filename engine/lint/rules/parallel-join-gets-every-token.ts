/**
 * A parallel join waits for a token on every inbound flow. If an exclusive gateway upstream can
 * send the token elsewhere, the join waits for ever: the simulator's join never fires, and
 * bpmn-engine (which mashflow runs without dead-path discards, see engine/reference-source.ts)
 * stops there too. So every path through the process must bring the join all of its tokens.
 *
 * The check plays the token game on the process as drawn, with each exclusive gateway free to take
 * any of its outgoing flows (conditions are not read, so a path the conditions rule out still
 * counts). Tokens not waiting at a parallel join move one at a time in a fixed order: only
 * exclusive gateways choose, so the order cannot change which states are reachable and each
 * combination of choices is explored once.
 */
import type { ModdleElement } from 'bpmn-moddle';
import { is } from 'bpmnlint-utils';
import { labelOf } from '../conditions.ts';
import type { RuleDefinition } from '../types.ts';

/** Beyond this many states (or two tokens on one flow: a loop that multiplies work) stop looking. */
const maxStates = 50_000;
const maxTokensPerFlow = 2;

interface Net {
  flows: ModdleElement[];
  /** Flow indexes leaving each node. */
  outgoing: Map<ModdleElement, number[]>;
  /** Flow indexes entering each node. */
  incoming: Map<ModdleElement, number[]>;
}

interface Decision {
  gateway: ModdleElement;
  flow: ModdleElement;
}

interface State {
  marking: number[];
  decisions: Decision[];
}

export default function parallelJoinGetsEveryToken(): RuleDefinition {
  return {
    check(node, reporter) {
      if (!is(node, 'bpmn:Process')) return;
      const net = buildNet(node);
      const reported = new Set<ModdleElement>();
      for (const { join, missing, decisions } of findDeadlocks(node, net)) {
        if (reported.has(join)) continue;
        reported.add(join);
        const culprit = choiceThatMissed(net, decisions, missing);
        const after = culprit ? `when ${labelOf(culprit.gateway)} takes ${labelOf(culprit.flow)}, ` : '';
        reporter.report(
          join.id,
          `parallel join ${labelOf(join)} can wait for ever: ${after}no token reaches ${missing.map((flow) => labelOf(flow)).join(' or ')}; ` +
            'close an exclusive split with an exclusive merge, or split with a parallel gateway',
        );
      }
    },
  };
}

function buildNet(process: ModdleElement): Net {
  const elements = (process.flowElements ?? []) as ModdleElement[];
  const flows = elements.filter((element) => is(element, 'bpmn:SequenceFlow') && element.sourceRef && element.targetRef);
  const outgoing = new Map<ModdleElement, number[]>();
  const incoming = new Map<ModdleElement, number[]>();
  flows.forEach((flow, index) => {
    outgoing.set(flow.sourceRef, [...(outgoing.get(flow.sourceRef) ?? []), index]);
    incoming.set(flow.targetRef, [...(incoming.get(flow.targetRef) ?? []), index]);
  });
  return { flows, outgoing, incoming };
}

/** The latest decision that could have sent a token towards a missing flow and did not. */
function choiceThatMissed(net: Net, decisions: readonly Decision[], missing: readonly ModdleElement[]): Decision | undefined {
  const missingIndexes = new Set(missing.map((flow) => net.flows.indexOf(flow)));
  for (let at = decisions.length - 1; at >= 0; at--) {
    const decision = decisions[at]!;
    const others = (net.outgoing.get(decision.gateway) ?? []).filter((index) => net.flows[index] !== decision.flow);
    if (others.some((index) => [...reachableFlows(net, index)].some((reached) => missingIndexes.has(reached)))) return decision;
  }
  return undefined;
}

function reachableFlows(net: Net, from: number): Set<number> {
  const reached = new Set<number>([from]);
  const stack = [from];
  while (stack.length > 0) {
    for (const next of net.outgoing.get(net.flows[stack.pop()!]!.targetRef) ?? []) {
      if (!reached.has(next)) {
        reached.add(next);
        stack.push(next);
      }
    }
  }
  return reached;
}

function isJoin(node: ModdleElement, net: Net): boolean {
  return is(node, 'bpmn:ParallelGateway') && (net.incoming.get(node)?.length ?? 0) > 1;
}

function* findDeadlocks(process: ModdleElement, net: Net): Generator<{ join: ModdleElement; missing: ModdleElement[]; decisions: Decision[] }> {
  const starts = ((process.flowElements ?? []) as ModdleElement[]).filter((element) => is(element, 'bpmn:StartEvent'));
  const seen = new Set<string>();
  const stack: State[] = [];
  for (const start of starts) {
    const marking = new Array<number>(net.flows.length).fill(0);
    for (const index of net.outgoing.get(start) ?? []) marking[index]! += 1;
    stack.push({ marking, decisions: [] });
  }

  while (stack.length > 0 && seen.size < maxStates) {
    const state = stack.pop()!;
    const key = state.marking.join(',');
    if (seen.has(key)) continue;
    seen.add(key);
    if (state.marking.some((count) => count > maxTokensPerFlow)) continue;

    const moving = state.marking.findIndex((count, index) => count > 0 && !isJoin(net.flows[index]!.targetRef, net));
    if (moving >= 0) {
      const target = net.flows[moving]!.targetRef as ModdleElement;
      const out = net.outgoing.get(target) ?? [];
      const next = state.marking.slice();
      next[moving]! -= 1;
      if (is(target, 'bpmn:ExclusiveGateway') && out.length > 1) {
        for (const index of out) {
          const chosen = next.slice();
          chosen[index]! += 1;
          stack.push({ marking: chosen, decisions: [...state.decisions, { gateway: target, flow: net.flows[index]! }] });
        }
      } else {
        for (const index of out) next[index]! += 1;
        stack.push({ marking: next, decisions: state.decisions });
      }
      continue;
    }

    // Every token waits at a parallel join: fire one that has all it needs, else it is stuck.
    const waiting = [...new Set(state.marking.flatMap((count, index) => (count > 0 ? [net.flows[index]!.targetRef as ModdleElement] : [])))];
    const ready = waiting.find((join) => (net.incoming.get(join) ?? []).every((index) => state.marking[index]! > 0));
    if (ready) {
      const next = state.marking.slice();
      for (const index of net.incoming.get(ready) ?? []) next[index]! -= 1;
      for (const index of net.outgoing.get(ready) ?? []) next[index]! += 1;
      stack.push({ marking: next, decisions: state.decisions });
      continue;
    }
    for (const join of waiting) {
      const missing = (net.incoming.get(join) ?? []).filter((index) => state.marking[index] === 0).map((index) => net.flows[index]!);
      yield { join, missing, decisions: state.decisions };
    }
  }
}
