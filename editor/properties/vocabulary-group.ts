/**
 * Outcome and notification words (tasks and end events): chosen from the shared vocabulary
 * (engine/vocabulary.ts) with dropdowns, never typed, and added or removed one at a time. A word
 * the vocabulary does not know (an older file) is shown as such so it can be replaced.
 */
import type { EntryDefinition, GroupDefinition } from '@bpmn-io/properties-panel';
import { h } from '@bpmn-io/properties-panel/preact';
import { useState } from '@bpmn-io/properties-panel/preact/hooks';
import { isAny } from 'bpmn-js/lib/util/ModelUtil.js';
import { notificationWords, outcomeWords } from '../../engine/vocabulary.ts';
import { attributeOf, extensionsOf, type DiagramElement, type MashflowType } from './extension-elements.ts';
import { useExtensionWriter } from './extension-writer.ts';

interface WordKind {
  type: MashflowType;
  /** The attribute holding the word: mashflow:outcome word="…", mashflow:notification to="…". */
  attribute: string;
  words: Readonly<Record<string, string>>;
  noun: string;
}

const outcomes: WordKind = { type: 'mashflow:Outcome', attribute: 'word', words: outcomeWords, noun: 'outcome' };
const notifications: WordKind = { type: 'mashflow:Notification', attribute: 'to', words: notificationWords, noun: 'notification' };

const inputId = (id: string) => `bio-properties-panel-${id}`;

function wordOptions(kind: WordKind, current: string) {
  const known = Object.hasOwn(kind.words, current);
  return [
    ...(known ? [] : [h('option', { value: current }, `${current || '(empty)'} — not a vocabulary word`)]),
    ...Object.keys(kind.words).map((word) => h('option', { value: word, title: kind.words[word] }, word)),
  ];
}

function WordField(props: { element: DiagramElement; id: string; kind: WordKind; index: number }) {
  const { element, id, kind, index } = props;
  const writer = useExtensionWriter(element);
  const extension = extensionsOf(element.businessObject, kind.type)[index];
  if (!extension) return null;
  const word = attributeOf(extension, kind.attribute);
  const known = Object.hasOwn(kind.words, word);
  return h('div', { class: `bio-properties-panel-entry mf-word-entry${known ? '' : ' has-error'}`, 'data-entry-id': id }, [
    h('label', { for: inputId(id), class: 'bio-properties-panel-label' }, `${kind.noun.charAt(0).toUpperCase()}${kind.noun.slice(1)} ${index + 1}`),
    h('div', { class: 'mf-word-row' }, [
      h(
        'select',
        {
          id: inputId(id),
          name: id,
          class: 'bio-properties-panel-input',
          value: word,
          onChange: (event: Event) => writer.update(extension, { [kind.attribute]: (event.target as HTMLSelectElement).value }),
        },
        wordOptions(kind, word),
      ),
      h('button', { type: 'button', class: 'mf-word-remove', 'aria-label': `Remove ${kind.noun} ${word}`, title: `Remove ${kind.noun} ${word}`, onClick: () => writer.remove(extension) }, 'Remove'),
    ]),
    known
      ? h('div', { class: 'bio-properties-panel-description' }, kind.words[word])
      : h('div', { class: 'bio-properties-panel-error' }, `"${word}" is not a vocabulary word; choose one of the list.`),
  ]);
}

function AddWordField(props: { element: DiagramElement; id: string; kind: WordKind }) {
  const { element, id, kind } = props;
  const writer = useExtensionWriter(element);
  const [chosen, setChosen] = useState('');
  const used = new Set(extensionsOf(element.businessObject, kind.type).map((extension) => attributeOf(extension, kind.attribute)));
  const unused = Object.keys(kind.words).filter((word) => !used.has(word));
  if (unused.length === 0) return h('div', { class: 'bio-properties-panel-entry', 'data-entry-id': id }, h('div', { class: 'bio-properties-panel-description' }, `Every ${kind.noun} word is given.`));
  const pick = unused.includes(chosen) ? chosen : '';
  const add = () => {
    if (!pick) return;
    writer.add(kind.type, { [kind.attribute]: pick });
    setChosen('');
  };
  return h('div', { class: 'bio-properties-panel-entry mf-word-entry', 'data-entry-id': id }, [
    h('label', { for: inputId(id), class: 'bio-properties-panel-label' }, `Add ${kind.noun === 'outcome' ? 'an outcome' : 'a notification'}`),
    h('div', { class: 'mf-word-row' }, [
      h(
        'select',
        { id: inputId(id), name: id, class: 'bio-properties-panel-input', value: pick, onChange: (event: Event) => setChosen((event.target as HTMLSelectElement).value) },
        [h('option', { value: '' }, 'choose a word…'), ...unused.map((word) => h('option', { value: word, title: kind.words[word] }, word))],
      ),
      h('button', { type: 'button', class: 'mf-word-add', disabled: !pick, onClick: add }, 'Add'),
    ]),
    pick ? h('div', { class: 'bio-properties-panel-description' }, kind.words[pick]) : null,
  ]);
}

function wordGroup(element: DiagramElement, kind: WordKind, id: string, label: string): GroupDefinition | null {
  const given = extensionsOf(element.businessObject, kind.type);
  if (!isAny(element, ['bpmn:Activity', 'bpmn:EndEvent', 'bpmn:IntermediateThrowEvent']) && given.length === 0) return null;
  const entries: EntryDefinition[] = given.map((_, index) => ({ id: `${id}-${index}`, element, component: WordField, kind, index, isEdited: () => true }));
  entries.push({ id: `${id}-add`, element, component: AddWordField, kind });
  return { id, label, entries, shouldOpen: true };
}

export function outcomesGroup(element: DiagramElement): GroupDefinition | null {
  return wordGroup(element, outcomes, 'mashflow-outcomes', 'Outcomes');
}

export function notificationsGroup(element: DiagramElement): GroupDefinition | null {
  return wordGroup(element, notifications, 'mashflow-notifications', 'Notifications (who is told)');
}
