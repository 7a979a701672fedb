/**
 * An exclusive gateway where no flow is taken stops the run without an outcome. So a forking
 * exclusive gateway either has a default flow, or its conditions cover every combination of the
 * vocabulary values they read; and each of its other flows has a condition.
 */
import { is } from 'bpmnlint-utils';
import { evaluateCondition, type CompiledCondition } from '../../feel.ts';
import { allowedValues, isVariableName } from '../../vocabulary.ts';
import { labelOf, outgoingFlows, readCondition } from '../conditions.ts';
import type { RuleDefinition } from '../types.ts';

type Value = string | number | boolean;

/** Derived names with a finite domain; childCount has none. */
const derivedDomains: Readonly<Record<string, readonly Value[]>> = { childUnderFive: [true, false] };

/** Beyond this many combinations the check would be slow (feelin parses on each evaluation). */
const maxCombinations = 1024;

export default function gatewayDefaultOrExhaustive(): RuleDefinition {
  return {
    check(node, reporter) {
      if (!is(node, 'bpmn:ExclusiveGateway')) return;
      const flows = outgoingFlows(node);
      if (flows.length < 2) return;

      const conditions: CompiledCondition[] = [];
      let judgeable = true;
      for (const flow of flows) {
        if (flow === node.default) continue;
        const condition = readCondition(flow);
        if (condition.kind === 'none') {
          reporter.report(flow.id, `flow ${labelOf(flow)} has no condition and is not the default of gateway ${labelOf(node)}; add a condition or make it the default flow`);
          judgeable = false;
        } else if (condition.kind === 'invalid') {
          // vocabulary-words reports the condition itself.
          judgeable = false;
        } else {
          conditions.push(condition.condition);
        }
      }
      if (node.default || !judgeable) return;

      const gap = findUncovered(conditions);
      if (gap) reporter.report(node.id, `gateway ${labelOf(node)}: ${gap}`);
    },
  };
}

/** Why the conditions may leave a case with no flow, or undefined when they cover every case. */
function findUncovered(conditions: readonly CompiledCondition[]): string | undefined {
  const names = [...new Set(conditions.flatMap((condition) => condition.names))];
  const domains: (readonly Value[])[] = [];
  for (const name of names) {
    const domain = domainOf(name);
    if (!domain) {
      return `its conditions read ${name}, which has no fixed set of values, so they cannot be shown to cover every case; add a default flow`;
    }
    domains.push(domain);
  }
  const total = domains.reduce((product, domain) => product * domain.length, 1);
  if (total > maxCombinations) {
    return `its conditions read ${names.join(', ')} (${total} combinations), too many to check that they cover every case; add a default flow`;
  }

  // Odometer over the domains, first name slowest, in the vocabulary's order of values.
  const positions = names.map(() => 0);
  for (let step = 0; step < total; step++) {
    const context: Record<string, Value> = {};
    names.forEach((name, index) => {
      context[name] = domains[index]![positions[index]!]!;
    });
    if (!conditions.some((condition) => evaluateCondition(condition, context))) {
      const when = names.map((name) => `${name} = ${JSON.stringify(context[name])}`).join(' and ');
      return `no flow is taken ${when ? `when ${when}` : 'in any case'}; add a default flow or a condition for it`;
    }
    for (let index = names.length - 1; index >= 0; index--) {
      positions[index] = positions[index]! + 1;
      if (positions[index]! < domains[index]!.length) break;
      positions[index] = 0;
    }
  }
  return undefined;
}

function domainOf(name: string): readonly Value[] | undefined {
  if (isVariableName(name)) return allowedValues(name);
  return Object.hasOwn(derivedDomains, name) ? derivedDomains[name] : undefined;
}
