/** The lint panel: every issue, errors first; choosing one selects its element on the diagram. */
import { LitElement, css, html, nothing } from 'lit';
import type { LintIssueJson } from '../api/types.ts';
import { panelStyles } from '../shell/theme.ts';

export type LintState = 'idle' | 'linting' | 'failed';

export class MfLintPanel extends LitElement {
  static override properties = {
    issues: { attribute: false },
    state: {},
    failure: {},
    names: { attribute: false },
  };

  declare issues: readonly LintIssueJson[] | null;
  declare state: LintState;
  declare failure: string;
  /** Element names by id, to say "Screen high risk" rather than an id alone. */
  declare names: ReadonlyMap<string, string>;

  constructor() {
    super();
    this.issues = null;
    this.state = 'idle';
    this.failure = '';
    this.names = new Map();
  }

  static override styles = [
    panelStyles,
    css`
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      li button {
        display: block;
        width: 100%;
        text-align: left;
        border: 1px solid #d5dce5;
        border-left-width: 5px;
        border-radius: 4px;
        background: #fff;
        padding: 6px 8px;
        margin-bottom: 6px;
      }
      li button:hover {
        background: #f4f7fb;
      }
      .error {
        border-left-color: #c62828;
      }
      .warn {
        border-left-color: #d98a00;
      }
      .where {
        font-weight: 600;
      }
      .rule {
        font-size: 12px;
        color: #5c6a79;
      }
      .summary {
        margin: 0 0 10px;
      }
      .ok {
        color: #1f7a3a;
        font-weight: 600;
      }
    `,
  ];

  private pick(id: string) {
    this.dispatchEvent(new CustomEvent('issue-pick', { detail: { id }, bubbles: true, composed: true }));
  }

  override render() {
    const issues = this.issues;
    const errors = issues?.filter((issue) => issue.category === 'error').length ?? 0;
    const warnings = (issues?.length ?? 0) - errors;
    const sorted = [...(issues ?? [])].sort((a, b) => (a.category === b.category ? 0 : a.category === 'error' ? -1 : 1));
    return html`
      <h2 id="lint-heading">Lint</h2>
      <p class="summary" role="status" aria-live="polite" data-testid="lint-summary">
        ${this.state === 'failed'
          ? html`<span>Lint failed: ${this.failure}</span>`
          : issues === null
            ? html`<span class="muted">${this.state === 'linting' ? 'Linting…' : 'Open a model to lint it.'}</span>`
            : issues.length === 0
              ? html`<span class="ok">No problems</span> <span class="muted">(bpmnlint recommended + mashflow rules)</span>`
              : html`<span>${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}</span>${this.state === 'linting' ? html` <span class="muted">(checking…)</span>` : nothing}`}
      </p>
      <ul aria-labelledby="lint-heading" data-testid="lint-issues">
        ${sorted.map(
          (issue) => html`<li>
            <button type="button" class=${issue.category} data-id=${issue.id} data-rule=${issue.rule} @click=${() => this.pick(issue.id)} ?disabled=${!issue.id}>
              <span class="where">${issue.id ? (this.names.get(issue.id) || issue.id) : 'the file'}</span>
              ${issue.id && this.names.get(issue.id) ? html`<span class="muted">(${issue.id})</span>` : nothing}<br />
              ${issue.message}<br />
              <span class="rule">${issue.category} · ${issue.rule}</span>
            </button>
          </li>`,
        )}
      </ul>
    `;
  }
}

customElements.define('mf-lint-panel', MfLintPanel);

declare global {
  interface HTMLElementTagNameMap {
    'mf-lint-panel': MfLintPanel;
  }
}
