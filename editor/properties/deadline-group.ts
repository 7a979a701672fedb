/**
 * Deadline (tasks): the task must complete within a time of the case's receipt, counted on one of
 * the clocks engine/time.ts knows (elapsed, working days, working hours).
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
    );
  }
  return { id: 'mashflow-deadline', label: 'Deadline', entries, shouldOpen: true };
}
