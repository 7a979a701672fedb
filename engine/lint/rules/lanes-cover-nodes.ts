/**
 * Lanes say who does each step. Once a process has lanes, every flow node must sit in exactly one
 * (innermost) lane, or a run cannot attribute it.
 */
import type { ModdleElement } from 'bpmn-moddle';
import { is } from 'bpmnlint-utils';
import { labelOf } from '../conditions.ts';
import type { RuleDefinition } from '../types.ts';

export default function lanesCoverNodes(): RuleDefinition {
  return {
    check(node, reporter) {
      if (!is(node, 'bpmn:Process')) return;
      const parentOf = new Map<ModdleElement, ModdleElement | undefined>();
      collectLanes(node.laneSets ?? [], undefined, parentOf);
      if (parentOf.size === 0) return;

      const lanesOf = new Map<ModdleElement, ModdleElement[]>();
      for (const lane of parentOf.keys()) {
        for (const ref of (lane.flowNodeRef ?? []) as ModdleElement[]) {
          const lanes = lanesOf.get(ref) ?? [];
          if (!lanes.includes(lane)) lanes.push(lane);
          lanesOf.set(ref, lanes);
        }
      }

      for (const element of (node.flowElements ?? []) as ModdleElement[]) {
        if (!is(element, 'bpmn:FlowNode')) continue;
        const lanes = lanesOf.get(element) ?? [];
        // Modelers also list a node in the parent lanes of its lane; only the innermost one counts.
        const innermost = lanes.filter((lane) => !lanes.some((other) => other !== lane && isAncestor(lane, other, parentOf)));
        if (innermost.length === 0) {
          reporter.report(element.id, `put ${labelOf(element)} in a lane so a run can say who does it`);
        } else if (innermost.length > 1) {
          const names = innermost.map((lane) => labelOf(lane)).join(' and ');
          reporter.report(element.id, `${labelOf(element)} is in lanes ${names}; put it in exactly one lane so a run can say who does it`);
        }
      }
    },
  };
}

function collectLanes(laneSets: ModdleElement[], parent: ModdleElement | undefined, parentOf: Map<ModdleElement, ModdleElement | undefined>): void {
  for (const laneSet of laneSets) {
    for (const lane of (laneSet.lanes ?? []) as ModdleElement[]) {
      parentOf.set(lane, parent);
      if (lane.childLaneSet) collectLanes([lane.childLaneSet], lane, parentOf);
    }
  }
}

function isAncestor(ancestor: ModdleElement, lane: ModdleElement, parentOf: Map<ModdleElement, ModdleElement | undefined>): boolean {
  for (let current = parentOf.get(lane); current; current = parentOf.get(current)) {
    if (current === ancestor) return true;
  }
  return false;
}
