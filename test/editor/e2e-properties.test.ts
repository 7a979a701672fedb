/**
 * The properties panel end to end, in the built editor in Chromium: a Derby task is clicked on the
 * diagram, the Properties tab opened with the keyboard, a duration and an outcome word set with
 * the panel's own inputs, a bad value refused in the entry, the edit undone and redone, and the
 * model saved with Ctrl+S; the file then has the mashflow values, still loads, and a reload shows them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseModel } from '../../engine/model.ts';
import { outcomeWords } from '../../engine/vocabulary.ts';
import { hasChromium, poll, screenshots, startEditorSession, type EditorSession } from './support/editor-session.ts';

const taskId = 'recordAlertStandard';
const laneId = 'cso';

/** The input of a panel entry: the panel names it bio-properties-panel-<entry id>. */
const field = (page: Page, entryId: string) => page.locator(`#bio-properties-panel-${entryId}`);
const entryError = (page: Page, entryId: string) => page.locator(`[data-entry-id="${entryId}"] .bio-properties-panel-error`);

describe.runIf(hasChromium)('properties panel end to end (vite build, editor server, headless Chromium)', () => {
  let session: EditorSession;
  let page: Page;
  const withModeler = <T, A>(work: (modeler: any, argument: A) => T, argument: A) => session.withModeler(work, argument);
  /** The task's mashflow extension elements as the diagram holds them now: "type attr=value …". */
  const extensionsOf = (id: string) =>
    withModeler((modeler, elementId: string) => {
      const values = modeler.get('elementRegistry').get(elementId).businessObject.extensionElements?.values ?? [];
      return values.map((value: any) => {
        const attributes = Object.keys(value).filter((key) => !key.startsWith('$') && value[key] !== undefined);
        return [value.$type, ...attributes.map((key) => `${key}=${value[key]}`)].join(' ');
      }) as string[];
    }, id);

  /** Replaces a text field's content by typing, as a user would. */
  async function typeInto(entryId: string, text: string) {
    const input = field(page, entryId);
    await input.click();
    await page.keyboard.press('Control+a');
    await page.keyboard.type(text);
  }

  async function clickOnDiagram(id: string) {
    await withModeler((modeler, elementId: string) => modeler.get('canvas').scrollToElement(elementId, { top: 150, bottom: 150, left: 200, right: 200 }), id);
    // The shape's own outline, not the lint badge or label that may sit on top of it.
    const box = await page.locator(`.djs-element.djs-shape[data-element-id="${id}"]`).first().boundingBox();
    expect(box, `${id} on screen`).not.toBeNull();
    await page.mouse.click(box!.x + box!.width / 2, box!.y + box!.height - 6);
  }

  beforeAll(async () => {
    session = await startEditorSession();
    page = session.page;
  }, 180_000);

  afterAll(async () => {
    await session?.close();
  });

  it('given Derby in edit mode, when a task is clicked and the Properties tab chosen with the keyboard, then the panel shows the task and its mashflow groups', async () => {
    await session.openModel('derby');
    const problemsTab = page.locator('mf-edit-side [data-testid=tab-problems]');
    const propertiesTab = page.locator('mf-edit-side [data-testid=tab-properties]');
    await expect.poll(() => problemsTab.getAttribute('aria-selected'), poll).toBe('true');
    expect(await problemsTab.getAttribute('role')).toBe('tab');
    await expect.poll(() => page.locator('mf-lint-panel [data-testid=lint-summary]').textContent(), poll).toContain('No problems');

    await clickOnDiagram(taskId);
    await expect.poll(() => withModeler((modeler) => modeler.get('selection').get().map((element: any) => element.id), null), poll).toEqual([taskId]);

    await problemsTab.focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => propertiesTab.getAttribute('aria-selected'), poll).toBe('true');
    expect(await problemsTab.getAttribute('aria-selected')).toBe('false');
    expect(await page.locator('mf-lint-panel').isVisible()).toBe(false);
    await expect.poll(() => page.locator('.bio-properties-panel-header-label').textContent(), poll).toContain('Record DV alert on LCS');
    for (const group of ['general', 'documentation', 'mashflow-outcomes', 'mashflow-notifications', 'mashflow-deadline', 'mashflow-meeting', 'mashflow-duration']) {
      expect(await page.locator(`[data-group-id="group-${group}"]`).count(), group).toBe(1);
    }
    // The task's words as dropdowns holding the vocabulary, not free text.
    expect(await field(page, 'mashflow-outcomes-0').evaluate((select) => select.tagName)).toBe('SELECT');
    expect(await field(page, 'mashflow-outcomes-0').inputValue()).toBe('allocated-team');
    expect(await field(page, 'mashflow-notifications-0').inputValue()).toBe('allocated-worker');
    expect(await field(page, 'mashflow-outcomes-0').locator('option').count()).toBe(Object.keys(outcomeWords).length);
    expect(session.pageErrors).toEqual([]);
  });

  it('given the task, when a distribution is chosen, a bad minute value typed, then a good one, then the entry shows the error and only the good value is written', async () => {
    await field(page, 'mashflow-duration-kind').selectOption('triangular');
    await expect.poll(() => extensionsOf(taskId), poll).toContain('mashflow:Duration triangular=7.5 15 22.5');
    await expect.poll(() => field(page, 'mashflow-duration-triangular-2').inputValue(), poll).toBe('22.5');

    await typeInto('mashflow-duration-triangular-2', '-5');
    await expect.poll(() => entryError(page, 'mashflow-duration-triangular-2').textContent(), poll).toContain('cannot be negative');
    await page.waitForTimeout(500); // longer than the panel's typing pause: a write would have happened
    expect(await extensionsOf(taskId)).toContain('mashflow:Duration triangular=7.5 15 22.5');

    await typeInto('mashflow-duration-triangular-2', '10');
    // 10 is a fine number of minutes but below the mode: the distribution says so, and it is written.
    await expect.poll(() => extensionsOf(taskId), poll).toContain('mashflow:Duration triangular=7.5 15 10');
    await expect.poll(() => entryError(page, 'mashflow-duration-triangular-2').count(), poll).toBe(0);
    await expect.poll(() => entryError(page, 'mashflow-duration-kind').textContent(), poll).toContain('min <= mode <= max');
  });

  it('given the duration edit, when Ctrl+Z is pressed in the panel, then the diagram and the field go back; Ctrl+Y brings it again', async () => {
    await field(page, 'mashflow-duration-triangular-2').focus();
    await page.keyboard.press('Control+z');
    await expect.poll(() => extensionsOf(taskId), poll).toContain('mashflow:Duration triangular=7.5 15 22.5');
    await expect.poll(() => field(page, 'mashflow-duration-triangular-2').inputValue(), poll).toBe('22.5');
    await expect.poll(() => entryError(page, 'mashflow-duration-kind').count(), poll).toBe(0);
    await page.keyboard.press('Control+y');
    await expect.poll(() => field(page, 'mashflow-duration-triangular-2').inputValue(), poll).toBe('10');
    await page.keyboard.press('Control+z');
    await expect.poll(() => field(page, 'mashflow-duration-triangular-2').inputValue(), poll).toBe('22.5');
  });

  it('given the task, when an outcome word is added and a minute value typed and saved at once with Ctrl+S, then the file has both, still loads, and a reload shows them', async () => {
    const add = field(page, 'mashflow-outcomes-add');
    await add.selectOption('marac');
    await page.locator('[data-entry-id="mashflow-outcomes-add"] button.mf-word-add').click();
    await expect.poll(() => field(page, 'mashflow-outcomes-1').inputValue(), poll).toBe('marac');
    expect(await add.locator('option[value="marac"]').count()).toBe(0);

    // A word is changed with the keyboard too: the notification moves on to the next word in the list.
    await field(page, 'mashflow-notifications-0').focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => field(page, 'mashflow-notifications-0').inputValue(), poll).toBe('da-service');

    await typeInto('mashflow-duration-triangular-2', '45');
    // Straight away: the save must write the value still waiting for the typing pause.
    await page.keyboard.press('Control+s');
    await expect.poll(() => page.locator('[data-testid=status]').textContent(), poll).toContain('Saved models/derby.bpmn');
    await expect.poll(() => page.locator('[data-testid=dirty]').count(), poll).toBe(0);

    const xml = readFileSync(join(session.models, 'derby.bpmn'), 'utf8');
    const task = xml.slice(xml.indexOf(`id="${taskId}"`), xml.indexOf('</bpmn:userTask>', xml.indexOf(`id="${taskId}"`)));
    expect(task).toContain('<mashflow:duration triangular="7.5 15 45" />');
    expect(task).toContain('<mashflow:outcome word="marac" />');
    expect(task).toContain('<mashflow:notification to="da-service" />');
    const model = await parseModel(xml, 'derby.bpmn');
    const node = model.nodes.get(taskId)!;
    expect(node.outcomes).toEqual(['allocated-team', 'marac']);
    expect(node.notifications).toEqual(['da-service']);
    expect(node.simulation.duration).toEqual({ triangular: '7.5 15 45' });

    await page.reload();
    await page.locator('mf-modeler[data-model="derby"]').waitFor();
    await clickOnDiagram(taskId);
    await page.locator('mf-edit-side [data-testid=tab-properties]').click();
    await expect.poll(() => field(page, 'mashflow-duration-kind').inputValue(), poll).toBe('triangular');
    expect(await field(page, 'mashflow-duration-triangular-2').inputValue()).toBe('45');
    expect(await field(page, 'mashflow-outcomes-1').inputValue()).toBe('marac');
    await page.screenshot({ path: join(screenshots, 'editor-properties.png') });
    expect(session.pageErrors).toEqual([]);
    expect(session.offsiteRequests).toEqual([]);
  });

  it('given a lane whose hours the model states, when a count is typed and then a bad hours value, then the lane has both and the bad value is refused in the entry', async () => {
    await withModeler((modeler, id: string) => modeler.get('selection').select(modeler.get('elementRegistry').get(id)), laneId);
    await expect.poll(() => page.locator('[data-group-id="group-mashflow-staff"]').count(), poll).toBe(1);
    // Attributes in any order: the model writes hours first, the panel adds the count.
    const staffOf = async () => (await extensionsOf(laneId)).map((text) => text.split(' ').sort().join(' '));
    expect(await staffOf()).toEqual(['hours=office mashflow:Staff']);
    expect(await field(page, 'mashflow-staff-present').isChecked()).toBe(true);
    await typeInto('mashflow-staff-count', '4');
    await expect.poll(staffOf, poll).toEqual(['count=4 hours=office mashflow:Staff']);
    await typeInto('mashflow-staff-hours', 'Mon-Fri 09:00-25:00');
    await expect.poll(() => entryError(page, 'mashflow-staff-hours').count(), poll).toBe(1);
    await page.waitForTimeout(500);
    expect(await staffOf()).toEqual(['count=4 hours=office mashflow:Staff']);
    await typeInto('mashflow-staff-hours', '24/7');
    await expect.poll(staffOf, poll).toEqual(['count=4 hours=24/7 mashflow:Staff']);
    await field(page, 'mashflow-staff-present').uncheck();
    await expect.poll(() => extensionsOf(laneId), poll).toEqual([]);

    // Away to trainer mode and back: the Properties tab is still the one shown, on the same lane.
    await page.locator('[data-testid=mode-trainer]').click();
    await expect.poll(() => page.locator('mf-edit-side').count(), poll).toBe(0);
    await page.locator('[data-testid=mode-edit]').click();
    await expect.poll(() => page.locator('mf-edit-side [data-testid=tab-properties]').getAttribute('aria-selected'), poll).toBe('true');
    await expect.poll(() => field(page, 'mashflow-staff-present').isVisible(), poll).toBe(true);
    expect(session.pageErrors).toEqual([]);
  });
  it('given a task with a deadline, when its clock is set to start at an element and then back at receipt, then from= and at= are written and removed', async () => {
    const deadlineTask = 'recordAlertWithin24h';
    await withModeler((modeler, id: string) => modeler.get('selection').select(modeler.get('elementRegistry').get(id)), deadlineTask);
    await expect.poll(() => page.locator('[data-group-id="group-mashflow-deadline"]').count(), poll).toBe(1);
    const deadlineOf = async () => (await extensionsOf(deadlineTask)).find((text) => text.startsWith('mashflow:Deadline')) ?? '';
    expect(await field(page, 'mashflow-deadline-from').inputValue()).toBe('');
    expect(await deadlineOf()).not.toContain('from=');

    await field(page, 'mashflow-deadline-from').selectOption('notificationReceived');
    await expect.poll(deadlineOf, poll).toContain('from=notificationReceived');
    await expect.poll(() => field(page, 'mashflow-deadline-at').isVisible(), poll).toBe(true);
    expect(await field(page, 'mashflow-deadline-at').inputValue()).toBe('start');
    await field(page, 'mashflow-deadline-at').selectOption('end');
    await expect.poll(deadlineOf, poll).toContain('at=end');

    // Back to receipt: both attributes go, and the "when" entry with them.
    await field(page, 'mashflow-deadline-from').selectOption('');
    await expect.poll(deadlineOf, poll).not.toContain('from=');
    expect(await deadlineOf()).not.toContain('at=');
    await expect.poll(() => field(page, 'mashflow-deadline-at').count(), poll).toBe(0);
    expect(session.pageErrors).toEqual([]);
  });
});
