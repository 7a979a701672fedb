/**
 * Imports BPMN files into the real bpmn-js Modeler in headless Debian Chromium and reports the
 * import warnings, optionally with a screenshot of the whole diagram. Used by the browser test
 * and by `npm run screenshot`.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser } from 'playwright-core';
import { mashflowDescriptor } from '../../engine/moddle/descriptor.ts';

const require = createRequire(import.meta.url);

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const chromiumFlags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface ImportReport {
  warnings: string[];
  elementCount: number;
}

export async function withChromium<T>(work: (browser: Browser) => Promise<T>): Promise<T> {
  // launch() gives every browser a fresh, temporary profile of its own.
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumFlags });
  try {
    return await work(browser);
  } finally {
    await browser.close();
  }
}

function modelerPage(): string {
  const bundle = readFileSync(require.resolve('bpmn-js/dist/bpmn-modeler.production.min.js'), 'utf8');
  const css = ['diagram-js.css', 'bpmn-js.css', 'bpmn-font/css/bpmn.css']
    .map((file) => readFileSync(require.resolve(`bpmn-js/dist/assets/${file}`), 'utf8'))
    .join('\n');
  return `<!doctype html><html><head><meta charset="utf-8"><style>${css}
    html, body, #canvas { margin: 0; width: 100%; height: 100%; background: white; }</style></head>
    <body><div id="canvas"></div><script>${bundle}</script></body></html>`;
}

/**
 * Imports the file with the mashflow descriptor registered (as the editor does) or without it
 * (as Camunda Modeler does), and returns the warnings bpmn-js reports.
 */
export async function importIntoBpmnJs(
  browser: Browser,
  file: string,
  options: { withDescriptor: boolean; screenshot?: string },
): Promise<ImportReport> {
  const xml = readFileSync(file, 'utf8');
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  try {
    await page.setContent(modelerPage());
    const result = await page.evaluate(
      async ({ xml, descriptor }) => {
        const BpmnJS = (window as unknown as { BpmnJS: new (options: object) => any }).BpmnJS;
        const modeler = new BpmnJS({
          container: '#canvas',
          moddleExtensions: descriptor ? { mashflow: descriptor } : {},
        });
        (window as unknown as { modeler: unknown }).modeler = modeler;
        try {
          const { warnings } = await modeler.importXML(xml);
          const registry = modeler.get('elementRegistry');
          modeler.get('canvas').zoom('fit-viewport');
          return {
            warnings: warnings.map((warning: { message: string }) => warning.message),
            elementCount: registry.getAll().length,
          };
        } catch (error) {
          return { warnings: [`import failed: ${(error as Error).message}`], elementCount: 0 };
        }
      },
      { xml, descriptor: options.withDescriptor ? mashflowDescriptor : null },
    );
    if (options.screenshot) {
      const size = await page.evaluate(() => {
        const canvas = (window as unknown as { modeler: any }).modeler.get('canvas');
        const box = canvas.viewbox().inner;
        return { width: Math.ceil(box.width) + 40, height: Math.ceil(box.height) + 40 };
      });
      await page.setViewportSize({ width: Math.min(size.width, 6000), height: Math.min(size.height, 4000) });
      await page.evaluate(() => {
        const canvas = (window as unknown as { modeler: any }).modeler.get('canvas');
        canvas.zoom(1);
        const box = canvas.viewbox().inner;
        canvas.viewbox({ x: box.x - 20, y: box.y - 20, width: box.width + 40, height: box.height + 40 });
      });
      await page.screenshot({ path: options.screenshot, fullPage: false });
    }
    return result;
  } finally {
    await page.close();
  }
}
