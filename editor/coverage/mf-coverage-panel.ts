/**
 * Coverage mode's panel: the model's case suite run against the diagram as it is in the page (maybe
 * unsaved), the totals, every element no case reaches (choose one to see it on the diagram), and for
 * the selected element which cases reached it. Draws the coverage markers while it is on the page.
 *
 * A suite takes seconds (Derby) to tens of seconds (Coventry), so it runs when the mode opens or a
 * model is opened in it, and again only when asked; the server's progress is shown meanwhile.
 */
import { LitElement, css, html, nothing } from 'lit';
import { percent } from '../../engine/coverage.ts';
import { api } from '../api/client.ts';
import type { CoverageProgress, CoverageResult } from '../api/types.ts';
import { reveal, services, type Modeler } from '../modeler/bpmn-js.ts';
import { panelStyles } from '../shell/theme.ts';
import { clearCoverageMarkers, showCoverageMarkers } from './coverage-markers.ts';

type Phase = 'idle' | 'running' | 'done' | 'failed';

interface ElementInfo {
  id: string;
  kind: 'node' | 'flow';
  label: string;
}

const progressPollMs = 500;
const listenerPriority = 1500;


export class MfCoveragePanel extends LitElement {
  static override properties = {
    modeler: { attribute: false },
    model: {},
    phase: { state: true },
    result: { state: true },
    progress: { state: true },
    elapsed: { state: true },
    failure: { state: true },
    stale: { state: true },
    selected: { state: true },
  };

  /** The editor's bpmn-js Modeler: the XML comes from it and the markers go on it. */
  declare modeler: Modeler | undefined;
  /** The open model's name (models/<name>.bpmn, cases in models/cases/<name>/). */
  declare model: string;
  declare phase: Phase;
  declare result: CoverageResult | null;
  declare progress: CoverageProgress | null;
  declare elapsed: number;
  declare failure: string;
  /** The diagram changed since the result: the markers may be out of date. */
  declare stale: boolean;
  declare selected: string;

  /** Each run's number; an answer for an older run (another model, a newer run) is dropped. */
  private runNumber = 0;
  private timer: ReturnType<typeof setInterval> | undefined;
  private listening: Modeler | undefined;

  constructor() {
    super();
    this.modeler = undefined;
    this.model = '';
    this.phase = 'idle';
    this.result = null;
    this.progress = null;
    this.elapsed = 0;
    this.failure = '';
    this.stale = false;
    this.selected = '';
  }

  static override styles = [
    panelStyles,
    css`
      .totals {
        display: grid;
        grid-template-columns: auto 1fr;
        gap: 2px 10px;
        margin: 0 0 10px;
      }
      .totals dt {
        color: #4a5868;
      }
      .totals dd {
        margin: 0;
        font-weight: 600;
      }
      .full {
        color: #1f7a3a;
      }
      .short {
        color: #b3261e;
      }
      .legend {
        display: flex;
        flex-wrap: wrap;
        gap: 4px 14px;
        margin: 0 0 12px;
        padding: 0;
        list-style: none;
        font-size: 13px;
      }
      .swatch {
        display: inline-block;
        width: 18px;
        height: 12px;
        margin-right: 5px;
        vertical-align: -1px;
        border-radius: 2px;
      }
      .swatch.covered {
        background: #e3f3e8;
        border: 2px solid #2e7d4f;
      }
      .swatch.uncovered {
        background: #e6e8eb;
        border: 2px dashed #b3261e;
      }
      ul.elements {
        list-style: none;
        margin: 0 0 12px;
        padding: 0;
      }
      ul.elements button {
        display: block;
        width: 100%;
        text-align: left;
        border: 1px solid #d5dce5;
        border-left: 5px solid #b3261e;
        border-radius: 4px;
        background: #fff;
        padding: 5px 8px;
        margin-bottom: 5px;
      }
      ul.elements button:hover {
        background: #f4f7fb;
      }
      .kind {
        font-size: 12px;
        color: #5c6a79;
      }
      .actions {
        display: flex;
        gap: 8px;
        align-items: center;
        margin: 0 0 10px;
      }
      .actions button {
        border: 1px solid #2f6fdb;
        background: #2f6fdb;
        color: #fff;
        border-radius: 4px;
        padding: 4px 12px;
        font-weight: 600;
      }
      .actions button:disabled {
        opacity: 0.5;
        cursor: default;
      }
      .notice {
        margin: 0 0 10px;
        padding: 6px 8px;
        border-radius: 4px;
        background: #fff4d6;
        font-size: 13px;
      }
      .failure {
        color: #b3261e;
        font-weight: 600;
      }
      .reached,
      .failed-cases {
        font-size: 13px;
        margin: 0 0 12px;
        padding-left: 18px;
      }
      h3 {
        font-size: 13px;
        margin: 12px 0 6px;
      }
    `,
  ];

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.modeler) this.listen(this.modeler);
  }

  override disconnectedCallback(): void {
    this.stopPolling();
    this.runNumber++;
    if (this.modeler) {
      this.unlisten(this.modeler);
      clearCoverageMarkers(this.modeler);
    }
    super.disconnectedCallback();
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('modeler')) {
      const previous = changed.get('modeler') as Modeler | undefined;
      if (previous) this.unlisten(previous);
      if (this.modeler && this.isConnected) this.listen(this.modeler);
    }
  }

  protected override updated(changed: Map<PropertyKey, unknown>): void {
    if ((changed.has('model') || changed.has('modeler')) && this.model && this.modeler) void this.run();
  }

  private listen(modeler: Modeler) {
    if (this.listening === modeler) return;
    // Above the default priority: diagram-js stops calling listeners after one that returns a
    // value, and the editor's own commandStack.changed listener does (mf-modeler.ts).
    modeler.on('commandStack.changed', listenerPriority, this.onDiagramChanged);
    modeler.on('selection.changed', listenerPriority, this.onSelectionChanged);
    this.listening = modeler;
  }

  private unlisten(modeler: Modeler) {
    modeler.off('commandStack.changed', this.onDiagramChanged);
    modeler.off('selection.changed', this.onSelectionChanged);
    if (this.listening === modeler) this.listening = undefined;
  }

  private readonly onDiagramChanged = () => {
    if (this.result || this.phase === 'running') this.stale = true;
  };

  private readonly onSelectionChanged = (event: { newSelection?: { id: string }[] }) => {
    this.selected = event.newSelection?.length === 1 ? event.newSelection[0]!.id : '';
  };

  /** Runs the suite against the diagram as it is now; public so a keyboard shortcut or test can ask. */
  async run(): Promise<void> {
    const modeler = this.modeler;
    const model = this.model;
    if (!modeler || !model) return;
    const number = ++this.runNumber;
    this.phase = 'running';
    this.failure = '';
    this.stale = false;
    this.progress = null;
    const started = performance.now();
    this.elapsed = 0;
    this.stopPolling();
    this.timer = setInterval(() => {
      this.elapsed = Math.round((performance.now() - started) / 1000);
      void api.coverageProgress(model).then(
        (progress) => {
          if (number === this.runNumber && this.phase === 'running') this.progress = progress;
        },
        () => undefined, // a missed poll is harmless; the next one or the answer follows
      );
    }, progressPollMs);
    try {
      const { xml } = await modeler.saveXML({ format: true });
      const result = await api.coverage(model, xml ?? '');
      if (number !== this.runNumber) return;
      this.result = result;
      this.phase = 'done';
      showCoverageMarkers(modeler, result);
      this.dispatchEvent(
        new CustomEvent('coverage-done', {
          detail: { model, result, ms: Math.round(performance.now() - started) },
          bubbles: true,
          composed: true,
        }),
      );
    } catch (error) {
      if (number !== this.runNumber) return;
      this.phase = 'failed';
      this.failure = (error as Error).message;
    } finally {
      if (number === this.runNumber) this.stopPolling();
    }
  }

  private stopPolling() {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** "Screen high risk (task)", or for a flow "Yes: High risk? → Screen high risk". */
  private describe(id: string): ElementInfo {
    const registry = this.modeler ? services(this.modeler).elementRegistry : undefined;
    const element = registry?.get(id) as { type?: string; businessObject?: { name?: string; sourceRef?: { id: string; name?: string }; targetRef?: { id: string; name?: string } } } | undefined;
    const business = element?.businessObject;
    const type = (element?.type ?? '').replace(/^bpmn:/, '');
    if (type === 'SequenceFlow' || this.result?.flows.uncovered.includes(id) || this.result?.flows.covered.includes(id)) {
      const from = business?.sourceRef ? business.sourceRef.name || business.sourceRef.id : '?';
      const to = business?.targetRef ? business.targetRef.name || business.targetRef.id : '?';
      return { id, kind: 'flow', label: `${business?.name ? `${business.name}: ` : ''}${from} → ${to}` };
    }
    const kind = type.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
    return { id, kind: 'node', label: `${business?.name || id}${kind ? ` (${kind})` : ''}` };
  }

  private pick(id: string) {
    if (this.modeler) reveal(this.modeler, id);
  }

  private renderProgress() {
    const progress = this.progress;
    const counted = progress?.running && progress.total > 0 ? `${progress.done} of ${progress.total} cases run` : 'starting';
    return html`<p class="muted" role="status" aria-live="polite" data-testid="coverage-progress">
      Running the case suite of ${this.model} with the reference executor (a few seconds for Derby, about half a minute for Coventry): ${counted}, ${this.elapsed} s so far.
      The diagram stays usable meanwhile.
    </p>`;
  }

  private renderSelected(result: CoverageResult) {
    if (!this.selected) return html`<p class="muted">Select an element on the diagram to see which cases reach it.</p>`;
    const known = [...result.nodes.covered, ...result.nodes.uncovered, ...result.flows.covered, ...result.flows.uncovered].includes(this.selected);
    if (!known) return html`<p class="muted" data-testid="coverage-selected">${this.describe(this.selected).label}: not in the last run (run again to include it).</p>`;
    const cases = result.reachedBy[this.selected] ?? [];
    const titles = new Map(result.cases.map((entry) => [entry.file, entry.title]));
    return html`<div data-testid="coverage-selected">
      <p><strong>${this.describe(this.selected).label}</strong>: ${cases.length === 0 ? html`<span class="short">no case reaches it</span>` : `reached by ${cases.length} case${cases.length === 1 ? '' : 's'}`}</p>
      ${cases.length ? html`<ul class="reached">${cases.map((file) => html`<li title=${file}>${titles.get(file) ?? file}</li>`)}</ul>` : nothing}
    </div>`;
  }

  override render() {
    const result = this.result && this.result.model === this.model ? this.result : null;
    const uncovered = result ? [...result.nodes.uncovered, ...result.flows.uncovered].map((id) => this.describe(id)) : [];
    const failed = result?.cases.filter((entry) => !entry.passed) ?? [];
    return html`
      <h2 id="coverage-heading">Coverage</h2>
      <div class="actions">
        <button type="button" data-testid="coverage-run" @click=${() => this.run()} ?disabled=${this.phase === 'running' || !this.model}>
          ${this.phase === 'running' ? 'Running…' : result ? 'Run again' : 'Run the cases'}
        </button>
        ${result ? html`<span class="muted" data-testid="coverage-time">${result.cached ? 'from the cache' : `${(result.milliseconds / 1000).toFixed(1)} s`}</span>` : nothing}
      </div>
      ${this.phase === 'running' ? this.renderProgress() : nothing}
      ${this.phase === 'failed' ? html`<p class="failure" role="alert" data-testid="coverage-failure">Coverage failed: ${this.failure}</p>` : nothing}
      ${this.stale && this.phase !== 'running' ? html`<p class="notice" data-testid="coverage-stale">The diagram has changed since this run: run again to see the effect of the edit.</p>` : nothing}
      ${result
        ? html`
            <dl class="totals" data-testid="coverage-totals">
              <dt>Flow nodes</dt>
              <dd class=${result.nodes.uncovered.length ? 'short' : 'full'} data-testid="coverage-nodes">
                ${result.nodes.covered.length}/${result.nodes.total} (${percent(result.nodes.covered.length, result.nodes.total)})
              </dd>
              <dt>Sequence flows</dt>
              <dd class=${result.flows.uncovered.length ? 'short' : 'full'} data-testid="coverage-flows">
                ${result.flows.covered.length}/${result.flows.total} (${percent(result.flows.covered.length, result.flows.total)})
              </dd>
              <dt>Cases</dt>
              <dd>${result.cases.length - failed.length} of ${result.cases.length} pass</dd>
            </dl>
            <ul class="legend" aria-label="Legend">
              <li><span class="swatch covered"></span>reached by some case</li>
              <li><span class="swatch uncovered"></span>no case reaches it</li>
            </ul>
            <h3 id="uncovered-heading">Not exercised by any case (${uncovered.length})</h3>
            ${uncovered.length === 0
              ? html`<p class="full" data-testid="coverage-complete">Every flow node and sequence flow is exercised by some case.</p>`
              : html`<ul class="elements" aria-labelledby="uncovered-heading" data-testid="coverage-uncovered">
                  ${uncovered.map(
                    (element) => html`<li>
                      <button type="button" data-id=${element.id} data-kind=${element.kind} @click=${() => this.pick(element.id)}>
                        ${element.label}<br /><span class="kind">${element.kind === 'flow' ? 'sequence flow' : 'flow node'} · ${element.id}</span>
                      </button>
                    </li>`,
                  )}
                </ul>`}
            <h3>Selected element</h3>
            ${this.renderSelected(result)}
            ${failed.length
              ? html`<h3>Cases that fail (${failed.length})</h3>
                  <ul class="failed-cases" data-testid="coverage-failed-cases">
                    ${failed.map((entry) => html`<li><strong>${entry.title}</strong> <span class="muted">(${entry.file})</span><br />${entry.problems.join(' ')}</li>`)}
                  </ul>`
              : nothing}
          `
        : this.phase === 'idle'
          ? html`<p class="muted">Open a model to see which parts of it its cases exercise.</p>`
          : nothing}
    `;
  }
}

customElements.define('mf-coverage-panel', MfCoveragePanel);

declare global {
  interface HTMLElementTagNameMap {
    'mf-coverage-panel': MfCoveragePanel;
  }
}
