/**
 * Trainer mode's side panel: choose a bundled case (or change its variables in a short form), run
 * it with bpmn-engine in the page, and step through the path it takes: who does each step (lane),
 * what the procedure says (documentation and seed citation), when, the deadline clocks, and at a
 * decision which way the case went and why. With the quiz on, the trainee picks the branch at each
 * decision first and is told whether the procedure agrees.
 */
import { LitElement, css, html, nothing } from 'lit';
import { api } from '../api/client.ts';
import type { CaseSummary, FlowInfo, TrainerRun, TrainerStep } from '../api/types.ts';
import type { CaseFile } from '../../engine/case-file.ts';
import { isTyping } from '../shell/keyboard.ts';
import { panelStyles } from '../shell/theme.ts';
import { caseFileContent, formFields, formFromGiven, givenFromForm, problemField, type CaseForm, type FormField, type FormProblem } from './case-form.ts';
import { TrainerProblems } from './trainer-problems.ts';
import { awaitsAnswer, flowReason, judge, optionLabel, quizQuestion, quizScore, quizStop, type QuizQuestion } from './trainer-quiz.ts';
import { trainerEngine, type CaseToRun } from './trainer-runner.ts';
import { formatMinutes, stateAt, typeLabel, visibleSteps, type DeadlineStatus, type StepState } from './trainer-state.ts';

/** A bundled case as read for this panel: parsed, and its form. */
interface LoadedCase {
  model: string;
  file: string;
  caseFile: CaseFile;
}

const shortValue = (value: unknown): string =>
  Array.isArray(value) ? `[${value.map((item) => (typeof item === 'object' && item && 'age' in item ? String(item.age) : JSON.stringify(item))).join(', ')}]` : String(value);

export class MfTrainerPanel extends LitElement {
  static override properties = {
    model: {},
    cases: { attribute: false },
    run: { attribute: false },
    index: { type: Number },
    busy: { type: Boolean },
    stale: { type: Boolean },
    failure: {},
    selected: { state: true },
    loaded: { state: true },
    form: { state: true },
    formOpen: { state: true },
    problems: { state: true },
    quiz: { state: true },
    answers: { state: true },
  };

  /** The open model's name: whose bundled cases these are. */
  declare model: string;
  declare cases: readonly CaseSummary[];
  declare run: TrainerRun | null;
  declare index: number;
  declare busy: boolean;
  /** The diagram changed after the run: the path may no longer match it. */
  declare stale: boolean;
  declare failure: string;
  declare selected: string;
  /** The chosen bundled case, read and parsed; null until it is. */
  declare loaded: LoadedCase | null;
  /** The case form's fields as text; prefilled from the chosen case. */
  declare form: CaseForm | null;
  declare formOpen: boolean;
  /** What is wrong with the chosen case file or the form, field by field. */
  declare problems: readonly FormProblem[];
  declare quiz: boolean;
  /** The quiz: the branch the trainee chose at each decision, by visible step index. */
  declare answers: ReadonlyMap<number, string>;

  /** The case being read, so a quick change of choice does not show the wrong one. */
  private reading = '';

  constructor() {
    super();
    this.model = '';
    this.cases = [];
    this.run = null;
    this.index = 0;
    this.busy = false;
    this.stale = false;
    this.failure = '';
    this.selected = '';
    this.loaded = null;
    this.form = null;
    this.formOpen = false;
    this.problems = [];
    this.quiz = false;
    this.answers = new Map();
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
        flex-wrap: wrap;
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
      input:focus-visible,
      summary:focus-visible {
        outline: 3px solid #2f6fdb;
        outline-offset: 1px;
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
      details {
        margin: 8px 0;
        border: 1px solid #d5dce5;
        border-radius: 4px;
        padding: 4px 8px;
      }
      summary {
        cursor: pointer;
        font-weight: 600;
      }
      .fields {
        display: grid;
        grid-template-columns: 1fr 1fr;
        gap: 4px 10px;
        margin: 8px 0;
      }
      .fields .wide {
        grid-column: 1 / -1;
      }
      .fields label {
        font-weight: 500;
        font-size: 13px;
        margin: 0;
      }
      .fields select,
      .fields input[type='text'],
      .fields input[type='number'],
      .fields input[type='datetime-local'] {
        display: block;
        width: 100%;
        box-sizing: border-box;
        font: inherit;
        font-size: 13px;
        padding: 3px;
        margin: 2px 0 0;
      }
      .fields .check {
        display: flex;
        gap: 6px;
        align-items: center;
      }
      .fields [aria-invalid='true'] {
        border: 2px solid #b3261e;
      }
      .judgement {
        color: #6b4fa3;
        font-size: 11px;
      }
      .problems {
        color: #b3261e;
        margin: 6px 0;
      }
      .quiz-toggle {
        display: flex;
        gap: 6px;
        align-items: center;
        font-weight: 500;
        margin: 8px 0 0;
      }
      .score {
        margin-left: auto;
        font-weight: 600;
        white-space: nowrap;
      }
      .quiz-toggle label {
        display: inline;
        margin: 0;
        font-weight: 500;
      }
      .facts {
        font-size: 12.5px;
        margin-top: 4px;
      }
      .facts code {
        display: inline-block;
        white-space: nowrap;
        margin: 0 2px 2px 0;
      }
      .form-note {
        margin: 6px 0 0;
      }
      .form-actions {
        margin-bottom: 6px;
      }
      .quiz {
        background: #fff8e6;
        border: 1px solid #e8c66f;
        border-radius: 4px;
        padding: 8px;
      }
      .options {
        display: flex;
        flex-direction: column;
        gap: 6px;
        margin-top: 6px;
      }
      .options button {
        text-align: left;
        border: 1px solid #2f6fdb;
        background: #fff;
        color: #1f4fa3;
        border-radius: 4px;
        padding: 5px 10px;
      }
      .verdict {
        border-radius: 4px;
        padding: 8px;
      }
      .verdict.agrees {
        background: #e6f4ea;
        border: 1px solid #9fd3ad;
      }
      .verdict.disagrees {
        background: #fdecea;
        border: 1px solid #f1aca5;
      }
      .verdict p {
        margin: 0 0 4px;
      }
    `,
  ];

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('keydown', this.onKeydown);
  }

  override disconnectedCallback(): void {
    window.removeEventListener('keydown', this.onKeydown);
    super.disconnectedCallback();
  }

  /** Number keys answer the quiz: 1 for the first branch listed, and so on. */
  private readonly onKeydown = (event: KeyboardEvent) => {
    if (!this.quiz || !this.run || isTyping(event) || event.ctrlKey || event.metaKey || event.altKey) return;
    if (!/^[1-9]$/.test(event.key)) return;
    const question = this.openQuestion();
    const option = question?.options[Number(event.key) - 1];
    if (!option) return;
    event.preventDefault();
    this.answer(option.id);
  };

  /** Moves by `delta` steps (keyboard and buttons); returns whether it moved. In a quiz, never past an unanswered decision. */
  step(delta: number): boolean {
    if (!this.run) return false;
    const last = visibleSteps(this.run).length - 1;
    const wanted = Math.max(0, Math.min(last, this.index + delta));
    const next = this.quiz ? quizStop(this.run, this.index, wanted, this.answers) : wanted;
    if (next === this.index) return false;
    this.goTo(next);
    return true;
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    // Another model's cases: forget a choice that is not among them.
    if (changed.has('cases') && !this.cases.some((item) => item.file === this.selected)) this.selected = '';
    // A new run starts a new quiz.
    if (changed.has('run')) this.answers = new Map();
  }

  protected override updated(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('cases') || changed.has('selected') || changed.has('model')) void this.loadChosen();
  }

  goTo(index: number) {
    this.index = index;
    this.dispatchEvent(new CustomEvent('step-change', { detail: { index }, bubbles: true, composed: true }));
  }

  private get chosenFile(): string {
    return this.selected || this.cases[0]?.file || '';
  }

  /** Reads and parses the chosen bundled case, and prefills the form from it. */
  private async loadChosen(): Promise<LoadedCase | null> {
    const model = this.model;
    const file = this.chosenFile;
    if (!model || !file) {
      this.loaded = null;
      this.form = null;
      return null;
    }
    if (this.loaded?.model === model && this.loaded.file === file) return this.loaded;
    const key = `${model}/${file}`;
    this.reading = key;
    try {
      const [document, engine] = await Promise.all([api.caseFile(model, file), trainerEngine()]);
      const caseFile = engine.readCase(document.text, `models/cases/${model}/${file}`);
      if (this.reading !== key) return null;
      this.loaded = { model, file, caseFile };
      this.form = formFromGiven(caseFile.given, engine.localInput(caseFile.receivedAt));
      this.problems = [];
      return this.loaded;
    } catch (error) {
      if (this.reading !== key) return null;
      this.loaded = null;
      this.form = null;
      this.problems = this.problemsOf(error);
      return null;
    }
  }

  private problemsOf(error: unknown): FormProblem[] {
    if (error instanceof TrainerProblems) return error.problems.map((problem) => ({ field: problemField(problem.path), message: problem.message }));
    return [{ field: '', message: (error as Error).message }];
  }

  private requestRun(request: CaseToRun) {
    this.dispatchEvent(new CustomEvent<CaseToRun>('run-case', { detail: request, bubbles: true, composed: true }));
  }

  private async runBundled() {
    const loaded = await this.loadChosen();
    if (loaded) this.requestRun({ name: loaded.file, caseFile: loaded.caseFile });
  }

  private async runForm() {
    const loaded = this.loaded;
    const form = this.form;
    if (!loaded || !form) return;
    const { given, problems } = givenFromForm(form);
    if (problems.length > 0) {
      this.problems = problems;
      return;
    }
    try {
      const engine = await trainerEngine();
      const content = caseFileContent(form, given, { title: loaded.caseFile.title, durations: loaded.caseFile.durations });
      const caseFile = engine.readCase(content, 'the case form');
      this.problems = [];
      this.requestRun({ name: `${loaded.file} (your variables)`, caseFile });
    } catch (error) {
      this.problems = this.problemsOf(error);
    }
  }

  private setField(name: string, value: string) {
    if (!this.form) return;
    this.form = name === 'receivedAt' ? { ...this.form, receivedAt: value } : { ...this.form, values: { ...this.form.values, [name]: value } };
  }

  private resetForm() {
    if (!this.loaded) return;
    void trainerEngine().then((engine) => {
      if (this.loaded) this.form = formFromGiven(this.loaded.caseFile.given, engine.localInput(this.loaded.caseFile.receivedAt));
      this.problems = [];
    });
  }

  /** The question at the current step, when the quiz is on and it is still open. */
  private openQuestion(): QuizQuestion | undefined {
    if (!this.quiz || !this.run || !awaitsAnswer(this.run, this.index, this.answers)) return undefined;
    const step = visibleSteps(this.run)[this.index];
    return step ? quizQuestion(step) : undefined;
  }

  private answer(flowId: string) {
    if (!this.openQuestion()) return;
    this.answers = new Map(this.answers).set(this.index, flowId);
    // On to the verdict; Next is where the keyboard goes from here.
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLButtonElement>('[data-testid=next]')?.focus());
  }

  override render() {
    const run = this.run;
    const state = run ? stateAt(run, this.index) : undefined;
    const score = run ? quizScore(run, this.answers) : { answered: 0, right: 0 };
    return html`
      <h2>Trainer</h2>
      <label for="case">Case</label>
      <select id="case" .value=${this.selected} @change=${(event: Event) => (this.selected = (event.target as HTMLSelectElement).value)} ?disabled=${this.cases.length === 0}>
        ${this.cases.map((item) => html`<option value=${item.file} ?selected=${item.file === this.selected}>${item.title}</option>`)}
      </select>
      <div class="row">
        <button class="primary" type="button" data-testid="run-case" @click=${() => this.runBundled()} ?disabled=${this.busy || this.cases.length === 0}>
          ${this.busy ? 'Running…' : 'Run case'}
        </button>
        ${this.cases.length === 0 ? html`<span class="muted">This model has no bundled cases.</span>` : nothing}
      </div>
      ${this.cases.length > 0 ? this.renderForm() : nothing}
      ${this.problems.length && !this.formOpen ? this.renderProblems() : nothing}
      <div class="quiz-toggle">
        <input id="quiz" type="checkbox" data-testid="quiz-toggle" .checked=${this.quiz} @change=${(event: Event) => (this.quiz = (event.target as HTMLInputElement).checked)} />
        <label for="quiz">Quiz: choose the branch at each decision</label>
        ${this.quiz ? html`<span class="score" data-testid="quiz-score" aria-live="polite">Score ${score.right} / ${score.answered}</span>` : nothing}
      </div>
      ${this.failure ? html`<p class="failure" role="alert" data-testid="run-failure">${this.failure}</p>` : nothing}
      ${run && state ? this.renderRun(run, state) : html`<p class="muted">Choose a case and run it; then step with Next and Previous or the arrow keys.</p>`}
    `;
  }

  private renderProblems() {
    const label = (field: string) => (field === 'receivedAt' ? 'Received' : field);
    return html`<ul class="problems" role="alert" data-testid="case-problems">
      ${this.problems.map((problem) => html`<li>${problem.field ? html`<strong>${label(problem.field)}</strong>: ` : nothing}${problem.message}</li>`)}
    </ul>`;
  }

  private renderForm() {
    const form = this.form;
    return html`<details data-testid="case-form" .open=${this.formOpen} @toggle=${(event: Event) => (this.formOpen = (event.target as HTMLDetailsElement).open)}>
      <summary>Change the case's variables</summary>
      ${this.formOpen
        ? form
          ? html`<p class="muted form-note">Prefilled from the chosen case. <span class="judgement">judgement</span> marks a professional's judgement rather than a fact from the notification.</p>
              <div class="fields">
                <label class="wide"
                  >Received (Europe/London)
                  <input
                    type="datetime-local"
                    data-field="receivedAt"
                    .value=${form.receivedAt}
                    aria-invalid=${this.problems.some((problem) => problem.field === 'receivedAt') ? 'true' : 'false'}
                    @change=${(event: Event) => this.setField('receivedAt', (event.target as HTMLInputElement).value)}
                /></label>
                ${formFields.filter((field) => field.kind !== 'checkbox').map((field) => this.renderField(field, form))}
                ${formFields.filter((field) => field.kind === 'checkbox').map((field) => this.renderField(field, form))}
              </div>
              ${this.problems.length ? this.renderProblems() : nothing}
              <div class="row form-actions">
                <button class="primary" type="button" data-testid="run-form" @click=${() => this.runForm()} ?disabled=${this.busy}>Run with these variables</button>
                <button type="button" data-testid="reset-form" @click=${() => this.resetForm()}>Reset to the case</button>
              </div>`
          : this.problems.length
            ? this.renderProblems()
            : html`<p class="muted">Reading the case…</p>`
        : nothing}
    </details>`;
  }

  private renderField(field: FormField, form: CaseForm) {
    const value = form.values[field.name] ?? '';
    const invalid = this.problems.some((problem) => problem.field === field.name) ? 'true' : 'false';
    const mark = field.judgement ? html` <span class="judgement">judgement</span>` : nothing;
    const set = (event: Event) => this.setField(field.name, (event.target as HTMLInputElement | HTMLSelectElement).value);
    switch (field.kind) {
      case 'checkbox':
        return html`<label class="check" title=${field.meaning}
          ><input
            type="checkbox"
            data-field=${field.name}
            .checked=${value === 'true'}
            @change=${(event: Event) => this.setField(field.name, String((event.target as HTMLInputElement).checked))}
          />${field.name}${mark}</label
        >`;
      case 'select':
        return html`<label title=${field.meaning}
          >${field.name}${mark}
          <select data-field=${field.name} .value=${value} aria-invalid=${invalid} @change=${set}>
            <option value="" ?selected=${value === ''}>(${field.whenNotGiven})</option>
            ${field.options.map((option) => html`<option value=${option} ?selected=${option === value}>${option}</option>`)}
          </select></label
        >`;
      case 'number':
        return html`<label title=${field.meaning}>${field.name}${mark}<input type="number" step="1" data-field=${field.name} .value=${value} aria-invalid=${invalid} @change=${set} /></label>`;
      case 'ages':
        return html`<label class="wide" title=${field.meaning}
          >Children's ages (years, separated by commas; empty: no children)
          <input type="text" inputmode="numeric" data-field=${field.name} .value=${value} aria-invalid=${invalid} @change=${set}
        /></label>`;
    }
  }

  private renderRun(run: TrainerRun, state: StepState) {
    const { step } = state;
    const question = this.openQuestion();
    return html`
      <section aria-label="Case">
        <strong>${run.case.title}</strong><br />
        <span class="muted">received ${run.case.receivedLocal} (Europe/London)${run.ranInMs !== undefined ? html`; ran in the page in <span data-testid="run-ms">${run.ranInMs}</span> ms` : nothing}</span>
        <div class="muted facts" data-testid="case-facts">
          ${Object.entries(run.case.given).map(([name, value]) => html`<code>${name}: ${shortValue(value)}</code> `)}
        </div>
        ${this.stale ? html`<p class="warning" role="status">The diagram changed after this run; run the case again to follow the new path.</p>` : nothing}
      </section>
      <div class="nav">
        <button type="button" data-testid="previous" aria-keyshortcuts="ArrowLeft" @click=${() => this.step(-1)} ?disabled=${state.position === 1}>◀ Previous</button>
        <button type="button" data-testid="next" aria-keyshortcuts="ArrowRight" @click=${() => this.step(1)} ?disabled=${state.isLast || question !== undefined}>Next ▶</button>
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
      ${question ? this.renderQuestion(question) : html`${this.renderVerdict(step)}${this.renderDecision(step)}`}
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

  private renderQuestion(question: QuizQuestion) {
    return html`<section aria-label="Quiz" data-testid="quiz">
      <div class="quiz">
        <strong>Which way does the procedure go for this case?</strong>
        <div class="muted">Choose before it is revealed (or press 1–${question.options.length}).</div>
        <div class="options" role="group" aria-label="Branches">
          ${question.options.map(
            (flow, position) =>
              html`<button type="button" data-testid="quiz-option" data-flow=${flow.id} aria-keyshortcuts=${String(position + 1)} @click=${() => this.answer(flow.id)}>
                ${position + 1}. ${optionLabel(flow)}
              </button>`,
          )}
        </div>
      </div>
    </section>`;
  }

  private renderVerdict(step: TrainerStep) {
    const chosen = this.answers.get(this.index);
    const verdict = chosen === undefined ? undefined : judge(step, chosen);
    if (!verdict) return nothing;
    return html`<section aria-label="Quiz verdict">
      <div class="verdict ${verdict.agrees ? 'agrees' : 'disagrees'}" data-testid="quiz-verdict" data-agrees=${String(verdict.agrees)} role="status">
        <p><strong>${verdict.agrees ? '✓ The procedure agrees.' : '✗ The procedure does not agree.'}</strong> You chose ${optionLabel(verdict.chosen)}.</p>
        ${verdict.reasons.map((reason) => html`<p>${reason}</p>`)}
        ${step.reads.length ? html`<p>This case: ${step.reads.map((read) => html`<code>${read.name} = ${JSON.stringify(read.value)}</code> `)}</p>` : nothing}
      </div>
    </section>`;
  }

  private renderDecision(step: TrainerStep) {
    const { type, next, notTaken, reads } = step;
    if (notTaken.length === 0 || !type.endsWith('Gateway') || type === 'parallelGateway') {
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
        ${notTaken.map((flow) => html`<li>${flow.name || flow.id} → ${flow.targetName} ${this.notTakenReason(flow)}</li>`)}
      </ul>
    </section>`;
  }

  private notTakenReason(flow: FlowInfo) {
    if (flow.condition) return html`<code>${flow.condition}</code> <span class="muted">(${flow.holds ? 'true, but another flow was taken' : 'false'})</span>`;
    return flow.isDefault ? html`(default)` : html`<span class="muted">(${flowReason(flow)})</span>`;
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
