/**
 * Meeting (tasks): the task is done at a recurring meeting, so work waits for the next sitting;
 * capacity (simulation only) is how many items a sitting takes.
 */
import type { GroupDefinition } from '@bpmn-io/properties-panel';
import { is } from 'bpmn-js/lib/util/ModelUtil.js';
import { attributeEntry, presenceEntry } from './attribute-entries.ts';
import { extensionOf, type DiagramElement } from './extension-elements.ts';
import { checkCapacity, checkMeetingDays, checkMeetingTime, checkName } from './field-checks.ts';

const type = 'mashflow:Meeting';

export function meetingGroup(element: DiagramElement): GroupDefinition | null {
  const present = extensionOf(element.businessObject, type) !== undefined;
  if (!is(element, 'bpmn:Task') && !present) return null;
  const entries = [
    presenceEntry(element, {
      id: 'mashflow-meeting-present',
      label: 'Done at a recurring meeting',
      type,
      initial: () => ({ name: 'Weekly triage meeting', days: 'Wed', time: '10:00' }),
    }),
  ];
  if (present) {
    entries.push(
      attributeEntry(element, { id: 'mashflow-meeting-name', label: 'Name', type, attribute: 'name', check: checkName }),
      attributeEntry(element, { id: 'mashflow-meeting-days', label: 'Days', description: 'Weekdays it sits, e.g. Tue Fri. No sittings on bank holidays.', type, attribute: 'days', check: checkMeetingDays }),
      attributeEntry(element, { id: 'mashflow-meeting-time', label: 'Time', description: '24-hour local time, e.g. 10:00.', type, attribute: 'time', check: checkMeetingTime }),
      attributeEntry(element, { id: 'mashflow-meeting-capacity', label: 'Capacity (simulation)', description: 'Items a sitting can take; the rest wait for the next. Empty: no limit.', type, attribute: 'capacity', check: checkCapacity }),
    );
  }
  return { id: 'mashflow-meeting', label: 'Meeting', entries, shouldOpen: true };
}
