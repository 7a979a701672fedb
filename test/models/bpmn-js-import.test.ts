import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium } from 'playwright-core';
import { chromiumPath, importIntoBpmnJs } from '../../tools/browser/bpmn-js-import.ts';

const modelsDir = fileURLToPath(new URL('../../models/', import.meta.url));
const models = readdirSync(modelsDir).filter((file) => file.endsWith('.bpmn'));

describe('bundled models in bpmn-js (headless Chromium)', () => {
  let browser: Browser;

  beforeAll(async () => {
    if (!existsSync(chromiumPath)) {
      throw new Error(`Chromium not found at ${chromiumPath}: install it (apt-get install -y chromium) or set CHROMIUM_PATH`);
    }
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('given the models folder, then it holds at least one model', () => {
    expect(models.length).toBeGreaterThan(0);
  });

  for (const model of models) {
    it(`given ${model}, when imported with the mashflow extension (as the editor does), then bpmn-js reports no warnings`, async () => {
      const report = await importIntoBpmnJs(browser, `${modelsDir}${model}`, { withDescriptor: true });
      expect(report.warnings).toEqual([]);
      expect(report.elementCount).toBeGreaterThan(10);
    });

    it(`given ${model}, when imported without it (as Camunda Modeler does), then bpmn-js reports no warnings`, async () => {
      const report = await importIntoBpmnJs(browser, `${modelsDir}${model}`, { withDescriptor: false });
      expect(report.warnings).toEqual([]);
    });
  }
});
