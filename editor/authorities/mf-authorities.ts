/**
 * Authorities mode: one household through every authority's saved model, side by side. Pick a case
 * (any bundled case of any model, or a sample household), run it, and each authority shows its
 * outcome and notification words, its number of steps, and its diagram with the case's path drawn
 * on it; a table compares them. Choose a column (click, or its button) to enlarge it; Escape shrinks.
 *
 * Renders into the light DOM: bpmn-js's styles are global.
 */
import './authorities.css';
import { LitElement, html, nothing } from 'lit';
import { ApiFailure, api } from '../api/client.ts';
import type { AuthorityRun, CaseSummary, HouseholdSummary, ModelSummary, RunAllRequest, RunAllResult } from '../api/types.ts';
import { PathViewer } from './path-viewer.ts';

/** A choice in the case picker: "household:<file>" or "case:<model>/<file>". */
function requestFor(choice: string): RunAllRequest | undefined {
  if (choice.startsWith('household:')) return { household: choice.slice('household:'.length) };
  const match = /^case:([^/]+)\/(.+)$/.exec(choice);
  return match ? { model: match[1]!, case: match[2]! } : undefined;
}

function words(list: readonly string[], kind: 'outcome' | 'notification') {
  return list.length === 0 ? html`<span class="mfa-none">none</span>` : list.map((word) => html`<span class="mfa-word mfa-${kind}">${word}</span>`);
}

/** "Coventry" from "Coventry: daily DV list, …": the full title is long for a table row or a column head. */
function shortName(authority: AuthorityRun): { name: string; rest: string } {
  const colon = authority.title.indexOf(':');
  return colon > 0 ? { name: authority.title.slice(0, colon), rest: authority.title.slice(colon + 1).trim() } : { name: authority.title, rest: '' };
}

function deadlinesText(run: AuthorityRun): string {
  if (run.deadlines.length === 0) return 'none';
  const missed = run.deadlines.filter((deadline) => !deadline.met);
  return missed.length === 0 ? `all ${run.deadlines.length} met` : `${missed.length} of ${run.deadlines.length} missed`;
}

export class MfAuthorities extends LitElement {
  static override properties = {
    models: { state: true },
    cases: { state: true },
    households: { state: true },
    choice: { state: true },
    result: { state: true },
    running: { state: true },
    failure: { state: true },
    enlarged: { state: true },
    note: { state: true },
  };

  declare models: ModelSummary[];
  declare cases: Map<string, CaseSummary[]>;
  declare households: HouseholdSummary[];
  declare choice: string;
  declare result: RunAllResult | null;
  declare running: boolean;
  declare failure: string;
  /** The model whose column is enlarged, or ''. */
  declare enlarged: string;
  declare note: string;

  private readonly viewers = new Map<string, PathViewer>();
  private readonly xmlByModel = new Map<string, string>();
  private runNumber = 0;
  private listsLoaded = false;

  constructor() {
    super();
    this.models = [];
    this.cases = new Map();
    this.households = [];
    this.choice = '';
    this.result = null;
    this.running = false;
    this.failure = '';
    this.enlarged = '';
    this.note = '';
  }

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('resize', this.onResize);
    if (!this.listsLoaded) void this.loadLists();
  }

  override disconnectedCallback(): void {
    window.removeEventListener('resize', this.onResize);
    super.disconnectedCallback();
  }

  private readonly onResize = () => {
    for (const viewer of this.viewers.values()) viewer.fit();
  };

  private async loadLists() {
    try {
      const [models, households] = await Promise.all([api.models(), api.households()]);
      const cases = new Map<string, CaseSummary[]>();
      await Promise.all(models.map(async (model) => cases.set(model.name, await api.cases(model.name))));
      this.models = models;
      this.households = households;
      this.cases = cases;
      this.listsLoaded = true;
      if (!this.choice) this.choice = households[0] ? `household:${households[0].file}` : '';
    } catch (error) {
      this.failure = `Could not list the cases: ${(error as Error).message}`;
    }
  }

  /** Runs the chosen case through every authority; public so the shell or a test can ask. */
  async run(): Promise<void> {
    const request = requestFor(this.choice);
    if (!request || this.running) return;
    const number = ++this.runNumber;
    this.running = true;
    this.failure = '';
    this.note = 'Running the case through every authority’s model (a few seconds)…';
    const started = performance.now();
    try {
      const result = await api.runAll(request);
      // The diagrams of the models as saved, the same ones the server ran.
      await Promise.all(
        result.authorities.map(async (authority) => {
          if (!this.xmlByModel.has(authority.model)) this.xmlByModel.set(authority.model, (await api.model(authority.model)).xml);
        }),
      );
      if (number !== this.runNumber) return;
      this.result = result;
      if (this.enlarged && !result.authorities.some((authority) => authority.model === this.enlarged)) this.enlarged = '';
      await this.updateComplete;
      const warnings = await this.drawDiagrams(result);
      const ran = result.authorities.filter((authority) => authority.ran).length;
      const ms = Math.round(performance.now() - started);
      this.note = `${ran} of ${result.authorities.length} authorities ran the case (${(result.milliseconds / 1000).toFixed(1)} s on the server, ${(ms / 1000).toFixed(1)} s in all).${warnings.length ? ` Diagram warnings: ${warnings.join('; ')}` : ''}`;
      this.dataset.shown = this.choice;
      this.dispatchEvent(new CustomEvent('authorities-shown', { detail: { ms }, bubbles: true, composed: true }));
    } catch (error) {
      if (number !== this.runNumber) return;
      const problems = error instanceof ApiFailure ? error.problems.slice(1).map((problem) => problem.message) : [];
      this.failure = [(error as Error).message, ...problems].join(' ');
      this.note = '';
    } finally {
      if (number === this.runNumber) this.running = false;
    }
  }

  /** Puts each authority's viewer in its column, imports its model once, and draws the path. */
  private async drawDiagrams(result: RunAllResult): Promise<string[]> {
    const warnings: string[] = [];
    await Promise.all(
      result.authorities.map(async (authority) => {
        const slot = this.querySelector<HTMLElement>(`.mfa-diagram[data-model="${CSS.escape(authority.model)}"]`);
        const xml = this.xmlByModel.get(authority.model);
        if (!slot || !xml) return;
        let viewer = this.viewers.get(authority.model);
        if (!viewer) {
          viewer = new PathViewer();
          this.viewers.set(authority.model, viewer);
        }
        if (viewer.container.parentElement !== slot) slot.replaceChildren(viewer.container);
        for (const warning of await viewer.show(xml)) warnings.push(`${authority.model}: ${warning}`);
        viewer.highlight(
          authority.path.map((step) => step.id),
          authority.flowsTaken,
        );
        viewer.fit();
      }),
    );
    return warnings;
  }

  private async toggle(model: string) {
    this.enlarged = this.enlarged === model ? '' : model;
    await this.updateComplete;
    for (const viewer of this.viewers.values()) viewer.fit();
    if (this.enlarged) this.querySelector<HTMLElement>(`.mfa-column[data-model="${CSS.escape(this.enlarged)}"]`)?.scrollIntoView({ block: 'nearest' });
  }

  private readonly onColumnClick = (event: MouseEvent, model: string) => {
    // A click on a small diagram enlarges it; inside an enlarged one, clicks pan and zoom.
    const target = event.target as HTMLElement;
    if (this.enlarged === model || target.closest('button, summary, details, a')) return;
    void this.toggle(model);
  };

  private readonly onKeydown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && this.enlarged) {
      const model = this.enlarged;
      event.preventDefault();
      void this.toggle(model).then(() => this.querySelector<HTMLElement>(`.mfa-column[data-model="${CSS.escape(model)}"] .mfa-enlarge`)?.focus());
    }
  };

  private renderPicker() {
    return html`<div class="mfa-controls">
      <label for="mfa-case">Case</label>
      <select id="mfa-case" data-testid="authorities-case" .value=${this.choice} @change=${(event: Event) => (this.choice = (event.target as HTMLSelectElement).value)} ?disabled=${!this.listsLoaded}>
        ${this.households.length
          ? html`<optgroup label="Sample households">
              ${this.households.map((household) => html`<option value=${`household:${household.file}`} ?selected=${this.choice === `household:${household.file}`}>${household.title}</option>`)}
            </optgroup>`
          : nothing}
        ${this.models.map(
          (model) => html`<optgroup label=${`${model.name}: ${model.title}`}>
            ${(this.cases.get(model.name) ?? []).map((entry) => {
              const value = `case:${model.name}/${entry.file}`;
              return html`<option value=${value} ?selected=${this.choice === value}>${entry.title}</option>`;
            })}
          </optgroup>`,
        )}
      </select>
      <button type="button" class="mfa-run" data-testid="authorities-run" @click=${() => this.run()} ?disabled=${this.running || !this.choice}>
        ${this.running ? 'Running…' : 'Run through every authority'}
      </button>
      <span class="mfa-note" role="status" aria-live="polite" data-testid="authorities-note">${this.note}</span>
    </div>`;
  }

  private renderSummary(result: RunAllResult) {
    return html`<table class="mfa-summary" data-testid="authorities-summary">
      <caption>
        ${result.case.title}
        <span class="mfa-muted">(${result.case.source}, received ${result.case.receivedLocal})</span>
      </caption>
      <thead>
        <tr>
          <th scope="col">Authority</th>
          <th scope="col">Outcomes</th>
          <th scope="col">Notifications</th>
          <th scope="col">Steps</th>
          <th scope="col">Deadlines</th>
          <th scope="col">Finished</th>
        </tr>
      </thead>
      <tbody>
        ${result.authorities.map(
          (authority) => html`<tr data-model=${authority.model}>
            <th scope="row" title=${authority.title}>${shortName(authority).name}</th>
            ${authority.ran
              ? html`<td>${words(authority.outcomes, 'outcome')}</td>
                  <td>${words(authority.notifications, 'notification')}</td>
                  <td>${authority.steps}</td>
                  <td>${deadlinesText(authority)}</td>
                  <td>${authority.finishedLocal}</td>`
              : html`<td colspan="5" class="mfa-problem">cannot run: ${authority.problems.map((problem) => problem.message).join('; ')}</td>`}
          </tr>`,
        )}
      </tbody>
    </table>`;
  }

  private renderColumn(authority: AuthorityRun) {
    const enlarged = this.enlarged === authority.model;
    const lanes = [...new Set(authority.path.map((step) => step.lane).filter((lane): lane is string => lane !== null))];
    return html`<article
      class="mfa-column ${enlarged ? 'mfa-enlarged' : ''} ${authority.ran ? '' : 'mfa-failed'}"
      data-model=${authority.model}
      data-testid="authority-column"
      aria-label=${authority.title}
      @click=${(event: MouseEvent) => this.onColumnClick(event, authority.model)}
    >
      <header>
        <div class="mfa-heading">
          <h3>${shortName(authority).name}</h3>
          ${shortName(authority).rest ? html`<p class="mfa-subtitle">${shortName(authority).rest}</p>` : nothing}
        </div>
        <button type="button" class="mfa-enlarge" aria-expanded=${enlarged} @click=${() => this.toggle(authority.model)}>${enlarged ? 'Shrink' : 'Enlarge'}</button>
      </header>
      ${authority.ran
        ? html`<dl class="mfa-words">
            <dt>Outcomes</dt>
            <dd data-testid="authority-outcomes">${words(authority.outcomes, 'outcome')}</dd>
            <dt>Notified</dt>
            <dd>${words(authority.notifications, 'notification')}</dd>
            <dt>Steps</dt>
            <dd data-testid="authority-steps">${authority.steps}, finished ${authority.finishedLocal}; deadlines ${deadlinesText(authority)}</dd>
          </dl>`
        : html`<p class="mfa-problem" role="note">The case cannot run in this model: ${authority.problems.map((problem) => problem.message).join('; ')}</p>`}
      <div class="mfa-diagram" data-model=${authority.model} aria-label=${`${authority.title}: diagram with the case's path highlighted; drag to pan, wheel to zoom`}></div>
      ${authority.ran
        ? html`<details>
            <summary>The path, step by step (${lanes.join(', ')})</summary>
            <ol class="mfa-path">
              ${authority.path
                .filter((step) => step.name || !step.type.endsWith('Gateway'))
                .map((step) => html`<li><span class="mfa-time">${step.endedLocal}</span> ${step.name || step.id} <span class="mfa-muted">[${step.lane ?? 'no lane'}]</span></li>`)}
            </ol>
          </details>`
        : nothing}
    </article>`;
  }

  override render() {
    const result = this.result;
    return html`<section class="mfa" aria-label="Authorities: one case through every authority's model" @keydown=${this.onKeydown}>
      ${this.renderPicker()}
      ${this.failure ? html`<p class="mfa-failure" role="alert" data-testid="authorities-failure">${this.failure}</p>` : nothing}
      ${result
        ? html`${this.renderSummary(result)}
            <div class="mfa-legend" aria-hidden="true">
              <span><span class="mfa-swatch mfa-swatch-path"></span>on the case's path</span>
              <span><span class="mfa-swatch mfa-swatch-end"></span>where it ended</span>
              <span>Choose a column to enlarge it; Escape shrinks it. The saved models are run.</span>
            </div>
            <div class="mfa-grid" data-testid="authorities-grid">${result.authorities.map((authority) => this.renderColumn(authority))}</div>`
        : html`<p class="mfa-hint">Choose a case, a bundled case of any authority or a sample household, and run it to see what each authority's procedure would do with the same household.</p>`}
    </section>`;
  }
}

customElements.define('mf-authorities', MfAuthorities);

declare global {
  interface HTMLElementTagNameMap {
    'mf-authorities': MfAuthorities;
  }
}
