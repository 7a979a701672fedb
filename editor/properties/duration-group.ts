/**
 * Duration (tasks, simulation only): how long the task takes one person, as one distribution of
 * minutes. The kind is a dropdown; its parameters are one field each, written back into the one
 * attribute mashflow.json defines for that kind (triangular="10 20 40").
 */
import { SelectEntry, TextFieldEntry, isSelectEntryEdited, isTextFieldEntryEdited, type EntryDefinition, type GroupDefinition } from '@bpmn-io/properties-panel';
import { h } from '@bpmn-io/properties-panel/preact';
import { useMemo } from '@bpmn-io/properties-panel/preact/hooks';
import { useService } from 'bpmn-js-properties-panel';
import { is } from 'bpmn-js/lib/util/ModelUtil.js';
import { attributeOf, extensionOf, type DiagramElement } from './extension-elements.ts';
import { useExtensionWriter } from './extension-writer.ts';
import {
  checkDuration,
  checkMinutes,
  checkMinutesList,
  durationKindLabels,
  durationKinds,
  durationParameters,
  durationTextFor,
  isDurationKind,
  splitNumbers,
  withNumber,
  type DurationKind,
} from './field-checks.ts';

const type = 'mashflow:Duration';

interface Duration {
  kind: DurationKind;
  text: string;
}

/** The distribution written on the element: the first kind attribute present. */
export function readDuration(element: DiagramElement): Duration | undefined {
  const extension = extensionOf(element.businessObject, type);
  if (!extension) return undefined;
  for (const kind of durationKinds) {
    const text = attributeOf(extension, kind);
    if (text) return { kind, text };
  }
  return undefined;
}

/** Every kind attribute cleared but the one given: a duration has exactly one. */
function onlyKind(kind: DurationKind, text: string): Record<string, string | undefined> {
  return Object.fromEntries(durationKinds.map((each) => [each, each === kind ? text : undefined]));
}

function DurationKindField(props: { element: DiagramElement; id: string }) {
  const { element, id } = props;
  const writer = useExtensionWriter(element);
  const current = readDuration(element);
  const extension = extensionOf(element.businessObject, type);
  const written = durationKinds.filter((kind) => attributeOf(extension, kind) !== '');
  const problem = written.length > 1 ? `Only one kind may be given; this task has ${written.join(' and ')}.` : current ? checkDuration(current.kind, current.text) : undefined;
  // One check per distribution as written, so the message follows the parameters' edits.
  const validate = useMemo(() => () => problem, [problem]);
  return h(SelectEntry, {
    element,
    id,
    label: 'Distribution',
    description: 'Simulation only. None: the scenario gives this task’s duration.',
    getValue: () => current?.kind ?? '',
    getOptions: () => [{ value: '', label: 'none' }, ...durationKinds.map((kind) => ({ value: kind, label: durationKindLabels[kind] }))],
    setValue: (kind: string) => {
      if (!isDurationKind(kind)) {
        if (extension) writer.remove(extension);
        return;
      }
      writer.upsert(type, onlyKind(kind, durationTextFor(kind, current)));
    },
    validate,
  });
}

function DurationNumberField(props: { element: DiagramElement; id: string; label: string; kind: DurationKind; index: number }) {
  const { element, id, label, kind, index } = props;
  const writer = useExtensionWriter(element);
  const debounce = useService('debounceInput');
  const count = durationParameters[kind].length;
  const text = () => readDuration(element)?.text ?? '';
  return h(TextFieldEntry, {
    element,
    id,
    label,
    debounce,
    getValue: () => splitNumbers(text())[index] ?? '',
    setValue: (value: string | undefined, error: string | null) => {
      if (error || value === undefined) return;
      writer.upsert(type, onlyKind(kind, withNumber(text(), index, value, count)));
    },
    validate: checkMinutes,
  });
}

function DurationListField(props: { element: DiagramElement; id: string; label: string }) {
  const { element, id, label } = props;
  const writer = useExtensionWriter(element);
  const debounce = useService('debounceInput');
  return h(TextFieldEntry, {
    element,
    id,
    label,
    description: 'Each run draws one of these, equally likely.',
    debounce,
    getValue: () => readDuration(element)?.text ?? '',
    setValue: (value: string | undefined, error: string | null) => {
      if (error || value === undefined) return;
      writer.upsert(type, onlyKind('empirical', splitNumbers(value).join(' ')));
    },
    validate: checkMinutesList,
  });
}

export function durationGroup(element: DiagramElement): GroupDefinition | null {
  const duration = readDuration(element);
  if (!is(element, 'bpmn:Task') && !extensionOf(element.businessObject, type)) return null;
  const entries: EntryDefinition[] = [{ id: 'mashflow-duration-kind', element, component: DurationKindField, isEdited: isSelectEntryEdited }];
  if (duration?.kind === 'empirical') {
    entries.push({ id: 'mashflow-duration-empirical', element, component: DurationListField, label: durationParameters.empirical[0]!, isEdited: isTextFieldEntryEdited });
  } else if (duration) {
    durationParameters[duration.kind].forEach((label, index) => {
      entries.push({ id: `mashflow-duration-${duration.kind}-${index}`, element, component: DurationNumberField, label, kind: duration.kind, index, isEdited: isTextFieldEntryEdited });
    });
  }
  return { id: 'mashflow-duration', label: 'Duration (simulation)', entries, shouldOpen: true };
}
