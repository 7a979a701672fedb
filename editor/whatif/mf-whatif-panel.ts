/**
 * What-if mode's side panel: pick a scenario of the open model, move a few knobs (staff per role,
 * the days a meeting sits, the volume, replications and days), run it in a Web Worker with a
 * progress bar, and read the headline figures against the scenario as written (same seed: common
 * random numbers, paired intervals). The diagram is shaded by the mean wait at each task.
 *
 * The what-if runs on the diagram in the editor (maybe unsaved), the baseline on the model as
 * opened or last saved, so an edit to the diagram shows its effect like a knob does.
 */
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { api } from '../api/client.ts';
import type { ScenarioSummary } from '../api/types.ts';
import { focusOn, services, type Modeler } from '../modeler/bpmn-js.ts';
import { panelStyles } from '../shell/theme.ts';
import type { FigureComparison } from '../../simulations/compare.ts';
import type { Estimate } from '../../simulations/stats/confidence.ts';
import { describeChanges, problemMessages, sortDays, weekdays, type KnobSettings, type ScenarioKnobs, type Weekday } from './knobs.ts';
import { SimulationCancelled, SimulationClient, SimulationProblems } from './simulation-client.ts';
import { longestWait, waitBands } from './wait-bands.ts';
import { clearWaitShading, showWaitShading } from './wait-shading.ts';
import { drawCharts, preloadCharts } from './whatif-charts.ts';
import type { WhatIfOutcome } from './whatif-run.ts';
import './whatif.css';

/** What the panel needs of the editor: the diagram now, the model as saved, and bpmn-js for shading. */
export interface WhatIfDiagram {
  modeler(): Modeler | undefined;
  /** The diagram's XML now, with any unsaved edits. */
  currentXml(): Promise<string>;
  /** The model as opened or last saved. */
  savedXml(): string;
}

type ShadeBy = 'whatIf' | 'baseline';

/** A finished run and what it ran on, to tell when the diagram or the knobs have moved since. */
interface RunRecord {
  scenario: string;
  settings: KnobSettings;
  xml: string;
  outcome: WhatIfOutcome;
  pageSeconds: number;
}

/** What the panel had per model, kept while the user visits another mode (the panel is rebuilt on return). */
interface Remembered {
  selected: string;
  knobs: ScenarioKnobs | null;
  settings: KnobSettings | null;
  record: RunRecord | null;
  shadeBy: ShadeBy;
}
const remembered = new Map<string, Remembered>();

const scenarioFile = (scenario: ScenarioSummary) => `models/scenarios/${scenario.file}`;
const modelFile = (model: string) => `models/${model}.bpmn`;
const sameSettings = (a: KnobSettings, b: KnobSettings) => JSON.stringify(a) === JSON.stringify(b);

/** Mean ± half-width in one unit: "33.3% ± 2.0", "23.6 h ± 0.9", "4.6 days ± 0.2". */
function formatEstimate(estimate: Estimate, unit: FigureComparison['unit']): string {
  if (unit === '%') return `${estimate.mean.toFixed(1)}% ± ${estimate.halfWidth.toFixed(1)}`;
  if (unit === 'hours' && estimate.mean >= 48) return `${(estimate.mean / 24).toFixed(1)} days ± ${(estimate.halfWidth / 24).toFixed(1)}`;
  if (unit === 'hours') return `${estimate.mean.toFixed(1)} h ± ${estimate.halfWidth.toFixed(1)}`;
  return `${estimate.mean.toFixed(1)} ± ${estimate.halfWidth.toFixed(1)}`;
}

/** With its sign, and no "−0.0": the sign is the rounded value's. */
function signed(value: number, digits = 1): string {
  const text = Math.abs(value).toFixed(digits);
  if (Number(text) === 0) return text;
  return `${value > 0 ? '+' : '−'}${text}`;
}

function formatChange(difference: Estimate, unit: FigureComparison['unit']): string {
  const suffix = unit === '%' ? ' pts' : unit === 'hours' ? ' h' : '';
  return `${signed(difference.mean)}${suffix} [${signed(difference.low)}, ${signed(difference.high)}]`;
}

export class MfWhatifPanel extends LitElement {
  static override properties = {
    model: {},
    diagram: { attribute: false },
    scenarios: { state: true },
    listFailure: { state: true },
    selected: { state: true },
    knobs: { state: true },
    settings: { state: true },
    describing: { state: true },
    problems: { state: true },
    progress: { state: true },
    record: { state: true },
    stale: { state: true },
    shadeBy: { state: true },
    notice: { state: true },
  };

  /** The open model's name. */
  declare model: string;
  declare diagram: WhatIfDiagram | null;
  declare scenarios: ScenarioSummary[] | null;
  declare listFailure: string;
  declare selected: string;
  declare knobs: ScenarioKnobs | null;
  declare settings: KnobSettings | null;
  declare describing: boolean;
  /** Readable sentences: the simulator's problems with the scenario, or a failure. */
  declare problems: string[];
  declare progress: { done: number; total: number } | null;
  declare record: RunRecord | null;
  /** The diagram changed since the run shown. */
  declare stale: boolean;
  declare shadeBy: ShadeBy;
  declare notice: string;

  private readonly client = new SimulationClient();
  private runId: number | undefined;
  /** Bumped whenever the model or scenario changes, so a late answer for the old one is dropped. */
  private generation = 0;
  private watched: Modeler | undefined;
  private focusResults = false;

  constructor() {
    super();
    this.model = '';
    this.diagram = null;
    this.scenarios = null;
    this.listFailure = '';
    this.selected = '';
    this.knobs = null;
    this.settings = null;
    this.describing = false;
    this.problems = [];
    this.progress = null;
    this.record = null;
    this.stale = false;
    this.shadeBy = 'whatIf';
    this.notice = '';
  }

  static override styles = [
    panelStyles,
    css`
      label.block {
        display: block;
        font-weight: 600;
        margin-bottom: 4px;
      }
      select,
      input[type='number'] {
        font: inherit;
        padding: 3px 4px;
      }
      select {
        width: 100%;
        margin-bottom: 4px;
      }
      input[type='number'] {
        width: 6.5em;
      }
      input:focus-visible,
      select:focus-visible {
        outline: 3px solid #2f6fdb;
        outline-offset: 1px;
      }
      .description {
        font-size: 13px;
        margin: 0 0 8px;
        display: -webkit-box;
        -webkit-line-clamp: 3;
        -webkit-box-orient: vertical;
        overflow: hidden;
      }
      fieldset {
        border: 1px solid #d5dce5;
        border-radius: 4px;
        margin: 0 0 8px;
        padding: 6px 10px 8px;
      }
      legend {
        font-weight: 600;
        padding: 0 4px;
      }
      .knobs {
        display: grid;
        grid-template-columns: 1fr auto;
        gap: 4px 10px;
        align-items: center;
      }
      .knobs .hint {
        font-size: 12px;
        color: #5c6a79;
        display: block;
      }
      .days {
        display: flex;
        flex-wrap: wrap;
        gap: 2px 10px;
      }
      .days label {
        white-space: nowrap;
      }
      .meeting + .meeting {
        margin-top: 6px;
      }
      .changed {
        font-weight: 700;
        color: #1f4fa3;
      }
      .actions {
        display: flex;
        gap: 8px;
        align-items: center;
        margin: 8px 0;
        flex-wrap: wrap;
      }
      .primary,
      .secondary {
        border: 1px solid #2f6fdb;
        background: #2f6fdb;
        color: #fff;
        border-radius: 4px;
        padding: 5px 12px;
      }
      .secondary {
        background: #fff;
        color: #1f4fa3;
      }
      button:disabled {
        opacity: 0.5;
        cursor: default;
      }
      progress {
        width: 100%;
        height: 14px;
      }
      .problems {
        color: #b3261e;
        margin: 6px 0;
        padding-left: 18px;
      }
      .warning {
        color: #8a5a00;
      }
      ul.flags {
        color: #b3261e;
        padding-left: 18px;
      }
      .assumed {
        color: #8a5a00;
        cursor: help;
      }
      .flag-mark {
        color: #b3261e;
        font-weight: 700;
        cursor: help;
      }
      section.results {
        border-top: 1px solid #d5dce5;
        margin-top: 10px;
        padding-top: 8px;
      }
      h3 {
        font-size: 15px;
        margin: 10px 0 4px;
      }
      h3:focus {
        outline: none;
      }
      h3:focus-visible {
        outline: 3px solid #2f6fdb;
      }
      .summary {
        margin: 4px 0 8px;
        padding-left: 18px;
        font-size: 13px;
      }
      table {
        border-collapse: collapse;
        width: 100%;
        font-size: 12.5px;
      }
      caption {
        caption-side: bottom;
        text-align: left;
        font-size: 12px;
        color: #5c6a79;
        padding-top: 4px;
      }
      th,
      td {
        padding: 2px 4px;
      }
      thead th {
        font-weight: 600;
        color: #4a5868;
        border-bottom: 1px solid #c9d1db;
      }
      th.figure {
        text-align: left;
        font-weight: 600;
        padding-top: 6px;
      }
      tbody td {
        border-bottom: 1px solid #e3e6ea;
      }
      .num {
        text-align: right;
        font-variant-numeric: tabular-nums;
        white-space: nowrap;
      }
      tbody.significant td.change {
        font-weight: 700;
      }
      .chart {
        margin: 4px 0 8px;
      }
      .legend {
        display: flex;
        flex-wrap: wrap;
        gap: 4px 12px;
        font-size: 12.5px;
        margin: 4px 0;
      }
      .swatch {
        display: inline-block;
        width: 14px;
        height: 14px;
        border: 1px solid #8a96a3;
        vertical-align: -2px;
        margin-right: 4px;
      }
      .band-1 {
        background: #fee6ce;
      }
      .band-2 {
        background: #fdae6b;
      }
      .band-3 {
        background: #f16913;
      }
      .band-4 {
        background: #b63c02;
      }
      .radios {
        display: flex;
        gap: 14px;
        border: none;
        padding: 0;
        margin: 4px 0;
      }
    `,
  ];

  override connectedCallback(): void {
    super.connectedCallback();
    preloadCharts();
    void this.loadScenarios();
  }

  override disconnectedCallback(): void {
    this.remember();
    this.client.close();
    this.runId = undefined;
    this.progress = null;
    this.watch(undefined);
    const modeler = this.diagram?.modeler();
    if (modeler) {
      clearWaitShading(modeler);
      // The side panel narrows again once this panel is gone: the canvas measures itself anew.
      requestAnimationFrame(() => services(modeler).canvas.resized());
    }
    super.disconnectedCallback();
  }

  protected override firstUpdated(): void {
    // This panel widens the side column (whatif.css): the canvas measures itself anew.
    const modeler = this.diagram?.modeler();
    if (modeler) services(modeler).canvas.resized();
  }

  private remember(): void {
    if (!this.model) return;
    remembered.set(this.model, { selected: this.selected, knobs: this.knobs, settings: this.settings, record: this.record, shadeBy: this.shadeBy });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('model')) {
      const previous = changed.get('model') as string | undefined;
      if (previous) remembered.set(previous, { selected: this.selected, knobs: this.knobs, settings: this.settings, record: this.record, shadeBy: this.shadeBy });
      this.switchModel();
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    this.watch(this.diagram?.modeler());
    if (changed.has('record') || changed.has('shadeBy') || changed.has('diagram')) this.shade();
    if (changed.has('record') && this.record) void this.drawCharts(this.record);
    if (this.focusResults && this.record) {
      this.focusResults = false;
      this.revealLongestWait(this.record.outcome);
      const heading = this.renderRoot.querySelector<HTMLElement>('#results-heading');
      heading?.focus();
      heading?.scrollIntoView({ block: 'start' });
    }
  }

  /** Follows diagram edits, to say when the figures no longer describe it. */
  private watch(modeler: Modeler | undefined): void {
    if (modeler === this.watched) return;
    this.watched?.off('commandStack.changed', this.onDiagramEdited);
    this.watched = modeler;
    modeler?.on('commandStack.changed', this.onDiagramEdited);
  }

  private readonly onDiagramEdited = async () => {
    const record = this.record;
    if (!record || !this.diagram) return;
    const xml = await this.diagram.currentXml();
    if (record === this.record) this.stale = xml !== record.xml;
  };

  private switchModel(): void {
    this.generation++;
    if (this.runId !== undefined) this.client.cancel(this.runId);
    this.runId = undefined;
    this.progress = null;
    this.problems = [];
    this.notice = '';
    const kept = remembered.get(this.model);
    this.selected = kept?.selected ?? '';
    this.knobs = kept?.knobs ?? null;
    this.settings = kept?.settings ?? null;
    this.record = kept?.record ?? null;
    this.shadeBy = kept?.shadeBy ?? 'whatIf';
    this.stale = false;
    if (this.record) void this.onDiagramEdited();
    if (this.scenarios && !this.knobs) this.chooseDefault();
  }

  private get offered(): ScenarioSummary[] {
    return (this.scenarios ?? []).filter((scenario) => scenario.model === this.model);
  }

  private get scenario(): ScenarioSummary | undefined {
    return this.offered.find((scenario) => scenario.name === this.selected);
  }

  private async loadScenarios(): Promise<void> {
    try {
      this.scenarios = await api.scenarios();
      this.listFailure = '';
      if (!this.knobs) this.chooseDefault();
    } catch (error) {
      this.listFailure = `Could not list the scenarios: ${(error as Error).message}`;
    }
  }

  /** The model's baseline scenario if it has one, else its first. */
  private chooseDefault(): void {
    const offered = this.offered;
    const choice = offered.find((scenario) => scenario.name.endsWith('-baseline')) ?? offered[0];
    if (choice) void this.choose(choice.name);
  }

  private async choose(name: string): Promise<void> {
    const generation = ++this.generation;
    if (this.runId !== undefined) this.client.cancel(this.runId);
    this.selected = name;
    this.knobs = null;
    this.settings = null;
    this.record = null;
    this.problems = [];
    this.notice = '';
    const scenario = this.scenario;
    if (!scenario || !this.diagram) return;
    this.describing = true;
    try {
      const knobs = await this.client.describe({
        scenarioText: scenario.text,
        scenarioFile: scenarioFile(scenario),
        modelXml: await this.diagram.currentXml(),
        modelFile: modelFile(this.model),
      });
      if (generation !== this.generation) return;
      this.knobs = knobs;
      this.settings = structuredClone(knobs.written);
    } catch (error) {
      if (generation !== this.generation || error instanceof SimulationCancelled) return;
      this.problems = error instanceof SimulationProblems ? problemMessages(error.problems, null) : [(error as Error).message];
    } finally {
      if (generation === this.generation) this.describing = false;
    }
  }

  private set(change: (settings: KnobSettings) => void): void {
    if (!this.settings) return;
    const next = structuredClone(this.settings);
    change(next);
    this.settings = next;
  }

  private async run(): Promise<void> {
    const scenario = this.scenario;
    const settings = this.settings;
    // A run shows its progress from the click to the answer; one at a time.
    if (!scenario || !settings || !this.diagram || this.progress) return;
    const generation = this.generation;
    this.problems = [];
    this.notice = '';
    this.progress = { done: 0, total: settings.replications * 2 };
    const xml = await this.diagram.currentXml();
    const started = performance.now();
    performance.mark('mashflow:whatif-run-start');
    const { id, answer } = this.client.run(
      {
        scenarioText: scenario.text,
        scenarioFile: scenarioFile(scenario),
        modelFile: modelFile(this.model),
        whatIfXml: xml,
        baselineXml: this.diagram.savedXml(),
        settings,
      },
      (done, total) => {
        if (this.runId === id) this.progress = { done, total };
      },
    );
    this.runId = id;
    try {
      const outcome = await answer;
      if (generation !== this.generation) return;
      const pageSeconds = (performance.now() - started) / 1000;
      performance.measure('mashflow:whatif-run', 'mashflow:whatif-run-start');
      this.record = { scenario: scenario.name, settings, xml, outcome, pageSeconds };
      this.stale = false;
      this.focusResults = true;
    } catch (error) {
      if (generation !== this.generation) return;
      if (error instanceof SimulationCancelled) this.notice = 'Cancelled; the figures below (if any) are from the previous run.';
      else this.problems = error instanceof SimulationProblems ? problemMessages(error.problems, this.knobs) : [`The simulation failed: ${(error as Error).message}`];
    } finally {
      if (this.runId === id) {
        this.runId = undefined;
        this.progress = null;
      }
    }
  }

  private cancel(): void {
    if (this.runId !== undefined) this.client.cancel(this.runId);
  }

  private reset(): void {
    if (this.knobs) this.settings = structuredClone(this.knobs.written);
  }

  private shade(): void {
    const modeler = this.diagram?.modeler();
    if (!modeler) return;
    const outcome = this.record?.outcome;
    if (!outcome) {
      clearWaitShading(modeler);
      return;
    }
    const report = this.shadeBy === 'whatIf' ? outcome.whatIf : outcome.baseline;
    showWaitShading(modeler, report.results.waitByTask);
  }

  /** Brings the task with the longest wait into view: where a manager looks first. */
  private revealLongestWait(outcome: WhatIfOutcome): void {
    const modeler = this.diagram?.modeler();
    const id = longestWait(outcome.whatIf.results.waitByTask);
    if (modeler && id) focusOn(modeler, id);
  }

  private async drawCharts(record: RunRecord): Promise<void> {
    await this.updateComplete;
    const decided = this.renderRoot.querySelector<HTMLElement>('#chart-decided');
    const open = this.renderRoot.querySelector<HTMLElement>('#chart-open');
    if (!decided || !open || record !== this.record) return;
    const width = Math.max(280, Math.min(520, decided.clientWidth || 400));
    try {
      await drawCharts(decided, open, record.outcome.whatIf, record.outcome.baseline, width);
    } catch (error) {
      decided.textContent = `The charts could not be drawn: ${(error as Error).message}`;
    }
  }

  override render() {
    const offered = this.offered;
    const running = this.progress !== null;
    return html`
      <h2>What-if</h2>
      ${this.listFailure ? html`<p class="problems" role="alert">${this.listFailure}</p>` : nothing}
      ${this.scenarios && offered.length === 0
        ? html`<p class="muted">No scenario in models/scenarios/ simulates ${this.model}.bpmn.</p>`
        : html`
            <label class="block" for="scenario">Scenario</label>
            <select id="scenario" data-testid="whatif-scenario" .value=${this.selected} ?disabled=${running || !this.scenarios} @change=${(event: Event) => void this.choose((event.target as HTMLSelectElement).value)}>
              ${offered.map((scenario) => html`<option value=${scenario.name} ?selected=${scenario.name === this.selected}>${scenario.title}</option>`)}
            </select>
            ${this.description()}
          `}
      ${this.describing ? html`<p class="muted" role="status">Reading the scenario…</p>` : nothing}
      ${this.knobs && this.settings ? this.renderKnobs(this.knobs, this.settings, running) : nothing}
      ${this.progress
        ? html`<div data-testid="whatif-progress-area">
            <progress data-testid="whatif-progress" max=${this.progress.total} .value=${this.progress.done} aria-label="Replications run"></progress>
            <span class="muted" role="status">${this.progress.done} of ${this.progress.total} replications run</span>
          </div>`
        : nothing}
      ${this.problems.length
        ? html`<ul class="problems" role="alert" data-testid="whatif-problems">
            ${this.problems.map((problem) => html`<li>${problem}</li>`)}
          </ul>`
        : nothing}
      ${this.notice ? html`<p class="warning" role="status">${this.notice}</p>` : nothing}
      ${this.record ? this.renderResults(this.record) : nothing}
    `;
  }

  private description() {
    const written = this.scenario?.description;
    return written ? html`<p class="description muted" title=${written}>${written}</p>` : nothing;
  }

  private renderKnobs(knobs: ScenarioKnobs, settings: KnobSettings, running: boolean) {
    const number = (event: Event) => (event.target as HTMLInputElement).valueAsNumber;
    const mark = (changed: boolean) => (changed ? 'changed' : '');
    const changes = describeChanges(knobs, settings);
    return html`
      <fieldset ?disabled=${running}>
        <legend>Staff per role</legend>
        <div class="knobs">
          ${knobs.staff.map(
            (role) => html`
              <label for=${`staff-${role.lane}`} class=${mark(settings.staff[role.lane] !== knobs.written.staff[role.lane])}
                >${role.name}<span class="hint">${role.hours} hours · as written ${knobs.written.staff[role.lane]}</span></label
              >
              <input
                id=${`staff-${role.lane}`}
                data-testid=${`staff-${role.lane}`}
                type="number"
                min="1"
                max="100"
                step="1"
                .value=${String(settings.staff[role.lane] ?? '')}
                @input=${(event: Event) => this.set((next) => (next.staff[role.lane] = number(event)))}
              />
            `,
          )}
        </div>
      </fieldset>
      ${knobs.meetings.length
        ? html`<fieldset ?disabled=${running}>
            <legend>Meeting days</legend>
            ${knobs.meetings.map((meeting) => {
              const days = settings.meetingDays[meeting.task] ?? [];
              const written = knobs.written.meetingDays[meeting.task] ?? [];
              return html`<div class="meeting" role="group" aria-labelledby=${`meeting-${meeting.task}`} data-testid=${`meeting-${meeting.task}`}>
                <div id=${`meeting-${meeting.task}`} class=${mark(days.join() !== written.join())}>
                  ${meeting.name} <span class="muted">at ${meeting.time}${meeting.capacity !== null ? `, up to ${meeting.capacity} items` : ''} · as written ${written.join(' ')}</span>
                </div>
                <div class="days">
                  ${weekdays.map(
                    (day) => html`<label
                      ><input
                        type="checkbox"
                        data-day=${day}
                        .checked=${days.includes(day)}
                        @change=${(event: Event) => this.toggleDay(meeting.task, day, (event.target as HTMLInputElement).checked)}
                      />${day}</label
                    >`,
                  )}
                </div>
              </div>`;
            })}
          </fieldset>`
        : nothing}
      <fieldset ?disabled=${running}>
        <legend>Volume and run</legend>
        <div class="knobs">
          <label for="per-year" class=${mark(settings.perYear !== knobs.written.perYear)}
            >Incidents a year<span class="hint">as written ${knobs.written.perYear}</span></label
          >
          <input id="per-year" data-testid="per-year" type="number" min="1" step="10" .value=${String(settings.perYear)} @input=${(event: Event) => this.set((next) => (next.perYear = number(event)))} />
          <label for="replications">Replications<span class="hint">more: narrower intervals, longer run</span></label>
          <input id="replications" data-testid="replications" type="number" min="1" max="1000" step="1" .value=${String(settings.replications)} @input=${(event: Event) => this.set((next) => (next.replications = number(event)))} />
          <label for="days">Days simulated<span class="hint">measured after the scenario's warm-up</span></label>
          <input id="days" data-testid="days" type="number" min="1" max="3660" step="1" .value=${String(settings.days)} @input=${(event: Event) => this.set((next) => (next.days = number(event)))} />
        </div>
      </fieldset>
      <div class="actions">
        <button class="primary" type="button" data-testid="whatif-run" @click=${() => void this.run()} ?disabled=${running || !this.diagram}>${running ? 'Running…' : 'Run what-if'}</button>
        ${running ? html`<button class="secondary" type="button" data-testid="whatif-cancel" @click=${() => this.cancel()}>Cancel</button>` : nothing}
        <button class="secondary" type="button" data-testid="whatif-reset" @click=${() => this.reset()} ?disabled=${running || changes.length === 0}>Reset knobs</button>
      </div>
      <p class="muted" data-testid="whatif-changes">${changes.length ? `Changed: ${changes.join('; ')}.` : 'No knob changed: the what-if is the scenario as written.'}</p>
    `;
  }

  private toggleDay(task: string, day: Weekday, on: boolean): void {
    this.set((next) => {
      const days = new Set(next.meetingDays[task] ?? []);
      if (on) days.add(day);
      else days.delete(day);
      next.meetingDays[task] = sortDays([...days]);
    });
  }

  private renderResults(record: RunRecord) {
    const { outcome } = record;
    const settingsMoved = this.settings !== null && (record.scenario !== this.selected || !sameSettings(record.settings, this.settings));
    return html`
      <section class="results" aria-labelledby="results-heading" data-testid="whatif-results" data-run-seconds=${record.pageSeconds.toFixed(3)} data-worker-seconds=${outcome.workerSeconds.toFixed(3)}>
        <h3 id="results-heading" tabindex="-1">Results against the baseline</h3>
        <p class="muted">
          ${outcome.replications} replications × ${outcome.whatIf.period.days} days, seed ${outcome.whatIf.seed}; ${outcome.replicationsRun} run in
          ${record.pageSeconds.toFixed(1)} s${outcome.baselineReused ? ' (baseline reused)' : ''}. Mean ± half-width of the 95% interval; the change is paired by replication.
        </p>
        <p data-testid="whatif-what">
          <strong>What-if:</strong> ${outcome.changes.length ? outcome.changes.join('; ') : 'no knob changed'}${outcome.diagramEdited ? '; on the diagram as edited (unsaved)' : ''}.
          <strong>Baseline:</strong> the scenario as written, on ${this.model}.bpmn as saved.
        </p>
        ${this.stale ? html`<p class="warning" role="status">The diagram changed since this run; run again to see its effect.</p>` : nothing}
        ${settingsMoved ? html`<p class="warning" role="status">The knobs changed since this run; run again to see their effect.</p>` : nothing}
        ${outcome.whatIf.unstable.count > 0
          ? html`<p class="warning" role="alert">${outcome.whatIf.unstable.count} what-if replication${outcome.whatIf.unstable.count === 1 ? '' : 's'} stopped: ${outcome.whatIf.unstable.reason}</p>`
          : nothing}
        ${outcome.comparison.flags.length > 0
          ? html`<ul class="warning flags" role="alert" data-testid="whatif-flags">
              ${outcome.comparison.flags.map((flag) => html`<li data-code=${flag.code}>Not a finding (${flag.scenario === 'baseline' ? 'baseline' : 'what-if'}): ${flag.message}</li>`)}
            </ul>`
          : nothing}
        <ul class="summary" data-testid="whatif-summary">
          ${outcome.comparison.summary.map((line) => html`<li>${line}</li>`)}
        </ul>
        <table data-testid="whatif-figures">
          <caption>
            Each figure, then its value in the what-if and the baseline, and the change. Bold change: its 95% interval excludes 0. † rests on assumed staffing or minutes (hover for
            which); ! flagged as implausible.
          </caption>
          <thead>
            <tr><th scope="col" class="num">What-if</th><th scope="col" class="num">Baseline</th><th scope="col" class="num">Change [95% CI]</th></tr>
          </thead>
          ${outcome.figures.map(
            (figure) => html`<tbody class=${figure.significant ? 'significant' : ''} data-key=${figure.key}>
              <tr>
                <th colspan="3" scope="rowgroup" class="figure">
                  ${figure.label}${figure.restsOn.length > 0 ? html` <span class="assumed" title=${`rests on assumed ${figure.restsOn.join(', ')}`}>†</span>` : nothing}${figure.flagged.length > 0
                    ? html` <span class="flag-mark" title="flagged as implausible: not a finding">!</span>`
                    : nothing}
                </th>
              </tr>
              <tr>
                <td class="num" data-testid="whatif-value">${formatEstimate(figure.alternative, figure.unit)}</td>
                <td class="num">${formatEstimate(figure.baseline, figure.unit)}</td>
                <td class="num change" data-testid="whatif-change">${formatChange(figure.difference, figure.unit)}</td>
              </tr>
            </tbody>`,
          )}
        </table>
        <h3>How soon incidents are decided</h3>
        <div class="chart" id="chart-decided" data-testid="chart-decided"></div>
        <h3>Incidents open over the period</h3>
        <div class="chart" id="chart-open" data-testid="chart-open"></div>
        <h3>Waiting time on the diagram</h3>
        <fieldset class="radios">
          <legend class="muted">Shade tasks by the mean wait before work starts, in</legend>
          <label><input type="radio" name="shade" value="whatIf" .checked=${this.shadeBy === 'whatIf'} @change=${() => (this.shadeBy = 'whatIf')} /> the what-if</label>
          <label><input type="radio" name="shade" value="baseline" .checked=${this.shadeBy === 'baseline'} @change=${() => (this.shadeBy = 'baseline')} /> the baseline</label>
        </fieldset>
        <div class="legend" data-testid="wait-legend" aria-label="Waiting time legend">
          ${waitBands.map((band) => html`<span><span class="swatch band-${band.level}"></span>${band.label}</span>`)}
          <span class="muted">unshaded: under 30 min</span>
        </div>
      </section>
    `;
  }
}

customElements.define('mf-whatif-panel', MfWhatifPanel);

declare global {
  interface HTMLElementTagNameMap {
    'mf-whatif-panel': MfWhatifPanel;
  }
}
