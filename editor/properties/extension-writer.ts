/**
 * The panel components' way to change mashflow extension elements: the plans of
 * extension-elements.ts run on the editor's command stack (one undo step an edit), with
 * bpmn-js's bpmnFactory making the new moddle elements.
 */
import type { ModdleElement } from 'bpmn-moddle';
import { useService } from 'bpmn-js-properties-panel';
import {
  planAdd,
  planRemove,
  planUpdate,
  planUpsert,
  runCommands,
  type Attributes,
  type CommandRunner,
  type CreateModdleElement,
  type DiagramElement,
  type MashflowType,
} from './extension-elements.ts';

export interface ExtensionWriter {
  upsert(type: MashflowType, attributes: Attributes): void;
  add(type: MashflowType, attributes: Attributes): void;
  update(extension: ModdleElement, attributes: Attributes): void;
  remove(extension: ModdleElement): void;
}

/** A preact hook: call it from a panel component. */
export function useExtensionWriter(element: DiagramElement): ExtensionWriter {
  const commandStack = useService<CommandRunner>('commandStack');
  const bpmnFactory = useService<{ create: CreateModdleElement }>('bpmnFactory');
  const create: CreateModdleElement = (type, attributes) => bpmnFactory.create(type, attributes);
  return {
    upsert: (type, attributes) => runCommands(commandStack, planUpsert(element, type, attributes, create)),
    add: (type, attributes) => runCommands(commandStack, planAdd(element, type, attributes, create)),
    update: (extension, attributes) => runCommands(commandStack, planUpdate(element, extension, attributes)),
    remove: (extension) => runCommands(commandStack, planRemove(element, extension)),
  };
}
