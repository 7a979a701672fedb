/**
 * The diagram: one bpmn-js Modeler, reused for every model opened. Renders into the light DOM
 * because diagram-js's styles are global. Fires `diagram-changed` on every command (edit, undo,
 * redo).
 */
import { LitElement, html } from 'lit';
import { createModeler, describeWarning, showDiagram, type Modeler } from './bpmn-js.ts';

export interface ImportOutcome {
  warnings: string[];
  /** Milliseconds from importXML to the diagram fitted on screen. */
  ms: number;
}

export class MfModeler extends LitElement {
  /** The bpmn-js Modeler, once connected (tests drive it through this too). */
  modeler: Modeler | undefined;

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override render() {
    return html`<div class="mf-canvas" aria-label="BPMN diagram; focus it to use bpmn-js keyboard shortcuts"></div>`;
  }

  override firstUpdated(): void {
    const container = this.querySelector<HTMLElement>('.mf-canvas')!;
    this.modeler = createModeler(container);
    // A block body: diagram-js stops an event at a listener that returns a value, and
    // dispatchEvent returns true, which would starve every listener registered after this one.
    this.modeler.on('commandStack.changed', () => {
      this.dispatchEvent(new CustomEvent('diagram-changed', { bubbles: true, composed: true }));
    });
  }

  async open(xml: string): Promise<ImportOutcome> {
    await this.updateComplete;
    const modeler = this.modeler!;
    const started = performance.now();
    let warnings: string[];
    try {
      const result = await modeler.importXML(xml);
      warnings = (result.warnings as unknown[]).map(describeWarning);
    } catch (error) {
      const failed = error as { message?: string; warnings?: unknown[] };
      warnings = [`import failed: ${failed.message ?? String(error)}`, ...(failed.warnings ?? []).map(describeWarning)];
    }
    showDiagram(modeler);
    const ms = Math.round(performance.now() - started);
    this.dataset.importWarnings = String(warnings.length);
    return { warnings, ms };
  }

  async xml(): Promise<string> {
    const { xml } = await this.modeler!.saveXML({ format: true });
    return xml ?? '';
  }
}

customElements.define('mf-modeler', MfModeler);

declare global {
  interface HTMLElementTagNameMap {
    'mf-modeler': MfModeler;
  }
}
