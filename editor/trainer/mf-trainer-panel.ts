/**
 * Trainer mode's side panel: choose a bundled case, run it, and step through the path it takes:
 * who does each step (lane), what the procedure says (documentation and seed citation), when, the
 * deadline clocks, and at a decision which way the case went and why.
 */
import { LitElement, css, html, nothing } from 'lit';
import type { CaseSummary, FlowInfo, TrainerRun } from '../api/types.ts';
import { panelStyles } from '../shell/theme.ts';
import { formatMinutes, stateAt, typeLabel, visibleSteps, type DeadlineStatus, type StepState } from './trainer-state.ts';

export class MfTrainerPanel extends LitElement {
  static override properties = {
    cases: { attribute: false },
    run: { attribute: false },
    index: { type: Number },
    busy: { type: Boolean },
    stale: { type: Boolean },
    failure: {},
    selected: { state: true },
  };

  declare cases: readonly CaseSummary[];
  declare run: TrainerRun | null;
  declare index: number;
  declare busy: boolean;
  /** The diagram changed after the run: the path may no longer match it. */
  declare stale: boolean;
  declare failure: string;
  declare selected: string;

  constructor() {
    super();
    this.cases = [];
    this.run = null;
    this.index = 0;
    this.busy = false;
    this.stale = false;
    this.failure = '';
    this.selected = '';
  }

  static override styles = [
    panelStyles,
    css`
      label {
        display: block;
        font-weight: 600;
        margin-bottom: 4px;
      }
      select {
        width: 100%;
        font: inherit;
        padding: 4px;
        margin-bottom: 8px;
      }
      .row {
        display: flex;
        gap: 8px;
        align-items: center;
      }
      .primary,
      .nav button {
        border: 1px solid #2f6fdb;
        background: #2f6fdb;
        color: #fff;
        border-radius: 4px;
        padding: 5px 12px;
      }
      .nav button {
        background: #fff;
        color: #1f4fa3;
      }
      button:disabled {
        opacity: 0.5;
        cursor: default;
      }
      .nav {
        display: flex;
        gap: 8px;
        align-items: center;
        margin: 12px 0 8px;
      }
      .nav .where {
        margin-left: auto;
      }
      section {
        border-top: 1px solid #d5dce5;
        padding: 8px 0;
      }
      .step-name {
        font-size: 16px;
        font-weight: 650;
        margin: 0 0 4px;
      }
      dl {
        display: grid;
        grid-template-columns: max-content 1fr;
        gap: 2px 10px;
        margin: 0;
      }
      dt {
        color: #5c6a79;
      }
      dd {
        margin: 0;
      }
      .doc {
        white-space: pre-wrap;
        background: #f6f8fb;
        border-left: 3px solid #9db9e6;
        padding: 6px 8px;
        margin: 0;
        font-size: 13px;
      }
      code {
        font-family: ui-monospace, 'DejaVu Sans Mono', monospace;
        font-size: 12.5px;
        background: #eef1f5;
        padding: 0 3px;
        border-radius: 3px;
      }
      ul {
        margin: 0;
        padding-left: 18px;
      }
      .met {
        color: #1f7a3a;
      }
      .missed,
      .overdue {
        color: #b3261e;
        font-weight: 600;
      }
      .running {
        color: #8a5a00;
      }
      .outcome {
        background: #e6f4ea;
        border: 1px solid #9fd3ad;
        border-radius: 4px;
        padding: 8px;
      }
      .warning {
        color: #8a5a00;
      }
      .failure {
        color: #b3261e;
      }
    `,
  ];

  /** Moves by `delta` steps (keyboard and buttons); returns whether it moved. */
  step(delta: number): boolean {
    if (!this.run) return false;
    const last = visibleSteps(this.run).length - 1;
    const next = Math.max(0, Math.min(last, this.index + delta));
    if (next === this.index) return false;
    this.goTo(next);
    return true;
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    // Another model's cases: forget a choice that is not among them.
    if (changed.has('cases') && !this.cases.some((item) => item.file === this.selected)) this.selected = '';
  }

  goTo(index: number) {
    this.index = index;
    this.dispatchEvent(new CustomEvent('step-change', { detail: { index }, bubbles: true, composed: true }));
  }

  private runCase() {
    const file = this.selected || this.cases[0]?.file;
    if (file) this.dispatchEvent(new CustomEvent('run-case', { detail: { file }, bubbles: true, composed: true }));
  }

  override render() {
    const run = this.run;
    const state = run ? stateAt(run, this.index) : undefined;
    return html`
      <h2>Trainer</h2>
      <label for="case">Case</label>
      <select id="case" .value=${this.selected} @change=${(event: Event) => (this.selected = (event.target as HTMLSelectElement).value)} ?disabled=${this.cases.length === 0}>
        ${this.cases.map((item) => html`<option value=${item.file} ?selected=${item.file === this.selected}>${item.title}</option>`)}
      </select>
      <div class="row">
        <button class="primary" type="button" data-testid="run-case" @click=${() => this.runCase()} ?disabled=${this.busy || this.cases.length === 0}>
          ${this.busy ? 'Running…' : 'Run case'}
        </button>
        ${this.cases.length === 0 ? html`<span class="muted">This model has no bundled cases.</span>` : nothing}
      </div>
      ${this.failure ? html`<p class="failure" role="alert">${this.failure}</p>` : nothing}
      ${run && state ? this.renderRun(run, state) : html`<p class="muted">Choose a case and run it; then step with Next and Previous or the arrow keys.</p>`}
    `;
  }

  private renderRun(run: TrainerRun, state: StepState) {
    const { step } = state;
    return html`
      <section aria-label="Case">
        <strong>${run.case.title}</strong><br />
        <span class="muted">received ${run.case.receivedLocal} (Europe/London)</span>
        ${this.stale ? html`<p class="warning" role="status">The diagram changed after this run; run the case again to follow the new path.</p>` : nothing}
      </section>
      <div class="nav">
        <button type="button" data-testid="previous" aria-keyshortcuts="ArrowLeft" @click=${() => this.step(-1)} ?disabled=${state.position === 1}>◀ Previous</button>
        <button type="button" data-testid="next" aria-keyshortcuts="ArrowRight" @click=${() => this.step(1)} ?disabled=${state.isLast}>Next ▶</button>
        <span class="where muted" data-testid="position" aria-live="polite">Step ${state.position} of ${state.total}</span>
      </div>
      <section aria-label="Current step" data-testid="current-step" data-id=${step.id}>
        <p class="step-name">${step.name || step.id}</p>
        <dl>
          <dt>What</dt>
          <dd>${typeLabel(step.type)}</dd>
          <dt>Who</dt>
          <dd data-testid="lane">${step.lane ?? 'no lane'}</dd>
          <dt>When</dt>
          <dd>${step.startedLocal === step.endedLocal ? step.endedLocal : html`${step.startedLocal} → ${step.endedLocal}`}</dd>
          <dt>Since receipt</dt>
          <dd>${formatMinutes(step.elapsedMinutes)}</dd>
          ${step.deadline
            ? html`<dt>Deadline</dt>
                <dd class=${step.deadline.met ? 'met' : 'missed'}>${step.deadline.name}: due ${step.deadline.dueLocal}, ${step.deadline.met ? 'met' : 'missed'}</dd>`
            : nothing}
        </dl>
      </section>
      ${step.documentation
        ? html`<section aria-label="What the procedure says">
            <h2>What the procedure says</h2>
            <p class="doc" data-testid="documentation">${step.documentation}</p>
          </section>`
        : nothing}
      ${this.renderDecision(step.type, step.next, step.notTaken, step.reads)}
      <section aria-label="So far">
        <h2>${state.isLast ? 'Outcome' : 'So far'}</h2>
        <div class=${state.isLast ? 'outcome' : ''} data-testid=${state.isLast ? 'final-outcome' : 'so-far'}>
          <div>Outcomes: <span data-testid="outcomes">${state.outcomes.length ? state.outcomes.map((word) => html`<span class="chip">${word}</span>`) : html`<span class="muted">none yet</span>`}</span></div>
          <div>Notified: <span data-testid="notifications">${state.notifications.length ? state.notifications.map((word) => html`<span class="chip">${word}</span>`) : html`<span class="muted">nobody yet</span>`}</span></div>
          ${state.isLast ? this.renderExpectation(run, state) : nothing}
        </div>
      </section>
      <section aria-label="Deadlines">
        <h2>Deadline clock</h2>
        ${state.deadlines.length === 0 ? html`<span class="muted">No deadline applies on this path.</span>` : html`<ul>${state.deadlines.map((deadline) => this.renderDeadline(deadline))}</ul>`}
      </section>
    `;
  }

  private renderDecision(type: string, next: readonly FlowInfo[], notTaken: readonly FlowInfo[], reads: readonly { name: string; value: unknown }[]) {
    if (type !== 'exclusiveGateway' || notTaken.length === 0) {
      if (type === 'parallelGateway' && next.length > 1) {
        return html`<section aria-label="Paths"><h2>Paths</h2>All at once: ${next.map((flow) => html`<span class="chip">${flow.targetName}</span>`)}</section>`;
      }
      return nothing;
    }
    const taken = next[0];
    return html`<section aria-label="Decision" data-testid="decision">
      <h2>Decision</h2>
      ${taken
        ? html`<p>
            Took <strong>${taken.name || taken.id}</strong> → ${taken.targetName}<br />
            ${taken.condition
              ? html`because <code>${taken.condition}</code> is true`
              : taken.isDefault
                ? html`(the default flow: no other condition held)`
                : html`(unconditional)`}
          </p>`
        : nothing}
      ${reads.length
        ? html`<p>This case: ${reads.map((read) => html`<code>${read.name} = ${JSON.stringify(read.value)}</code> `)}</p>`
        : nothing}
      <p class="muted">Not taken:</p>
      <ul>
        ${notTaken.map((flow) => html`<li>${flow.name || flow.id} → ${flow.targetName} ${flow.condition ? html`<code>${flow.condition}</code>` : flow.isDefault ? html`(default)` : nothing}</li>`)}
      </ul>
    </section>`;
  }

  private renderDeadline(deadline: DeadlineStatus) {
    switch (deadline.kind) {
      case 'met':
        return html`<li class="met">${deadline.name}: met (done ${deadline.completedLocal}, due ${deadline.dueLocal})</li>`;
      case 'missed':
        return html`<li class="missed">${deadline.name}: missed (done ${deadline.completedLocal}, due ${deadline.dueLocal})</li>`;
      case 'running':
        return html`<li class="running">${deadline.name}: ${formatMinutes(deadline.minutes)} left (due ${deadline.dueLocal})</li>`;
      case 'overdue':
        return html`<li class="overdue">${deadline.name}: overdue by ${formatMinutes(deadline.minutes)} (due ${deadline.dueLocal})</li>`;
    }
  }

  private renderExpectation(run: TrainerRun, state: StepState) {
    const missing = run.expect.outcomes.filter((word) => !state.outcomes.includes(word));
    if (run.expect.outcomes.length === 0) return nothing;
    return missing.length === 0
      ? html`<p class="met">As the case file expects (${run.expect.outcomes.join(', ')}).</p>`
      : html`<p class="missed">The case file expects ${missing.join(', ')} too.</p>`;
  }
}

customElements.define('mf-trainer-panel', MfTrainerPanel);

declare global {
  interface HTMLElementTagNameMap {
    'mf-trainer-panel': MfTrainerPanel;
  }
}
