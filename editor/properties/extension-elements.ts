/**
 * Reading and writing mashflow's extension elements (mashflow:duration, :deadline, :outcome…) on a
 * diagram element. A write is planned as bpmn-js `element.updateModdleProperties` commands and run
 * as one command-stack entry, so one edit in the panel is one undo step and bpmn-js fires the
 * change events the editor listens to (dirty marker, lint). Planning is pure, to test it in Node.
 */
import type { ModdleElement } from 'bpmn-moddle';

export type MashflowType =
  | 'mashflow:Outcome'
  | 'mashflow:Notification'
  | 'mashflow:Deadline'
  | 'mashflow:Meeting'
  | 'mashflow:Duration'
  | 'mashflow:Staff';

/** What the panel edits: a diagram shape (or the root) and the BPMN element behind it. */
export interface DiagramElement {
  readonly id: string;
  readonly businessObject: ModdleElement;
}

export interface ModdleCommand {
  readonly cmd: 'element.updateModdleProperties';
  readonly context: { element: DiagramElement; moddleElement: ModdleElement; properties: Record<string, unknown> };
}

/** Makes a moddle element: bpmn-js's bpmnFactory in the editor, a plain moddle in tests. */
export type CreateModdleElement = (type: string, attributes: Record<string, unknown>) => ModdleElement;

/** Attribute values to write; undefined or '' removes the attribute. */
export type Attributes = Readonly<Record<string, string | undefined>>;

export function extensionsOf(businessObject: ModdleElement, type: MashflowType): ModdleElement[] {
  const values: ModdleElement[] = businessObject.extensionElements?.values ?? [];
  return values.filter((value) => value.$type === type);
}

export function extensionOf(businessObject: ModdleElement, type: MashflowType): ModdleElement | undefined {
  return extensionsOf(businessObject, type)[0];
}

/** An attribute as text; absent is ''. */
export function attributeOf(extension: ModdleElement | undefined, name: string): string {
  const value: unknown = extension?.[name];
  return value === undefined || value === null ? '' : String(value);
}

function cleaned(attributes: Attributes): Record<string, string | undefined> {
  const result: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(attributes)) result[name] = value === undefined || value === '' ? undefined : value;
  return result;
}

function update(element: DiagramElement, moddleElement: ModdleElement, properties: Record<string, unknown>): ModdleCommand {
  return { cmd: 'element.updateModdleProperties', context: { element, moddleElement, properties } };
}

/** Changes attributes of an existing extension element; nothing when they already have those values. */
export function planUpdate(element: DiagramElement, extension: ModdleElement, attributes: Attributes): ModdleCommand[] {
  const wanted = cleaned(attributes);
  const changed = Object.entries(wanted).some(([name, value]) => (extension[name] ?? undefined) !== value);
  return changed ? [update(element, extension, wanted)] : [];
}

/** Appends a new extension element, creating bpmn:extensionElements when the element has none. */
export function planAdd(element: DiagramElement, type: MashflowType, attributes: Attributes, create: CreateModdleElement): ModdleCommand[] {
  const businessObject = element.businessObject;
  const commands: ModdleCommand[] = [];
  let container: ModdleElement | undefined = businessObject.extensionElements;
  if (!container) {
    container = create('bpmn:ExtensionElements', { values: [] });
    container.$parent = businessObject;
    commands.push(update(element, businessObject, { extensionElements: container }));
  }
  const defined = Object.fromEntries(Object.entries(cleaned(attributes)).filter(([, value]) => value !== undefined));
  const added = create(type, defined);
  added.$parent = container;
  commands.push(update(element, container, { values: [...(container.values ?? []), added] }));
  return commands;
}

/**
 * Removes one extension element. When it was the last one the empty bpmn:extensionElements goes
 * too, so the saved XML does not keep an empty tag.
 */
export function planRemove(element: DiagramElement, extension: ModdleElement): ModdleCommand[] {
  const businessObject = element.businessObject;
  const container: ModdleElement | undefined = businessObject.extensionElements;
  const values: ModdleElement[] = container?.values ?? [];
  if (!container || !values.includes(extension)) return [];
  const remaining = values.filter((value) => value !== extension);
  if (remaining.length === 0) return [update(element, businessObject, { extensionElements: undefined })];
  return [update(element, container, { values: remaining })];
}

/** Writes the attributes on the element's extension of that type, adding the extension if there is none. */
export function planUpsert(element: DiagramElement, type: MashflowType, attributes: Attributes, create: CreateModdleElement): ModdleCommand[] {
  const existing = extensionOf(element.businessObject, type);
  return existing ? planUpdate(element, existing, attributes) : planAdd(element, type, attributes, create);
}

/** The part of diagram-js's CommandStack this needs. */
export interface CommandRunner {
  execute(command: string, context: unknown): void;
}

/**
 * Runs the commands as one undo step. bpmn-js-properties-panel registers the multi-command
 * handler; a single command goes straight to bpmn-js so its own undo label is kept.
 */
export function runCommands(commandStack: CommandRunner, commands: readonly ModdleCommand[]): void {
  if (commands.length === 0) return;
  if (commands.length === 1) commandStack.execute(commands[0]!.cmd, commands[0]!.context);
  else commandStack.execute('properties-panel.multi-command-executor', commands);
}
