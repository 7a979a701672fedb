/** Staff (lanes, simulation only): how many people do the lane's tasks and their working hours. */
import type { GroupDefinition } from '@bpmn-io/properties-panel';
import { is } from 'bpmn-js/lib/util/ModelUtil.js';
import { attributeEntry, presenceEntry } from './attribute-entries.ts';
import { extensionOf, type DiagramElement } from './extension-elements.ts';
import { checkStaffCount, checkStaffHours } from './field-checks.ts';

const type = 'mashflow:Staff';

export function staffGroup(element: DiagramElement): GroupDefinition | null {
  const present = extensionOf(element.businessObject, type) !== undefined;
  if (!is(element, 'bpmn:Lane') && !present) return null;
  const entries = [
    presenceEntry(element, {
      id: 'mashflow-staff-present',
      label: 'Staffed in simulations',
      description: 'Unticked: the scenario gives this lane’s staff.',
      type,
      initial: () => ({ count: '1', hours: 'office' }),
    }),
  ];
  if (present) {
    entries.push(
      attributeEntry(element, { id: 'mashflow-staff-count', label: 'People', type, attribute: 'count', check: checkStaffCount }),
      attributeEntry(element, {
        id: 'mashflow-staff-hours',
        label: 'Working hours',
        description: '24/7, office (Mon–Fri 09:00–17:00) or e.g. Mon-Thu 08:30-17:00; Fri 08:30-16:30. Empty: office.',
        type,
        attribute: 'hours',
        check: checkStaffHours,
      }),
    );
  }
  return { id: 'mashflow-staff', label: 'Staff (simulation)', entries, shouldOpen: true };
}
