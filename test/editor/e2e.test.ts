/**
 * The browser editor end to end: built once with vite, served by the editor server over a
 * temporary copy of models/, driven in Debian's Chromium. Opens every model, renames a task and
 * saves it, watches a lint problem appear and clear, steps a Derby case through trainer mode to
 * its outcome, and checks the server refuses what it must. Prints the time to open each model.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EditorServer } from '../../cli/server/server.ts';
import { bundledModelNames as modelNames, hasChromium, poll, screenshots, startEditorSession, type EditorSession } from './support/editor-session.ts';

const trainerCase = 'high-not-known-pregnant-joint-s47.yaml';

describe.runIf(hasChromium)('browser editor end to end (vite build, editor server, headless Chromium)', () => {
  let session: EditorSession;
  let models: string;
  let server: EditorServer;
  let page: Page;
  let browser: Browser;
  let pageErrors: string[];
  let offsiteRequests: string[];
  const withModeler = <T, A>(work: (modeler: any, argument: A) => T, argument: A) => session.withModeler(work, argument);
  const openModel = (name: string) => session.openModel(name);

  beforeAll(async () => {
    session = await startEditorSession();
    ({ models, server, page, browser, pageErrors, offsiteRequests } = session);
  }, 180_000);

  afterAll(async () => {
    await session?.close();
  });

  it('given the bundled models, when each is opened, then bpmn-js reports no import warnings and lint runs', async () => {
    await expect.poll(() => page.locator('mf-model-list button[data-model]').count(), poll).toBe(modelNames.length);
    for (const name of modelNames) {
      const ms = await openModel(name);
      expect(await page.locator('mf-modeler').getAttribute('data-import-warnings'), name).toBe('0');
      await expect.poll(() => page.locator('[data-testid=status]').textContent(), poll).toContain(`Opened ${name}`);
      await expect.poll(() => page.locator('mf-lint-panel [data-testid=lint-summary]').textContent(), poll).not.toContain('Linting');
      console.log(`editor e2e: open ${name}: ${Math.round(ms)} ms (click to diagram shown)`);
    }
    expect(pageErrors).toEqual([]);
    expect(offsiteRequests).toEqual([]);
  });

  it('given Derby, when a task is renamed through bpmn-js and saved with Ctrl+S, then the file has the new name, keeps its mashflow extensions, and a reload shows it', async () => {
    await openModel('derby');
    const before = readFileSync(join(models, 'derby.bpmn'), 'utf8');
    const taskId = await withModeler((modeler, id: string) => {
      const task = modeler.get('elementRegistry').get(id);
      modeler.get('modeling').updateLabel(task, 'Record the alert (renamed in the editor test)');
      return task.id as string;
    }, 'recordAlertWithin24h');
    await page.locator('[data-testid=dirty]').waitFor({ state: 'visible' });
    await page.keyboard.press('Control+s');
    await expect.poll(() => page.locator('[data-testid=status]').textContent(), poll).toContain('Saved models/derby.bpmn');
    await expect.poll(() => page.locator('[data-testid=dirty]').count(), poll).toBe(0);

    const after = readFileSync(join(models, 'derby.bpmn'), 'utf8');
    expect(after).toContain(`id="${taskId}" name="Record the alert (renamed in the editor test)"`);
    const count = (text: string, pattern: RegExp) => text.match(pattern)?.length ?? 0;
    for (const element of [/<mashflow:deadline\b/g, /<mashflow:outcome\b/g, /<mashflow:notification\b/g, /<mashflow:meeting\b/g]) {
      expect(count(after, element), String(element)).toBe(count(before, element));
    }
    const backups = readdirSync(join(models, '.backup'));
    expect(backups.some((file) => file.startsWith('derby.'))).toBe(true);

    await page.reload();
    await page.locator('mf-modeler[data-model="derby"]').waitFor();
    const name = await withModeler((modeler, id: string) => modeler.get('elementRegistry').get(id).businessObject.name as string, taskId);
    expect(name).toBe('Record the alert (renamed in the editor test)');
  });

  it('given Derby, when a task loses its seed citation, then the lint panel and the diagram show it; undo clears both', async () => {
    await page.locator('mf-modeler[data-model="derby"]').waitFor();
    await expect.poll(() => page.locator('mf-lint-panel [data-testid=lint-summary]').textContent(), poll).toContain('No problems');
    await withModeler((modeler, id: string) => {
      modeler.get('modeling').updateProperties(modeler.get('elementRegistry').get(id), { documentation: [] });
    }, 'recordContactsHighRisk');
    const issue = page.locator('mf-lint-panel button[data-id="recordContactsHighRisk"][data-rule="task-cites-seed"]');
    await issue.waitFor({ state: 'visible' });
    await expect.poll(() => page.locator('mf-lint-panel [data-testid=lint-summary]').textContent(), poll).toContain('1 error');
    await expect.poll(() => page.locator('.djs-element.mf-lint-error[data-element-id="recordContactsHighRisk"]').count(), poll).toBe(1);
    await issue.click(); // selects and shows the element
    await page.screenshot({ path: join(screenshots, 'editor-lint.png') });

    await withModeler((modeler) => modeler.get('commandStack').undo(), null);
    await expect.poll(() => issue.count(), poll).toBe(0);
    await expect.poll(() => page.locator('mf-lint-panel [data-testid=lint-summary]').textContent(), poll).toContain('No problems');
    await expect.poll(() => page.locator('.djs-element.mf-lint-error').count(), poll).toBe(0);
    await expect.poll(() => page.locator('[data-testid=dirty]').count(), poll).toBe(0);
  });

  it('given a Derby case in trainer mode, when stepped through with the arrow keys, then each step shows its lane and the end shows the outcome', async () => {
    await page.locator('[data-testid=mode-trainer]').click();
    await page.locator(`mf-trainer-panel select option[value="${trainerCase}"]`).waitFor({ state: 'attached' });
    await page.locator('mf-trainer-panel select').selectOption(trainerCase);
    const started = performance.now();
    await page.locator('[data-testid=run-case]').click();
    await expect.poll(() => page.locator('[data-testid=position]').textContent(), poll).toContain('Step 1 of');
    console.log(`editor e2e: run ${trainerCase} for the trainer: ${Math.round(performance.now() - started)} ms`);
    await expect.poll(async () => (await page.locator('[data-testid=lane]').textContent())?.trim(), poll).toBe('Police');
    await expect.poll(() => page.locator('.djs-element.mf-current').count(), poll).toBe(1);

    // Step to the first decision and look at it.
    const total = Number(/of (\d+)/.exec((await page.locator('[data-testid=position]').textContent()) ?? '')?.[1]);
    expect(total).toBeGreaterThan(3);
    let position = 1;
    while (!(await page.locator('[data-testid=decision]').count()) && position < total) {
      await page.keyboard.press('ArrowRight');
      position++;
      await expect.poll(() => page.locator('[data-testid=position]').textContent(), poll).toContain(`Step ${position} of`);
    }
    await expect.poll(() => page.locator('[data-testid=decision]').textContent(), poll).toContain('Took');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => page.locator('[data-testid=position]').textContent(), poll).toContain(`Step ${position} of`);
    const current = await page.locator('[data-testid=current-step]').getAttribute('data-id');
    await expect.poll(() => page.locator(`.djs-element.mf-current[data-element-id="${current}"]`).count(), poll).toBe(1);
    await page.screenshot({ path: join(screenshots, 'editor-trainer.png') });

    // On to the next task: what the procedure says, with its seed citation, and who does it.
    do {
      await page.keyboard.press('ArrowRight');
      position++;
      await expect.poll(() => page.locator('[data-testid=position]').textContent(), poll).toContain(`Step ${position} of`);
    } while (!(await page.locator('[data-testid=documentation]').count()) && position < total);
    await expect.poll(() => page.locator('[data-testid=documentation]').textContent(), poll).toContain('Seed');
    expect((await page.locator('[data-testid=lane]').textContent())?.trim()).not.toBe('no lane');
    await page.screenshot({ path: join(screenshots, 'editor-trainer-task.png') });

    while (position < total) {
      await page.keyboard.press('ArrowRight');
      position++;
    }
    await expect.poll(() => page.locator('[data-testid=position]').textContent(), poll).toContain(`Step ${total} of ${total}`);
    expect(await page.locator('[data-testid=next]').isDisabled()).toBe(true);
    const outcome = page.locator('[data-testid=final-outcome]');
    await expect.poll(() => outcome.locator('[data-testid=outcomes]').textContent(), poll).toContain('strategy-discussion');
    await expect.poll(() => outcome.locator('[data-testid=outcomes]').textContent(), poll).toContain('s47');
    await expect.poll(() => outcome.textContent(), poll).toContain('As the case file expects');
    await page.screenshot({ path: join(screenshots, 'editor-trainer-end.png') });
    await page.locator('[data-testid=mode-edit]').click();
    await expect.poll(() => page.locator('.djs-element.mf-current').count(), poll).toBe(0);
  });

  it('given the page, when it asks for a path outside models/ or another origin asks to save, then the server refuses', async () => {
    const before = readFileSync(join(models, 'derby.bpmn'), 'utf8');
    const statuses = await page.evaluate(async () => {
      const put = (path: string) => fetch(path, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ xml: '<x/>' }) });
      return [
        (await fetch('/api/models/..%2Fpackage.json')).status,
        (await fetch('/api/models/%2e%2e%2f%2e%2e%2fpackage.json')).status,
        (await put('/api/models/..%2F..%2Fpackage')).status,
      ];
    });
    expect(statuses).toEqual([403, 403, 403]);

    // A page from anywhere else (here an opaque origin) cannot save: the preflight is refused.
    const other = await browser.newPage();
    try {
      await other.goto('about:blank');
      const outcome = await other.evaluate(async (url) => {
        try {
          const response = await fetch(`${url}api/models/derby`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ xml: '<x/>' }) });
          return `answered ${response.status}`;
        } catch {
          return 'blocked';
        }
      }, server.url);
      expect(outcome).toBe('blocked');
    } finally {
      await other.close();
    }
    expect(readFileSync(join(models, 'derby.bpmn'), 'utf8')).toBe(before);
    expect(pageErrors).toEqual([]);
    expect(offsiteRequests).toEqual([]);
  });
});
