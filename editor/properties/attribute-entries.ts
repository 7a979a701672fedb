/**
 * Entries that edit one attribute of a mashflow extension element, and the toggle that adds or
 * removes the element. A value that fails its check is shown with the message and not written
 * (as the panel does for ids): the diagram keeps its last good value.
 */
import { CheckboxEntry, TextFieldEntry, isCheckboxEntryEdited, isTextFieldEntryEdited, type EntryDefinition } from '@bpmn-io/properties-panel';
import { h } from '@bpmn-io/properties-panel/preact';
import { useService } from 'bpmn-js-properties-panel';
import { attributeOf, extensionOf, type Attributes, type DiagramElement, type MashflowType } from './extension-elements.ts';
import { useExtensionWriter } from './extension-writer.ts';

/** Checks keep one identity per rule: the panel re-checks the diagram's value whenever the check changes. */
export type Check = (value: string | undefined) => string | undefined;

interface AttributeFieldProps {
  element: DiagramElement;
  id: string;
  label: string;
  description?: string;
  type: MashflowType;
  attribute: string;
  check?: Check;
}

export function AttributeField(props: AttributeFieldProps) {
  const { element, id, label, description, type, attribute, check } = props;
  const writer = useExtensionWriter(element);
  const debounce = useService('debounceInput');
  return h(TextFieldEntry, {
    element,
    id,
    label,
    ...(description ? { description } : {}),
    debounce,
    getValue: () => attributeOf(extensionOf(element.businessObject, type), attribute),
    setValue: (value: string | undefined, error: string | null) => {
      if (error) return;
      writer.upsert(type, { [attribute]: value?.trim() ?? '' });
    },
    ...(check ? { validate: check } : {}),
  });
}

export function attributeEntry(element: DiagramElement, entry: Omit<AttributeFieldProps, 'element'>): EntryDefinition {
  return { ...entry, element, component: AttributeField, isEdited: isTextFieldEntryEdited };
}

interface PresenceToggleProps {
  element: DiagramElement;
  id: string;
  label: string;
  description?: string;
  type: MashflowType;
  /** Written when the box is ticked: a complete, valid element, so the model still loads. */
  initial: () => Attributes;
}

/** A checkbox: ticked adds the extension element with valid starting values, unticked removes it. */
export function PresenceToggle(props: PresenceToggleProps) {
  const { element, id, label, description, type, initial } = props;
  const writer = useExtensionWriter(element);
  return h(CheckboxEntry, {
    element,
    id,
    label,
    ...(description ? { description } : {}),
    getValue: () => extensionOf(element.businessObject, type) !== undefined,
    setValue: (on: boolean) => {
      const existing = extensionOf(element.businessObject, type);
      if (on && !existing) writer.add(type, initial());
      if (!on && existing) writer.remove(existing);
    },
  });
}

export function presenceEntry(element: DiagramElement, entry: Omit<PresenceToggleProps, 'element'>): EntryDefinition {
  return { ...entry, element, component: PresenceToggle, isEdited: isCheckboxEntryEdited };
}
