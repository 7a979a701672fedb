/**
 * The editor: models on the left, the diagram in the middle, lint (edit mode) or the trainer on the
 * right. Owns the open model's state: its saved version, whether it has unsaved edits, the lint
 * issues and the trainer's run. Renders into the light DOM so the diagram's global styles reach it.
 */
import { LitElement, html, nothing } from 'lit';
import { ApiFailure, api } from '../api/client.ts';
import type { ApiProblem, CaseSummary, LintIssueJson, ModelSummary, TrainerRun } from '../api/types.ts';
import { clearLintMarkers, showLintMarkers } from '../lint/lint-markers.ts';
import { LintScheduler } from '../lint/lint-scheduler.ts';
import type { LintState } from '../lint/mf-lint-panel.ts';
import { finishLabelEditing, reveal, services } from '../modeler/bpmn-js.ts';
import type { MfModeler } from '../modeler/mf-modeler.ts';
import { flushPropertyEdits } from '../properties/mashflow-properties-provider.ts';
import type { MfTrainerPanel } from '../trainer/mf-trainer-panel.ts';
import { clearTrainerMarkers, showTrainerStep } from '../trainer/trainer-markers.ts';
import { stateAt } from '../trainer/trainer-state.ts';
import { runInPage, type CaseToRun } from '../trainer/trainer-runner.ts';
import type { WhatIfDiagram } from '../whatif/mf-whatif-panel.ts';
import { isTyping, shortcut } from './keyboard.ts';
import type { CoverageResult } from '../api/types.ts';

type Mode = 'edit' | 'trainer' | 'whatif' | 'coverage' | 'authorities';
type StatusKind = 'info' | 'ok' | 'error';

export class MfApp extends LitElement {
  static override properties = {
    models: { state: true },
    current: { state: true },
    mode: { state: true },
    dirty: { state: true },
    saving: { state: true },
    status: { state: true },
    statusKind: { state: true },
    problems: { state: true },
    lintIssues: { state: true },
    lintState: { state: true },
    lintFailure: { state: true },
    names: { state: true },
    cases: { state: true },
    run: { state: true },
    stepIndex: { state: true },
    running: { state: true },
    runStale: { state: true },
    runFailure: { state: true },
  };

  declare models: ModelSummary[];
  declare current: string;
  declare mode: Mode;
  declare dirty: boolean;
  declare saving: boolean;
  declare status: string;
  declare statusKind: StatusKind;
  /** The engine's problems with the last refused save. */
  declare problems: readonly ApiProblem[];
  declare lintIssues: LintIssueJson[] | null;
  declare lintState: LintState;
  declare lintFailure: string;
  declare names: Map<string, string>;
  declare cases: CaseSummary[];
  declare run: TrainerRun | null;
  declare stepIndex: number;
  declare running: boolean;
  declare runStale: boolean;
  declare runFailure: string;

  /** The file's version when opened or last saved, and the diagram's XML then (to tell an undo back to it). */
  private version = '';
  /** The authorities view is made on first use and then kept (hidden), with its diagrams and last run. */
  private authoritiesOpened = false;
  private cleanXml = '';
  /** While bpmn-js imports, its own command-stack events are not edits. */
  private importing = false;
  /** What-if mode runs the diagram as it is now against the model as saved, and shades the diagram. */
  private readonly whatifDiagram: WhatIfDiagram = {
    modeler: () => this.diagram.modeler,
    currentXml: () => this.diagram.xml(),
    savedXml: () => this.cleanXml,
  };
  private readonly lint = new LintScheduler(
    async () => {
      const name = this.current;
      return { name, result: await api.lint(name, await this.diagram.xml()) };
    },
    ({ name, result }) => {
      if (name === this.current) this.showLint(result.issues);
    },
    (error) => {
      this.lintState = 'failed';
      this.lintFailure = (error as Error).message;
    },
  );

  constructor() {
    super();
    this.models = [];
    this.current = '';
    this.mode = 'edit';
    this.dirty = false;
    this.saving = false;
    this.status = 'Loading models…';
    this.statusKind = 'info';
    this.problems = [];
    this.lintIssues = null;
    this.lintState = 'idle';
    this.lintFailure = '';
    this.names = new Map();
    this.cases = [];
    this.run = null;
    this.stepIndex = 0;
    this.running = false;
    this.runStale = false;
    this.runFailure = '';
  }

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  private get diagram(): MfModeler {
    return this.querySelector('mf-modeler')!;
  }

  private get trainer(): MfTrainerPanel | null {
    return this.querySelector('mf-trainer-panel');
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('keydown', this.onKeydown, true);
    window.addEventListener('beforeunload', this.onBeforeUnload);
    window.addEventListener('hashchange', this.onHashChange);
    void this.loadModels();
  }

  override disconnectedCallback(): void {
    window.removeEventListener('keydown', this.onKeydown, true);
    window.removeEventListener('beforeunload', this.onBeforeUnload);
    window.removeEventListener('hashchange', this.onHashChange);
    super.disconnectedCallback();
  }

  private say(status: string, kind: StatusKind = 'info') {
    this.status = status;
    this.statusKind = kind;
  }

  private async loadModels() {
    try {
      this.models = await api.models();
      this.say(this.models.length ? 'Choose a model to open.' : 'The models folder has no .bpmn files.');
      const wanted = decodeURIComponent(location.hash.slice(1));
      if (wanted && this.models.some((model) => model.name === wanted)) await this.open(wanted);
    } catch (error) {
      this.say(`Could not list the models: ${(error as Error).message}`, 'error');
    }
  }

  private readonly onHashChange = () => {
    const wanted = decodeURIComponent(location.hash.slice(1));
    if (wanted && wanted !== this.current && this.models.some((model) => model.name === wanted)) void this.open(wanted);
  };

  private readonly onBeforeUnload = (event: BeforeUnloadEvent) => {
    if (this.dirty) event.preventDefault();
  };

  private readonly onKeydown = (event: KeyboardEvent) => {
    if (shortcut(event) === 'save') {
      event.preventDefault();
      event.stopPropagation();
      void this.save();
      return;
    }
    if (this.mode !== 'trainer' || !this.run || isTyping(event)) return;
    const moves: Record<string, number> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1, Home: -Infinity, End: Infinity };
    const delta = moves[event.key];
    if (delta === undefined || event.ctrlKey || event.metaKey || event.altKey) return;
    event.preventDefault();
    event.stopPropagation();
    this.trainer?.step(Number.isFinite(delta) ? delta : delta > 0 ? 1e6 : -1e6);
  };

  async open(name: string): Promise<void> {
    if (this.dirty && !confirm(`Discard your unsaved changes to ${this.current}?`)) {
      history.replaceState(null, '', `#${encodeURIComponent(this.current)}`);
      return;
    }
    this.lint.cancel();
    this.say(`Opening ${name}…`);
    try {
      const doc = await api.model(name);
      await this.updateComplete;
      const diagram = this.diagram;
      delete diagram.dataset.model;
      this.importing = true;
      let outcome;
      try {
        outcome = await diagram.open(doc.xml);
      } finally {
        this.importing = false;
      }
      this.current = name;
      this.version = doc.version;
      this.cleanXml = await diagram.xml();
      this.dirty = false;
      this.problems = [];
      this.names = this.elementNames();
      this.resetTrainer();
      this.cases = [];
      if (location.hash.slice(1) !== encodeURIComponent(name)) history.replaceState(null, '', `#${encodeURIComponent(name)}`);
      diagram.dataset.model = name;
      if (outcome.warnings.length > 0) {
        this.say(`Opened ${name} with ${outcome.warnings.length} import warning${outcome.warnings.length === 1 ? '' : 's'}: ${outcome.warnings[0]}`, 'error');
      } else {
        this.say(`Opened ${name} (${outcome.ms} ms).`, 'ok');
      }
      this.lintIssues = null;
      this.lintState = 'linting';
      void this.lint.now();
      if (this.mode === 'trainer') void this.loadCases();
    } catch (error) {
      this.say(`Could not open ${name}: ${(error as Error).message}`, 'error');
    }
  }

  private elementNames(): Map<string, string> {
    const names = new Map<string, string>();
    const modeler = this.diagram.modeler;
    if (!modeler) return names;
    for (const element of services(modeler).elementRegistry.getAll()) {
      const name = (element as { businessObject?: { name?: string } }).businessObject?.name;
      if (name) names.set(element.id, name);
    }
    return names;
  }

  private showLint(issues: LintIssueJson[]) {
    this.lintIssues = issues;
    this.lintState = 'idle';
    const modeler = this.diagram.modeler;
    if (modeler && this.mode === 'edit') showLintMarkers(modeler, issues, (id) => this.pick(id));
  }

  private pick(id: string) {
    const modeler = this.diagram.modeler;
    if (modeler) reveal(modeler, id);
  }

  private readonly onDiagramChanged = async () => {
    if (!this.current || this.importing) return;
    this.dirty = true;
    this.lintState = 'linting';
    this.lint.schedule();
    if (this.run) this.runStale = true;
    // An undo back to the saved diagram is not an unsaved change.
    const name = this.current;
    const xml = await this.diagram.xml();
    if (name !== this.current || this.importing) return;
    this.dirty = xml !== this.cleanXml;
    this.names = this.elementNames();
  };

  async save(): Promise<void> {
    if (!this.current || this.saving) return;
    this.saving = true;
    this.say(`Saving ${this.current}…`);
    try {
      if (this.diagram.modeler) {
        finishLabelEditing(this.diagram.modeler);
        flushPropertyEdits(this.diagram.modeler);
      }
      const xml = await this.diagram.xml();
      const result = await api.save(this.current, xml, this.version);
      this.version = result.version;
      this.cleanXml = xml;
      this.dirty = false;
      this.problems = [];
      this.say(`Saved models/${this.current}.bpmn; the previous version is in models/${result.backup}.`, 'ok');
    } catch (error) {
      const failure = error as Error;
      this.problems = error instanceof ApiFailure ? error.problems : [];
      this.say(failure.message, 'error');
    } finally {
      this.saving = false;
    }
  }

  private setMode(mode: Mode) {
    if (mode === this.mode) return;
    const leftAuthorities = this.mode === 'authorities';
    if (mode === 'authorities') this.authoritiesOpened = true;
    this.mode = mode;
    const modeler = this.diagram.modeler;
    if (!modeler) return;
    // The diagram was hidden behind the authorities view: it measures its container again.
    if (leftAuthorities) void this.updateComplete.then(() => services(modeler).canvas.resized());
    if (mode === 'coverage' || mode === 'authorities') {
      // The coverage panel draws its own markers and clears them when it leaves.
      clearLintMarkers(modeler);
      clearTrainerMarkers(modeler);
      return;
    }
    if (mode === 'trainer') {
      clearLintMarkers(modeler);
      if (this.current && this.cases.length === 0) void this.loadCases();
      if (this.run) this.showStep();
    } else if (mode === 'whatif') {
      // The what-if panel shades the diagram itself, and clears it when it leaves.
      clearLintMarkers(modeler);
      clearTrainerMarkers(modeler);
    } else {
      clearTrainerMarkers(modeler);
      if (this.lintIssues) showLintMarkers(modeler, this.lintIssues, (id) => this.pick(id));
    }
  }

  private async loadCases() {
    const name = this.current;
    try {
      const cases = await api.cases(name);
      if (name === this.current) this.cases = cases;
    } catch (error) {
      this.runFailure = `Could not list the cases: ${(error as Error).message}`;
    }
  }

  private resetTrainer() {
    this.run = null;
    this.stepIndex = 0;
    this.runStale = false;
    this.runFailure = '';
    const modeler = this.diagram.modeler;
    if (modeler) clearTrainerMarkers(modeler);
  }

  private readonly onRunCase = async (event: CustomEvent<CaseToRun>) => {
    const name = this.current;
    this.running = true;
    this.runFailure = '';
    try {
      const run = await runInPage(name, event.detail, await this.diagram.xml());
      if (name !== this.current) return;
      this.run = run;
      this.stepIndex = 0;
      this.runStale = false;
      this.showStep();
      this.say(`Ran "${run.case.title}" through ${name}: ${run.steps.filter((step) => !step.merge).length} steps; use the arrow keys to step through.`, 'ok');
    } catch (error) {
      const problems = error instanceof ApiFailure ? error.problems.map((problem) => problem.message) : [];
      this.runFailure = [(error as Error).message, ...problems.slice(1)].join(' ');
    } finally {
      this.running = false;
    }
  };

  private readonly onStepChange = (event: CustomEvent<{ index: number }>) => {
    this.stepIndex = event.detail.index;
    this.showStep();
  };

  private readonly onCoverageDone = (event: CustomEvent<{ model: string; result: CoverageResult; ms: number }>) => {
    const { model, result, ms } = event.detail;
    const uncovered = result.nodes.uncovered.length + result.flows.uncovered.length;
    this.say(`Ran the ${result.cases.length} cases of ${model} (${(ms / 1000).toFixed(1)} s): ${uncovered === 0 ? 'every element is exercised' : `${uncovered} element${uncovered === 1 ? '' : 's'} no case reaches`}.`, uncovered === 0 ? 'ok' : 'info');
  };

  private showStep() {
    const modeler = this.diagram.modeler;
    const state = this.run ? stateAt(this.run, this.stepIndex) : undefined;
    if (modeler && state && this.mode === 'trainer') showTrainerStep(modeler, state);
  }

  override render() {
    const title = this.models.find((model) => model.name === this.current)?.title ?? '';
    return html`
      <header class="mf-bar">
        <h1 class="mf-brand">mashflow <span>editor</span></h1>
        <div class="mf-doc" title=${title}>
          ${this.current ? html`<strong>${this.current}.bpmn</strong>${this.dirty ? html` <span class="mf-dirty" data-testid="dirty">● unsaved</span>` : nothing}` : html`<span class="mf-none">no model open</span>`}
        </div>
        <div class="mf-modes" role="group" aria-label="Mode">
          <button type="button" aria-pressed=${this.mode === 'edit'} data-testid="mode-edit" @click=${() => this.setMode('edit')}>Edit</button>
          <button type="button" aria-pressed=${this.mode === 'trainer'} data-testid="mode-trainer" @click=${() => this.setMode('trainer')} ?disabled=${!this.current}>Trainer</button>
          <button type="button" aria-pressed=${this.mode === 'whatif'} data-testid="mode-whatif" @click=${() => this.setMode('whatif')} ?disabled=${!this.current}>What-if</button>
          <button type="button" aria-pressed=${this.mode === 'coverage'} data-testid="mode-coverage" @click=${() => this.setMode('coverage')} ?disabled=${!this.current}>Coverage</button>
          <button type="button" aria-pressed=${this.mode === 'authorities'} data-testid="mode-authorities" @click=${() => this.setMode('authorities')}>Authorities</button>
        </div>
        <button type="button" class="mf-save" data-testid="save" aria-keyshortcuts="Control+S" @click=${() => this.save()} ?disabled=${!this.current || this.saving}>
          ${this.saving ? 'Saving…' : 'Save'} <kbd>Ctrl+S</kbd>
        </button>
      </header>
      <p class="mf-status mf-status-${this.statusKind}" role="status" aria-live="polite" data-testid="status">${this.status}</p>
      ${this.problems.length
        ? html`<ul class="mf-problems" role="alert" data-testid="save-problems">
            ${this.problems.map((problem) => html`<li>${problem.path ? html`<strong>${problem.path}</strong>: ` : nothing}${problem.message}</li>`)}
          </ul>`
        : nothing}
      <div class="mf-main" ?hidden=${this.mode === 'authorities'}>
        <nav class="mf-sidebar" aria-label="Models">
          <mf-model-list .models=${this.models} .current=${this.current} @model-select=${(event: CustomEvent<{ name: string }>) => this.open(event.detail.name)}></mf-model-list>
        </nav>
        <main class="mf-stage">
          <mf-modeler @diagram-changed=${this.onDiagramChanged}></mf-modeler>
          ${this.current ? nothing : html`<div class="mf-empty">Choose a model on the left to open it.</div>`}
        </main>
        <aside class="mf-side" aria-label=${this.mode === 'edit' ? 'Problems and properties' : this.mode === 'whatif' ? 'What-if' : this.mode === 'coverage' ? 'Coverage' : 'Trainer'}>
          ${this.mode === 'coverage'
            ? html`<mf-coverage-panel .modeler=${this.diagram?.modeler} .model=${this.current} @coverage-done=${this.onCoverageDone}></mf-coverage-panel>`
            : this.mode === 'whatif'
            ? html`<mf-whatif-panel .model=${this.current} .diagram=${this.whatifDiagram}></mf-whatif-panel>`
            : this.mode === 'edit'
            ? html`<mf-edit-side .problemCount=${this.lintIssues ? this.lintIssues.length : null}>
                <mf-lint-panel
                  slot="problems"
                  .issues=${this.lintIssues}
                  .state=${this.lintState}
                  .failure=${this.lintFailure}
                  .names=${this.names}
                  @issue-pick=${(event: CustomEvent<{ id: string }>) => this.pick(event.detail.id)}
                ></mf-lint-panel>
                <mf-properties-panel slot="properties" .modeler=${this.diagram?.modeler}></mf-properties-panel>
              </mf-edit-side>`
            : html`<mf-trainer-panel
                .cases=${this.cases}
                .run=${this.run}
                .index=${this.stepIndex}
                .busy=${this.running}
                .stale=${this.runStale}
                .failure=${this.runFailure}
                .model=${this.current}
                @run-case=${this.onRunCase}
                @step-change=${this.onStepChange}
              ></mf-trainer-panel>`}
        </aside>
      </div>
      ${this.authoritiesOpened ? html`<mf-authorities ?hidden=${this.mode !== 'authorities'}></mf-authorities>` : nothing}
    `;
  }
}

customElements.define('mf-app', MfApp);

declare global {
  interface HTMLElementTagNameMap {
    'mf-app': MfApp;
  }
}
