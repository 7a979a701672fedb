/**
 * The properties panel's mashflow groups (duration, deadline, meeting, staff, outcome and
 * notification words) after bpmn-js-properties-panel's standard ones (id, name, documentation…),
 * and the bpmn-js modules that make up the panel.
 */
import type { GroupDefinition } from '@bpmn-io/properties-panel';
import { BpmnPropertiesPanelModule, BpmnPropertiesProviderModule } from 'bpmn-js-properties-panel';
import { deadlineGroup } from './deadline-group.ts';
import { durationGroup } from './duration-group.ts';
import type { DiagramElement } from './extension-elements.ts';
import { meetingGroup } from './meeting-group.ts';
import { pendingEditsModule, type PendingEdits } from './pending-edits.ts';
import { staffGroup } from './staff-group.ts';
import { notificationsGroup, outcomesGroup } from './vocabulary-group.ts';

/** Below the standard provider's default 1000, so its groups are already there to place ours among. */
const priority = 500;

const groupsInOrder = [outcomesGroup, notificationsGroup, deadlineGroup, meetingGroup, durationGroup, staffGroup];

interface PropertiesPanelService {
  registerProvider(priority: number, provider: { getGroups(element: DiagramElement): (groups: GroupDefinition[]) => GroupDefinition[] }): void;
}

export class MashflowPropertiesProvider {
  static $inject = ['propertiesPanel'];

  constructor(propertiesPanel: PropertiesPanelService) {
    propertiesPanel.registerProvider(priority, this);
  }

  getGroups(element: DiagramElement): (groups: GroupDefinition[]) => GroupDefinition[] {
    return (groups) => {
      const ours = groupsInOrder.map((group) => group(element)).filter((group): group is GroupDefinition => group !== null);
      // Right after General (id and name): what the procedure does comes before its long documentation.
      const general = groups.findIndex((group) => group.id === 'general');
      return [...groups.slice(0, general + 1), ...ours, ...groups.slice(general + 1)];
    };
  }
}

const mashflowPropertiesModule = {
  __init__: ['mashflowPropertiesProvider'],
  mashflowPropertiesProvider: ['type', MashflowPropertiesProvider],
};

/** For the Modeler's `additionalModules`: the panel, the standard BPMN groups, mashflow's groups. */
export const propertiesPanelModules = [BpmnPropertiesPanelModule, BpmnPropertiesProviderModule, mashflowPropertiesModule, pendingEditsModule];

/** Writes what the user typed but has not yet paused after (before a save reads the XML). */
export function flushPropertyEdits(modeler: { get<T>(name: string, strict?: boolean): T }): void {
  modeler.get<PendingEdits | null>('pendingPropertyEdits', false)?.flush();
}
