/**
 * Every task says which seed passage it encodes, so a reviewer can check the model against its
 * sources: its documentation cites a seed file by name (NNN_<16 hex>.txt).
 */
import type { ModdleElement } from 'bpmn-moddle';
import { is } from 'bpmnlint-utils';
import { labelOf } from '../conditions.ts';
import type { RuleDefinition } from '../types.ts';

const seedFile = /\b\d{3}_[0-9a-f]{16}\.txt\b/;

export default function taskCitesSeed(): RuleDefinition {
  return {
    check(node, reporter) {
      if (!is(node, 'bpmn:Task')) return;
      const documentation: ModdleElement[] = node.documentation ?? [];
      const text = documentation.map((doc) => String(doc.text ?? '')).join('\n');
      if (seedFile.test(text)) return;
      const what = text.trim() ? 'its documentation cites no seed file' : 'it has no documentation';
      reporter.report(
        node.id,
        `${labelOf(node)}: ${what}; add documentation citing the seed passage it encodes, e.g. "Seed 000_49d76658befd0305.txt, High: \\"…\\""`,
      );
    },
  };
}
