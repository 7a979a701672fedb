/**
 * The properties panel of the diagram's current selection (the whole process when nothing is
 * selected). bpmn-js-properties-panel renders it and keeps it bound to the selection; this element
 * only gives it a place on the page while shown. Light DOM: the panel's stylesheet is global.
 */
import '@bpmn-io/properties-panel/dist/assets/properties-panel.css';
import './properties.css';
import { LitElement, html } from 'lit';
import type { Modeler } from '../modeler/bpmn-js.ts';

interface PropertiesPanelRenderer {
  attachTo(container: HTMLElement): void;
  detach(): void;
}

export class MfPropertiesPanel extends LitElement {
  static override properties = { modeler: { attribute: false } };

  declare modeler: Modeler | undefined;

  private attached: PropertiesPanelRenderer | undefined;

  constructor() {
    super();
    this.modeler = undefined;
  }

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override render() {
    return html`<div class="mf-properties" data-testid="properties-panel"></div>`;
  }

  protected override updated(): void {
    const panel = this.modeler?.get<PropertiesPanelRenderer | null>('propertiesPanel', false) ?? undefined;
    if (panel === this.attached) return;
    this.attached?.detach();
    panel?.attachTo(this.querySelector<HTMLElement>('.mf-properties')!);
    this.attached = panel;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Shown again (back from trainer mode): re-attach on the next update.
    if (this.hasUpdated) {
      this.attached = undefined;
      this.requestUpdate();
    }
  }

  override disconnectedCallback(): void {
    this.attached?.detach();
    this.attached = undefined;
    super.disconnectedCallback();
  }
}

customElements.define('mf-properties-panel', MfPropertiesPanel);

declare global {
  interface HTMLElementTagNameMap {
    'mf-properties-panel': MfPropertiesPanel;
  }
}
