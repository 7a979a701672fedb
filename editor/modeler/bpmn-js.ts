/**
 * bpmn-js for the editor: the Modeler with mashflow's moddle descriptor registered, so
 * mashflow:outcome, :deadline, :meeting… survive an edit, and the service types the editor uses.
 *
 * bpmn-js and diagram-js ship ES modules without "type": "module", so TypeScript's NodeNext mode
 * reads their types as CommonJS (a default export behind `.default`); vite imports the real
 * default export. The casts below reconcile the two views; nothing else here is clever.
 */
import ModelerImport from 'bpmn-js/lib/Modeler.js';
import type * as CanvasModule from 'diagram-js/lib/core/Canvas.js';
import type * as ElementRegistryModule from 'diagram-js/lib/core/ElementRegistry.js';
import type * as EventBusModule from 'diagram-js/lib/core/EventBus.js';
import type * as CommandStackModule from 'diagram-js/lib/command/CommandStack.js';
import type * as OverlaysModule from 'diagram-js/lib/features/overlays/Overlays.js';
import type * as SelectionModule from 'diagram-js/lib/features/selection/Selection.js';
import type * as ModelingModule from 'bpmn-js/lib/features/modeling/Modeling.js';
import { mashflowDescriptor } from '../../engine/moddle/descriptor.ts';
import { propertiesPanelModules } from '../properties/mashflow-properties-provider.ts';

const ModelerClass = ModelerImport as unknown as typeof ModelerImport.default;

export type Modeler = InstanceType<typeof ModelerClass>;
export type Canvas = CanvasModule.default;
export type ElementRegistry = ElementRegistryModule.default;
export type EventBus = EventBusModule.default;
export type CommandStack = CommandStackModule.default;
export type Overlays = OverlaysModule.default;
export type Selection = SelectionModule.default;
export type Modeling = ModelingModule.default;

export function createModeler(container: HTMLElement): Modeler {
  return new ModelerClass({ container, moddleExtensions: { mashflow: mashflowDescriptor }, additionalModules: propertiesPanelModules });
}

/** The services the editor uses, typed. */
export function services(modeler: Modeler) {
  return {
    canvas: modeler.get<Canvas>('canvas'),
    elementRegistry: modeler.get<ElementRegistry>('elementRegistry'),
    overlays: modeler.get<Overlays>('overlays'),
    selection: modeler.get<Selection>('selection'),
    commandStack: modeler.get<CommandStack>('commandStack'),
    modeling: modeler.get<Modeling>('modeling'),
  };
}

/** Ends a label edit in progress (Ctrl+S while typing a name), so the save includes it. */
export function finishLabelEditing(modeler: Modeler): void {
  const directEditing = modeler.get<{ isActive(): boolean; complete(): void }>('directEditing');
  if (directEditing.isActive()) directEditing.complete();
}

/** Adds or removes a marker (a CSS class on the element's graphics) if the element is on the canvas. */
export function setMarker(modeler: Modeler, id: string, marker: string, on: boolean): boolean {
  const { canvas, elementRegistry } = services(modeler);
  if (!elementRegistry.get(id)) return false;
  if (on) canvas.addMarker(id, marker);
  else canvas.removeMarker(id, marker);
  return true;
}

/** Removes a marker from every element that has it. */
export function clearMarker(modeler: Modeler, marker: string): void {
  const { canvas, elementRegistry } = services(modeler);
  for (const { id } of elementRegistry.getAll()) if (canvas.hasMarker(id, marker)) canvas.removeMarker(id, marker);
}

/** Selects the element and brings it into view; false if it is not on the canvas. */
export function reveal(modeler: Modeler, id: string): boolean {
  const { elementRegistry, selection } = services(modeler);
  const element = elementRegistry.get(id);
  if (!element) return false;
  focusOn(modeler, id);
  selection.select(element);
  return true;
}

/** Below this zoom a diagram's labels are unreadable (the bundled models are wide). */
const readableScale = 0.75;

/**
 * A model just opened: the whole diagram if it is readable that way, otherwise its start (top
 * left) at a readable zoom, since a whole MASH procedure on a laptop screen is a grey smudge.
 */
export function showDiagram(modeler: Modeler): void {
  const { canvas } = services(modeler);
  // diagram-js reads any truthy centre as "centre the diagram".
  const scale = canvas.zoom('fit-viewport', 'auto' as unknown as { x: number; y: number });
  if (scale >= 0.5) return;
  const { inner, outer } = canvas.viewbox();
  // Leave room on the left for bpmn-js's palette, which floats over the canvas.
  canvas.viewbox({ x: inner.x - 130 / readableScale, y: inner.y - 20, width: outer.width / readableScale, height: outer.height / readableScale });
}

/** Brings an element into view at a readable zoom, centring it only when it is off screen. */
export function focusOn(modeler: Modeler, id: string): void {
  const { canvas, elementRegistry } = services(modeler);
  const element = elementRegistry.get(id) as { x: number; y: number; width?: number; height?: number } | undefined;
  if (!element) return;
  const box = canvas.viewbox();
  if (box.scale < readableScale) {
    const width = box.outer.width / readableScale;
    const height = box.outer.height / readableScale;
    const cx = element.x + (element.width ?? 0) / 2;
    const cy = element.y + (element.height ?? 0) / 2;
    canvas.viewbox({ x: cx - width / 2, y: cy - height / 2, width, height });
    return;
  }
  canvas.scrollToElement(id, { top: 120, bottom: 120, left: 160, right: 160 });
}

/** bpmn-js's import warnings are Error-like objects, whatever its types say. */
export function describeWarning(warning: unknown): string {
  return typeof warning === 'object' && warning !== null && 'message' in warning ? String(warning.message) : String(warning);
}
