/**
 * A model may only report the vocabulary's words and route on its names (docs/vocabulary.md):
 * outcome and notification words, and FEEL conditions over the case variables.
 */
import type { ModdleElement } from 'bpmn-moddle';
import { is } from 'bpmnlint-utils';
import { isNotificationWord, isOutcomeWord, notificationWords, outcomeWords } from '../../vocabulary.ts';
import { labelOf, readCondition } from '../conditions.ts';
import type { RuleDefinition } from '../types.ts';

const allowedOutcomes = Object.keys(outcomeWords).join(', ');
const allowedNotifications = Object.keys(notificationWords).join(', ');

export default function vocabularyWords(): RuleDefinition {
  return {
    check(node, reporter) {
      const extensions: ModdleElement[] = node.extensionElements?.values ?? [];
      for (const extension of extensions) {
        if (extension.$type === 'mashflow:Outcome') {
          const word = String(extension.word ?? '');
          if (!isOutcomeWord(word)) {
            reporter.report(node.id, `${labelOf(node)}: outcome "${word}" is not a vocabulary word; use one of: ${allowedOutcomes}`);
          }
        } else if (extension.$type === 'mashflow:Notification') {
          const to = String(extension.to ?? '');
          if (!isNotificationWord(to)) {
            reporter.report(node.id, `${labelOf(node)}: notification "${to}" is not a vocabulary word; use one of: ${allowedNotifications}`);
          }
        }
      }
      if (is(node, 'bpmn:SequenceFlow')) {
        const condition = readCondition(node);
        if (condition.kind === 'invalid') {
          for (const message of condition.messages) reporter.report(node.id, message);
        }
      }
    },
  };
}
