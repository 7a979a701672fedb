/**
 * Deadline (tasks): the task must complete within a time of the case's receipt, or of the start or
 * end of another element (from=, at=: "4 hours of MASH Assessment commencing"), counted on one of
 * the clocks engine/time.ts knows (elapsed, working days, working hours). The loader refuses a
 * from= element that some path to the task skips; the Problems tab shows it as you edit.
 */
import { SelectEntry, isSelectEntryEdited, type GroupDefinition } from '@bpmn-io/properties-panel';
import { h } from '@bpmn-io/properties-panel/preact';
import { useMemo } from '@bpmn-io/properties-panel/preact/hooks';
import { is } from 'bpmn-js/lib/util/ModelUtil.js';
import { AttributeField, attributeEntry, presenceEntry } from './attribute-entries.ts';
import { attributeOf, extensionOf, type DiagramElement } from './extension-elements.ts';
import { useExtensionWriter } from './extension-writer.ts';
import { checkName, checkWithin, deadlineClocks, deadlineWithinHelp } from './field-checks.ts';

const type = 'mashflow:Deadline';

function clockOf(element: DiagramElement): string {
  return attributeOf(extensionOf(element.businessObject, type), 'clock') || 'elapsed';
}

function DeadlineClockField(props: { element: DiagramElement; id: string }) {
  const { element, id } = props;
  const writer = useExtensionWriter(element);
  return h(SelectEntry, {
    element,
    id,
    label: 'Counted in',
    getValue: () => clockOf(element),
    getOptions: () => deadlineClocks.map(({ value, label }) => ({ value, label })),
    // Written as chosen: the time limit's field then says if its value does not suit this clock.
    setValue: (clock: string) => writer.upsert(type, { clock }),
  });
}

/** Flow nodes of the task's process a clock can start from, by name. */
function clockStartOptions(element: DiagramElement): { value: string; label: string }[] {
  const process = element.businessObject.$parent;
  const nodes = ((process?.flowElements ?? []) as { id: string; name?: string; $instanceOf(type: string): boolean }[]).filter(
    (candidate) => candidate.$instanceOf('bpmn:FlowNode') && !candidate.$instanceOf('bpmn:EndEvent'),
  );
  return [
    { value: '', label: 'receipt of the case' },
    ...nodes.map((node) => ({ value: node.id, label: node.name ? `${node.name} (${node.id})` : node.id })).sort((a, b) => a.label.localeCompare(b.label)),
  ];
}

function DeadlineFromField(props: { element: DiagramElement; id: string }) {
  const { element, id } = props;
  const writer = useExtensionWriter(element);
  return h(SelectEntry, {
    element,
    id,
    label: 'Clock starts at',
    description: 'Receipt, or an element on every path to this task (the seed says where: "of MASH Assessment commencing").',
    getValue: () => attributeOf(extensionOf(element.businessObject, type), 'from'),
    getOptions: () => clockStartOptions(element),
    // Back to receipt: drop at= too, which the loader refuses without from=.
    setValue: (from: string) => writer.upsert(type, from ? { from } : { from: undefined, at: undefined }),
  });
}

function DeadlineAtField(props: { element: DiagramElement; id: string }) {
  const { element, id } = props;
  const writer = useExtensionWriter(element);
  return h(SelectEntry, {
    element,
    id,
    label: 'When that element',
    getValue: () => attributeOf(extensionOf(element.businessObject, type), 'at') || 'start',
    getOptions: () => [
      { value: 'start', label: 'starts (work on it begins)' },
      { value: 'end', label: 'completes' },
    ],
    setValue: (at: string) => writer.upsert(type, { at }),
  });
}

/** The time limit, checked against the clock chosen (a working-days deadline needs P<n>D). */
function DeadlineWithinField(props: { element: DiagramElement; id: string; label: string }) {
  const clock = clockOf(props.element);
  const check = useMemo(() => (value: string | undefined) => checkWithin(clock, value), [clock]);
  return h(AttributeField, { ...props, type, attribute: 'within', check, description: deadlineWithinHelp[clock] ?? '' });
}

export function deadlineGroup(element: DiagramElement): GroupDefinition | null {
  const present = extensionOf(element.businessObject, type) !== undefined;
  if (!is(element, 'bpmn:Task') && !present) return null;
  const entries = [
    presenceEntry(element, {
      id: 'mashflow-deadline-present',
      label: 'Has a deadline',
      type,
      initial: () => ({ name: 'Completed within 24 hours of receipt', within: 'PT24H', clock: 'elapsed' }),
    }),
  ];
  if (present) {
    entries.push(
      attributeEntry(element, { id: 'mashflow-deadline-name', label: 'Name', description: 'As the procedure states it.', type, attribute: 'name', check: checkName }),
      { id: 'mashflow-deadline-clock', element, component: DeadlineClockField, isEdited: isSelectEntryEdited },
      { id: 'mashflow-deadline-within', element, component: DeadlineWithinField, label: 'Within' },
      { id: 'mashflow-deadline-from', element, component: DeadlineFromField, isEdited: isSelectEntryEdited },
    );
    if (attributeOf(extensionOf(element.businessObject, type), 'from')) {
      entries.push({ id: 'mashflow-deadline-at', element, component: DeadlineAtField, isEdited: isSelectEntryEdited });
    }
  }
  return { id: 'mashflow-deadline', label: 'Deadline', entries, shouldOpen: true };
}
