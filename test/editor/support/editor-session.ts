/**
 * One browser session on the editor for an end-to-end test file: the editor built once per vitest
 * run (shared by every e2e file), the editor server over a temporary copy of models/, and a page
 * in Debian's Chromium at 1280×800 that records page errors and any request leaving the server.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { build, createLogger, type Logger } from 'vite';
import { startEditorServer, type EditorServer } from '../../../cli/server/server.ts';
import { chromiumPath, withChromium } from '../../../tools/browser/bpmn-js-import.ts';

export const root = fileURLToPath(new URL('../../../', import.meta.url));
export const repoModels = join(root, 'models');
export const screenshots = join(root, 'out', 'screenshots');
export const hasChromium = existsSync(chromiumPath);
export const bundledModelNames = readdirSync(repoModels)
  .filter((file) => file.endsWith('.bpmn'))
  .map((file) => file.slice(0, -'.bpmn'.length))
  .sort();
/** playwright-core has no web-first assertions; vitest's expect.poll retries until the page catches up. */
export const poll = { timeout: 15_000, interval: 50 };

export interface BuiltEditor {
  /** The folder `mashflow serve` serves: index.html and assets/. */
  out: string;
  /** What the build logged as a warning or an error (vite.config.ts's logLevel is 'warn'). */
  warnings: string[];
}

/** vite's logger at level 'warn', also keeping what it is asked to print at that level or above. */
function recordingLogger(warnings: string[]): Logger {
  const logger = createLogger('warn');
  for (const level of ['warn', 'warnOnce', 'error'] as const) {
    const print = logger[level];
    logger[level] = (message, options) => {
      warnings.push(stripVTControlCharacters(message));
      print(message, options);
    };
  }
  return logger;
}

/**
 * The built editor for this vitest run, built as `npm run editor:build` builds it (vite.config.ts)
 * into another folder. test/editor/support/global-setup.ts names a folder in MASHFLOW_E2E_BUILD;
 * the first test file to get here builds into it (a mkdir lock), the others wait for its `done`
 * marker. Outside vitest's global set-up each file builds its own.
 */
export async function builtEditor(): Promise<BuiltEditor> {
  const shared = process.env.MASHFLOW_E2E_BUILD;
  const folder = shared ?? mkdtempSync(join(tmpdir(), 'mashflow-editor-build-'));
  const done = join(folder, 'done');
  const out = join(folder, 'editor');
  const failed = join(folder, 'failed');
  const warningsFile = join(folder, 'warnings.json');
  let mine = true;
  try {
    mkdirSync(join(folder, 'lock'), { recursive: false });
  } catch {
    mine = false;
  }
  if (mine) {
    const started = performance.now();
    const warnings: string[] = [];
    try {
      await build({ configFile: join(root, 'vite.config.ts'), customLogger: recordingLogger(warnings), build: { outDir: out, emptyOutDir: true } });
    } catch (error) {
      // The other files stop waiting at once instead of after 3 minutes.
      writeFileSync(failed, error instanceof Error ? error.message : String(error));
      throw error;
    }
    writeFileSync(warningsFile, JSON.stringify(warnings));
    writeFileSync(done, '');
    console.log(`editor e2e: vite build ${Math.round(performance.now() - started)} ms`);
  } else {
    const deadline = Date.now() + 180_000;
    while (!existsSync(done)) {
      if (existsSync(failed)) throw new Error(`editor e2e: the shared build failed: ${readFileSync(failed, 'utf8')}`);
      if (Date.now() > deadline) throw new Error(`editor e2e: the shared build in ${folder} did not finish in 3 minutes`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  return { out, warnings: JSON.parse(readFileSync(warningsFile, 'utf8')) as string[] };
}

export interface EditorSession {
  browser: Browser;
  page: Page;
  server: EditorServer;
  /** The temporary models folder the server reads and writes. */
  models: string;
  pageErrors: string[];
  offsiteRequests: string[];
  /** Clicks a model in the list and waits until its diagram is shown; the milliseconds it took. */
  openModel(name: string): Promise<number>;
  /** Runs `work` in the page with the editor's bpmn-js Modeler (edits go through its API, as a plug-in's would). */
  withModeler<T, A>(work: (modeler: any, argument: A) => T, argument: A): Promise<T>;
  close(): Promise<void>;
}

export async function startEditorSession(): Promise<EditorSession> {
  const work = mkdtempSync(join(tmpdir(), 'mashflow-editor-e2e-'));
  const models = join(work, 'models');
  cpSync(repoModels, models, { recursive: true, filter: (source) => !source.startsWith(join(repoModels, '.backup')) });
  const staticRoot = (await builtEditor()).out;
  const server = await startEditorServer({ modelsRoot: models, staticRoot, port: 0 });
  mkdirSync(screenshots, { recursive: true });
  let release: () => void = () => {};
  let closed: Promise<void> = Promise.resolve();
  const browser = await new Promise<Browser>((resolve, reject) => {
    closed = withChromium(
      (launched) =>
        new Promise<void>((done) => {
          release = done;
          resolve(launched);
        }),
    ).catch(reject);
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const pageErrors: string[] = [];
  const offsiteRequests: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('request', (request) => {
    if (!request.url().startsWith(server.url) && !request.url().startsWith('data:') && !request.url().startsWith('blob:')) offsiteRequests.push(request.url());
  });
  await page.goto(server.url);
  return {
    browser,
    page,
    server,
    models,
    pageErrors,
    offsiteRequests,
    async openModel(name) {
      const started = performance.now();
      await page.locator(`mf-model-list button[data-model="${name}"]`).click();
      await page.locator(`mf-modeler[data-model="${name}"]`).waitFor({ timeout: 30_000 });
      return performance.now() - started;
    },
    withModeler(work, argument) {
      return page.evaluate(
        ([source, value]) => {
          const modeler = (document.querySelector('mf-modeler') as unknown as { modeler: unknown }).modeler;
          // The function arrives as text: playwright serialises arguments, not closures.
          return new Function('modeler', 'argument', `return (${source})(modeler, argument)`)(modeler, value);
        },
        [work.toString(), argument] as const,
      ) as Promise<any>;
    },
    async close() {
      release();
      await closed;
      await server.close();
      rmSync(work, { recursive: true, force: true });
    },
  };
}
