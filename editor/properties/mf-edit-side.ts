/**
 * Edit mode's side panel: two tabs, Problems (the lint panel) and Properties (the selection's
 * properties). The panels are the light-DOM children in slots "problems" and "properties", so the
 * properties panel's global stylesheet still reaches it. Tabs follow the WAI-ARIA tabs pattern:
 * one tab stop, arrow keys, Home and End move between the tabs.
 */
import { LitElement, css, html, nothing } from 'lit';
import { panelStyles } from '../shell/theme.ts';
import './mf-properties-panel.ts';

const tabs = [
  { key: 'problems', label: 'Problems' },
  { key: 'properties', label: 'Properties' },
] as const;

export type SideTab = (typeof tabs)[number]['key'];

/** The tab chosen last, kept while the panel is away (trainer mode) so coming back shows it again. */
let remembered: SideTab = 'problems';

export class MfEditSide extends LitElement {
  static override properties = {
    tab: { state: true },
    problemCount: { attribute: false },
  };

  declare tab: SideTab;
  /** The lint count for the Problems tab's label; null while unknown. */
  declare problemCount: number | null;

  constructor() {
    super();
    this.tab = remembered;
    this.problemCount = null;
  }

  static override styles = [
    panelStyles,
    css`
      :host {
        display: flex;
        flex-direction: column;
        height: 100%;
        min-height: 0;
      }
      [role='tablist'] {
        display: flex;
        gap: 4px;
        border-bottom: 1px solid #d5dce5;
        margin: 0 0 10px;
        flex: none;
      }
      [role='tab'] {
        flex: 1;
        padding: 7px 10px;
        border: 1px solid transparent;
        border-bottom: none;
        border-radius: 5px 5px 0 0;
        background: transparent;
        color: #4a5868;
        font-weight: 600;
        margin-bottom: -1px;
      }
      [role='tab']:hover {
        background: #eef2f7;
      }
      [role='tab'][aria-selected='true'] {
        background: #fff;
        color: #1d2733;
        border-color: #d5dce5;
        border-bottom: 1px solid #fff;
        box-shadow: inset 0 3px 0 #2f6fdb;
      }
      .count {
        display: inline-block;
        min-width: 18px;
        padding: 0 5px;
        margin-left: 4px;
        border-radius: 9px;
        background: #e8eef7;
        font-size: 12px;
        line-height: 18px;
      }
      [role='tabpanel'] {
        flex: 1;
        min-height: 0;
      }
      #panel-problems {
        overflow: auto;
      }
      [hidden] {
        display: none !important;
      }
    `,
  ];

  select(tab: SideTab, focus = false): void {
    this.tab = tab;
    remembered = tab;
    if (focus) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#tab-${tab}`)?.focus());
  }

  private readonly onKeydown = (event: KeyboardEvent) => {
    const index = tabs.findIndex((tab) => tab.key === this.tab);
    const moves: Record<string, number> = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: tabs.length - 1 };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    event.stopPropagation();
    this.select(tabs[(target + tabs.length) % tabs.length]!.key, true);
  };

  override render() {
    return html`
      <div role="tablist" aria-label="Edit panels" @keydown=${this.onKeydown}>
        ${tabs.map(
          ({ key, label }) => html`<button
            type="button"
            role="tab"
            id="tab-${key}"
            data-testid="tab-${key}"
            aria-selected=${this.tab === key}
            aria-controls="panel-${key}"
            tabindex=${this.tab === key ? 0 : -1}
            @click=${() => this.select(key)}
          >
            ${label}${key === 'problems' && this.problemCount !== null ? html`<span class="count" aria-label="(${this.problemCount})">${this.problemCount}</span>` : nothing}
          </button>`,
        )}
      </div>
      ${tabs.map(
        ({ key }) => html`<div role="tabpanel" id="panel-${key}" aria-labelledby="tab-${key}" ?hidden=${this.tab !== key}><slot name=${key}></slot></div>`,
      )}
    `;
  }
}

customElements.define('mf-edit-side', MfEditSide);

declare global {
  interface HTMLElementTagNameMap {
    'mf-edit-side': MfEditSide;
  }
}
