/**
 * A read-only diagram of one authority's model with a case's path drawn on it: bpmn-js's
 * NavigatedViewer (pan with the mouse, zoom with the wheel), in a container of its own so the view
 * can move it between columns without importing the model again.
 *
 * bpmn-js ships ES modules without "type": "module"; see modeler/bpmn-js.ts for the cast.
 */
import NavigatedViewerImport from 'bpmn-js/lib/NavigatedViewer.js';
import type * as CanvasModule from 'diagram-js/lib/core/Canvas.js';
import type * as ElementRegistryModule from 'diagram-js/lib/core/ElementRegistry.js';
import { mashflowDescriptor } from '../../engine/moddle/descriptor.ts';
import { describeWarning } from '../modeler/bpmn-js.ts';

const ViewerClass = NavigatedViewerImport as unknown as typeof NavigatedViewerImport.default;
type Viewer = InstanceType<typeof ViewerClass>;

export const pathMarkers = { visited: 'mfa-path', taken: 'mfa-path-flow', end: 'mfa-path-end' } as const;

export class PathViewer {
  /** The viewer's own element; the view places it in a column. */
  readonly container: HTMLDivElement;
  private readonly viewer: Viewer;
  private importedXml = '';

  constructor() {
    this.container = document.createElement('div');
    this.container.className = 'mfa-canvas';
    this.viewer = new ViewerClass({ container: this.container, moddleExtensions: { mashflow: mashflowDescriptor } });
  }

  private get canvas(): CanvasModule.default {
    return this.viewer.get<CanvasModule.default>('canvas');
  }

  /** Imports the model unless it is the one already shown; the import warnings, if any. */
  async show(xml: string): Promise<string[]> {
    if (xml === this.importedXml) return [];
    try {
      const { warnings } = await this.viewer.importXML(xml);
      this.importedXml = xml;
      this.fit();
      return (warnings as unknown[]).map(describeWarning);
    } catch (error) {
      return [`import failed: ${(error as Error).message}`];
    }
  }

  /** The path: every element the case passed through, the flows it took, and where it ended. */
  highlight(elementIds: readonly string[], flowIds: readonly string[]): number {
    const canvas = this.canvas;
    const registry = this.viewer.get<ElementRegistryModule.default>('elementRegistry');
    for (const { id } of registry.getAll()) for (const marker of Object.values(pathMarkers)) if (canvas.hasMarker(id, marker)) canvas.removeMarker(id, marker);
    let marked = 0;
    for (const id of new Set([...elementIds, ...flowIds])) {
      if (!registry.get(id)) continue;
      canvas.addMarker(id, flowIds.includes(id) ? pathMarkers.taken : pathMarkers.visited);
      marked++;
    }
    const last = elementIds.at(-1);
    if (last && registry.get(last)) canvas.addMarker(last, pathMarkers.end);
    return marked;
  }

  /** After the container changed size (a column enlarged, the window resized): the whole diagram again. */
  fit(): void {
    if (!this.container.isConnected || this.container.clientWidth === 0) return;
    const canvas = this.canvas;
    canvas.resized();
    canvas.zoom('fit-viewport', 'auto' as unknown as { x: number; y: number });
  }

  destroy(): void {
    this.viewer.destroy();
  }
}
