/** The bundled models: one button each (process title, file name, number of cases). */
import { LitElement, css, html } from 'lit';
import type { ModelSummary } from '../api/types.ts';
import { panelStyles } from '../shell/theme.ts';

export class MfModelList extends LitElement {
  static override properties = {
    models: { attribute: false },
    current: {},
  };

  declare models: readonly ModelSummary[];
  declare current: string;

  constructor() {
    super();
    this.models = [];
    this.current = '';
  }

  static override styles = [
    panelStyles,
    css`
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      button {
        display: block;
        width: 100%;
        text-align: left;
        border: 1px solid transparent;
        border-radius: 4px;
        background: none;
        padding: 6px 8px;
        margin-bottom: 4px;
        color: inherit;
      }
      button:hover {
        background: #e9eef5;
      }
      button[aria-current='true'] {
        background: #dce7f8;
        border-color: #9db9e6;
      }
      .title {
        display: block;
        font-size: 13px;
        line-height: 1.3;
      }
      .file {
        display: block;
        font-size: 12px;
        color: #5c6a79;
        margin-top: 2px;
      }
    `,
  ];

  private choose(name: string) {
    this.dispatchEvent(new CustomEvent('model-select', { detail: { name }, bubbles: true, composed: true }));
  }

  override render() {
    return html`
      <h2 id="models-heading">Models</h2>
      <ul aria-labelledby="models-heading">
        ${this.models.map(
          (model) => html`<li>
            <button type="button" data-model=${model.name} aria-current=${model.name === this.current ? 'true' : 'false'} @click=${() => this.choose(model.name)}>
              <span class="title">${model.title}</span>
              <span class="file">${model.name}.bpmn · ${model.cases} case${model.cases === 1 ? '' : 's'}</span>
            </button>
          </li>`,
        )}
      </ul>
    `;
  }
}

customElements.define('mf-model-list', MfModelList);

declare global {
  interface HTMLElementTagNameMap {
    'mf-model-list': MfModelList;
  }
}
