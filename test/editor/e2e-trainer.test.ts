/**
 * Trainer mode end to end: a Derby case run by bpmn-engine in the page (no POST /api/run), the
 * case form giving other variables and another outcome, and the quiz: one decision answered
 * right, one wrong (by number key), with the verdicts and the score. Prints the in-page run times.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, poll, screenshots, startEditorSession, type EditorSession } from './support/editor-session.ts';

const derbyCase = 'high-not-known-pregnant-joint-s47.yaml';

describe.runIf(hasChromium)('trainer mode in the browser (bpmn-engine in the page)', () => {
  let session: EditorSession;
  let page: Page;
  /** Every request the page made to the server's run endpoint: there should be none. */
  const runRequests: string[] = [];

  const position = () => page.locator('[data-testid=position]').textContent();
  const outcomes = () => page.locator('[data-testid=final-outcome] [data-testid=outcomes]').textContent();

  /** Clicks a run button and waits for step 1; the wall time and the engine's own time in the page. */
  async function runAndTime(button: string): Promise<{ wallMs: number; pageMs: number }> {
    // Off step 1 first, so "Step 1 of" below means the new run arrived.
    if ((await page.locator('[data-testid=position]').count()) > 0) {
      await page.keyboard.press('End');
      await expect.poll(position, poll).not.toContain('Step 1 of');
    }
    const started = performance.now();
    await page.locator(`[data-testid=${button}]`).click();
    await expect.poll(() => page.locator('[data-testid=run-case]').textContent(), poll).toContain('Run case');
    await expect.poll(position, poll).toContain('Step 1 of');
    const wallMs = Math.round(performance.now() - started);
    expect(await page.locator('[data-testid=run-failure]').count()).toBe(0);
    const pageMs = Number(await page.locator('[data-testid=run-ms]').textContent());
    return { wallMs, pageMs };
  }

  beforeAll(async () => {
    session = await startEditorSession();
    page = session.page;
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/api/run')) runRequests.push(`${request.method()} ${request.url()}`);
    });
    await page.locator('mf-model-list button[data-model="derby"]').waitFor({ timeout: 30_000 });
    await session.openModel('derby');
    await page.locator('[data-testid=mode-trainer]').click();
    await page.locator(`mf-trainer-panel select#case option[value="${derbyCase}"]`).waitFor({ state: 'attached' });
    await page.locator('mf-trainer-panel select#case').selectOption(derbyCase);
  }, 180_000);

  afterAll(async () => {
    await session?.close();
  });

  it('given a Derby case, when run, then bpmn-engine runs it in the page (no request to /api/run) and it reaches the expected outcome', async () => {
    const first = await runAndTime('run-case');
    const second = await runAndTime('run-case');
    console.log(`trainer e2e: ${derbyCase} in the page: first run ${first.pageMs} ms engine (${first.wallMs} ms click to step 1, engine chunk loaded earlier), again ${second.pageMs} ms engine (${second.wallMs} ms click to step 1)`);
    expect(first.pageMs).toBeGreaterThan(0);
    await expect.poll(() => page.locator('[data-testid=lane]').textContent(), poll).toContain('Police');
    await page.keyboard.press('End');
    await expect.poll(outcomes, poll).toContain('s47');
    await expect.poll(() => page.locator('[data-testid=final-outcome]').textContent(), poll).toContain('As the case file expects');
    expect(runRequests).toEqual([]);
  });

  it('given the case form, when the ages are not numbers, then the form says so; when other variables are given, then the outcome differs', async () => {
    await page.locator('[data-testid=case-form] summary').click();
    const field = (name: string) => page.locator(`[data-testid=case-form] [data-field=${name}]`);
    await field('dashRisk').waitFor();
    // Prefilled from the chosen case.
    expect(await field('dashRisk').inputValue()).toBe('high');
    expect(await field('children').inputValue()).toBe('2, 7');
    expect(await field('pregnant').isChecked()).toBe(true);

    await field('children').fill('2, seven');
    await page.locator('[data-testid=run-form]').click();
    await expect.poll(() => page.locator('[data-testid=case-problems]').textContent(), poll).toContain('"seven" is not an age');
    expect(await field('children').getAttribute('aria-invalid')).toBe('true');

    await field('children').fill('2, 7');
    await field('dashRisk').selectOption('standard');
    await field('thresholdLevel').selectOption('1');
    await field('immediateRisk').uncheck();
    const changed = await runAndTime('run-form');
    console.log(`trainer e2e: the form's variables in the page: ${changed.pageMs} ms engine (${changed.wallMs} ms click to step 1)`);
    expect(await page.locator('[data-testid=case-problems]').count()).toBe(0);
    await expect.poll(() => page.locator('[data-testid=case-facts]').textContent(), poll).toContain('dashRisk: standard');
    await page.keyboard.press('End');
    await expect.poll(outcomes, poll).toContain('nfa');
    expect(await outcomes()).not.toContain('s47');
    await page.screenshot({ path: join(screenshots, 'editor-trainer-form.png') });
    await page.locator('[data-testid=case-form] summary').click();
    expect(runRequests).toEqual([]);
  });

  it('given the quiz, when one decision is answered wrong by number key and the next right, then the verdicts say so and the score is 1 / 2', async () => {
    await page.locator('[data-testid=quiz-toggle]').check();
    await runAndTime('run-case');
    await expect.poll(() => page.locator('[data-testid=quiz-score]').textContent(), poll).toContain('Score 0 / 0');

    // Stepping stops at the first decision; Next waits for an answer and the way taken is hidden.
    await page.keyboard.press('End');
    await page.locator('[data-testid=quiz]').waitFor();
    expect(await page.locator('[data-testid=current-step]').getAttribute('data-id')).toBe('outOfHoursEmergency');
    expect(await page.locator('[data-testid=next]').isDisabled()).toBe(true);
    expect(await page.locator('[data-testid=decision]').count()).toBe(0);
    await page.keyboard.press('ArrowRight');
    expect(await page.locator('[data-testid=current-step]').getAttribute('data-id')).toBe('outOfHoursEmergency');

    // Wrong: this case came in office hours, so Careline (seed 004) is not called. Answer by number key.
    const options = await page.locator('[data-testid=quiz-option]').evaluateAll((buttons) => buttons.map((button) => button.getAttribute('data-flow')));
    const wrong = options.indexOf('flow_outOfHoursEmergency_to_carelineResponds');
    expect(wrong).toBeGreaterThanOrEqual(0);
    await page.keyboard.press(String(wrong + 1));
    const verdict = page.locator('[data-testid=quiz-verdict]');
    await expect.poll(() => verdict.getAttribute('data-agrees'), poll).toBe('false');
    const text = (await verdict.textContent()) ?? '';
    expect(text).toContain('The procedure does not agree');
    expect(text).toContain('=outOfHours and immediateRisk is false for this case');
    expect(text).toContain('outOfHours = false');
    await expect.poll(() => page.locator('[data-testid=quiz-score]').textContent(), poll).toContain('Score 0 / 1');
    await expect.poll(() => page.locator('.djs-element.mf-current[data-element-id="outOfHoursEmergency"]').count(), poll).toBe(1);
    await page.screenshot({ path: join(screenshots, 'editor-quiz.png') });

    // On to the next decision. Right: a high DASH grade goes to sharing the DASH with partners.
    await page.keyboard.press('End');
    await page.locator('[data-testid=quiz]').waitFor();
    expect(await page.locator('[data-testid=current-step]').getAttribute('data-id')).toBe('highOrMediumDash');
    await page.locator('[data-testid=quiz-option][data-flow=flow_highOrMediumDash_to_shareDashWithPartners]').click();
    await expect.poll(() => verdict.getAttribute('data-agrees'), poll).toBe('true');
    expect(await verdict.textContent()).toContain('The procedure agrees');
    expect(await verdict.textContent()).toContain('dashRisk = "high"');
    await expect.poll(() => page.locator('[data-testid=quiz-score]').textContent(), poll).toContain('Score 1 / 2');
    await expect.poll(() => page.locator('[data-testid=decision]').textContent(), poll).toContain('Took');

    // Back and forth keeps the verdicts; going on stops at the next open question.
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => verdict.getAttribute('data-agrees'), poll).toBe('true');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.locator('[data-testid=current-step]').getAttribute('data-id'), poll).not.toBe('highOrMediumDash');
    expect(runRequests).toEqual([]);
    expect(session.pageErrors).toEqual([]);
    expect(session.offsiteRequests).toEqual([]);
  });
});
