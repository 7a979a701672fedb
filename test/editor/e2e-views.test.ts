/**
 * The coverage and authorities views end to end, in Chromium at 1280×800: Rotherham 2014's case suite covers
 * its whole diagram, a task added through bpmn-js then shows as not exercised; one case through all
 * five authorities shows five columns, each with its outcome and its path on its diagram. Prints how
 * long each view took and saves a screenshot of each.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledModelNames, hasChromium, poll, screenshots, startEditorSession, type EditorSession } from './support/editor-session.ts';

/** A case suite runs for seconds to tens of seconds on a slow machine. */
const suitePoll = { timeout: 180_000, interval: 200 };
const authoritiesCase = 'high-not-known-pregnant-joint-s47.yaml';

describe.runIf(hasChromium)('coverage and authorities views end to end (vite build, editor server, headless Chromium)', () => {
  let session: EditorSession;
  let page: Page;

  beforeAll(async () => {
    session = await startEditorSession();
    page = session.page;
  }, 240_000);

  afterAll(async () => {
    await session?.close();
  });

  it('given Rotherham 2014 (the smallest suite: CI time), when coverage mode opens, then its cases exercise every element; after a task is added on a new flow, that task is listed as not exercised and greyed on the diagram', async () => {
    await session.openModel('rotherham-2014');
    let started = performance.now();
    await page.locator('[data-testid=mode-coverage]').click();
    await expect.poll(() => page.locator('mf-coverage-panel [data-testid=coverage-progress]').count(), poll).toBe(1);
    await expect.poll(() => page.locator('mf-coverage-panel [data-testid=coverage-nodes]').textContent(), suitePoll).toContain('(100%)');
    console.log(`editor e2e: coverage of rotherham-2014 (16 cases): ${Math.round(performance.now() - started)} ms (click to totals shown)`);
    expect(await page.locator('mf-coverage-panel [data-testid=coverage-flows]').textContent()).toContain('(100%)');
    await page.locator('mf-coverage-panel [data-testid=coverage-complete]').waitFor();
    await expect.poll(() => page.locator('.djs-element.mf-covered').count(), poll).toBeGreaterThan(40);
    expect(await page.locator('.djs-element.mf-uncovered').count()).toBe(0);

    // A new task off a decision, on a flow whose condition no case meets, joined to an end event.
    const added = await session.withModeler((modeler) => {
      const registry = modeler.get('elementRegistry');
      const modeling = modeler.get('modeling');
      const gateway = registry.get('highRisk');
      const task = modeling.appendShape(gateway, { type: 'bpmn:Task' }, { x: gateway.x + 160, y: gateway.y + 190 });
      modeling.updateLabel(task, 'Ask the school nurse (added in the e2e test)');
      const flow = gateway.outgoing.find((connection: any) => connection.target === task);
      modeling.updateProperties(flow, { conditionExpression: modeler.get('moddle').create('bpmn:FormalExpression', { body: '=childCount > 20' }) });
      const end = registry.filter((element: any) => element.type === 'bpmn:EndEvent')[0];
      const back = modeling.connect(task, end);
      return { task: task.id as string, flows: [flow.id as string, back.id as string] };
    }, null);
    await page.locator('mf-coverage-panel [data-testid=coverage-stale]').waitFor();

    started = performance.now();
    await page.locator('mf-coverage-panel [data-testid=coverage-run]').click();
    const taskEntry = page.locator(`mf-coverage-panel [data-testid=coverage-uncovered] button[data-id="${added.task}"]`);
    await taskEntry.waitFor({ timeout: suitePoll.timeout });
    console.log(`editor e2e: coverage of rotherham-2014 with an unsaved task added: ${Math.round(performance.now() - started)} ms (click to list shown)`);
    expect(await taskEntry.textContent()).toContain('Ask the school nurse (added in the e2e test)');
    for (const flow of added.flows) expect(await page.locator(`mf-coverage-panel button[data-id="${flow}"][data-kind=flow]`).count(), flow).toBe(1);
    expect(await page.locator('mf-coverage-panel [data-testid=coverage-nodes]').textContent()).toMatch(/23\/24 \(95\.8%\)/);
    await expect.poll(() => page.locator(`.djs-element.mf-uncovered[data-element-id="${added.task}"]`).count(), poll).toBe(1);
    expect(await page.locator('.djs-element.mf-uncovered').count()).toBe(3);

    await taskEntry.click(); // selects and shows it, and says no case reaches it
    await expect.poll(() => page.locator('mf-coverage-panel [data-testid=coverage-selected]').textContent(), poll).toContain('no case reaches it');
    await page.screenshot({ path: join(screenshots, 'editor-coverage.png') });

    // A covered element names the cases that reach it.
    await session.withModeler((modeler, id: string) => modeler.get('selection').select(modeler.get('elementRegistry').get(id)), 'recordContact');
    await expect.poll(() => page.locator('mf-coverage-panel [data-testid=coverage-selected]').textContent(), poll).toMatch(/reached by \d+ cases/);
    expect(session.pageErrors).toEqual([]);
  }, 420_000);

  it('given a Derby case, when run in the authorities view, then five authorities show side by side, each with its outcome words and its path highlighted; a column enlarges and shrinks from the keyboard', async () => {
    await page.locator('[data-testid=mode-authorities]').click();
    const picker = page.locator('mf-authorities [data-testid=authorities-case]');
    await page.locator(`mf-authorities option[value="case:derby/${authoritiesCase}"]`).waitFor({ state: 'attached' });
    // Every bundled case of every model is offered, grouped by model, after the sample household.
    expect(await page.locator('mf-authorities optgroup').count()).toBe(bundledModelNames.length + 1);
    expect(await page.locator('mf-authorities option[value^="household:"]').count()).toBeGreaterThan(0);
    await picker.selectOption(`case:derby/${authoritiesCase}`);

    const started = performance.now();
    await page.locator('mf-authorities [data-testid=authorities-run]').click();
    const columns = page.locator('mf-authorities [data-testid=authority-column]');
    await expect.poll(() => columns.count(), suitePoll).toBe(5);
    for (const name of bundledModelNames) {
      await expect.poll(() => page.locator(`mf-authorities .mfa-column[data-model="${name}"] .djs-element.mfa-path`).count(), suitePoll).toBeGreaterThan(3);
    }
    console.log(`editor e2e: authorities view, ${authoritiesCase} through 5 models: ${Math.round(performance.now() - started)} ms (click to every path drawn)`);
    await expect.poll(() => page.locator('mf-authorities [data-testid=authorities-note]').textContent(), poll).toContain('5 of 5 authorities ran the case');

    for (const name of bundledModelNames) {
      const column = page.locator(`mf-authorities .mfa-column[data-model="${name}"]`);
      expect((await column.locator('[data-testid=authority-outcomes] .mfa-word').count()) + (await column.locator('[data-testid=authority-outcomes] .mfa-none').count()), name).toBeGreaterThan(0);
      expect(await column.locator('[data-testid=authority-steps]').textContent(), name).toMatch(/^\d+, finished 2026-/);
      expect(await column.locator('.djs-connection.mfa-path-flow').count(), name).toBeGreaterThan(2);
      expect(await column.locator('.djs-element.mfa-path-end').count(), name).toBe(1);
    }
    const derbyOutcomes = await page.locator('mf-authorities .mfa-column[data-model="derby"] [data-testid=authority-outcomes]').textContent();
    expect(derbyOutcomes).toContain('s47');
    expect(await page.locator('mf-authorities [data-testid=authorities-summary] tbody tr').count()).toBe(5);
    await page.screenshot({ path: join(screenshots, 'editor-authorities.png') });

    // Keyboard: Enter on a column's button enlarges it; Escape shrinks it and gives focus back.
    const enlarge = page.locator('mf-authorities .mfa-column[data-model="warwickshire"] .mfa-enlarge');
    await enlarge.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('mf-authorities .mfa-column.mfa-enlarged').getAttribute('data-model'), poll).toBe('warwickshire');
    const height = await page.locator('mf-authorities .mfa-enlarged .mfa-diagram').evaluate((element) => element.getBoundingClientRect().height);
    expect(height).toBeGreaterThan(400);
    await page.screenshot({ path: join(screenshots, 'editor-authorities-enlarged.png') });
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('mf-authorities .mfa-column.mfa-enlarged').count(), poll).toBe(0);
    expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.className)).toBe('mfa-enlarge');

    // Back to editing: the diagram is there again, and the unsaved task from the coverage test too.
    await page.locator('[data-testid=mode-edit]').click();
    await expect.poll(() => page.locator('mf-modeler .djs-container').isVisible(), poll).toBe(true);
    expect(await page.locator('[data-testid=dirty]').count()).toBe(1);
    expect(session.pageErrors).toEqual([]);
    expect(session.offsiteRequests).toEqual([]);
  }, 420_000);
});
