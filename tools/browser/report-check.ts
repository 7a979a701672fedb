/**
 * Opens an HTML report from disk in headless Chromium, offline, and says what rendered: chart
 * SVGs, diagrams, shaded tasks, errors. Used by the report test and `npm run screenshot`.
 */
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';

export interface ReportCheck {
  rendered: string | undefined;
  charts: number;
  diagrams: number;
  shadedTasks: number;
  waitBadges: number;
  pageErrors: string[];
  requests: string[];
}

export async function checkReport(browser: Browser, file: string, screenshot?: string): Promise<ReportCheck> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const pageErrors: string[] = [];
  const requests: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('request', (request) => {
    if (!request.url().startsWith('file:') && !request.url().startsWith('data:')) requests.push(request.url());
  });
  await page.goto(pathToFileURL(file).href);
  await page.waitForFunction(() => document.body.dataset.rendered !== undefined, undefined, { timeout: 30_000 });
  const result = await page.evaluate(() => ({
    rendered: document.body.dataset.rendered,
    charts: document.querySelectorAll('.chart svg, .chart figure').length,
    diagrams: document.querySelectorAll('.diagram .djs-container').length,
    shadedTasks: document.querySelectorAll('[class*="wait-"] .djs-visual > rect').length,
    waitBadges: document.querySelectorAll('.wait-badge').length,
  }));
  if (screenshot) await page.screenshot({ path: screenshot, fullPage: true });
  await page.close();
  return { ...result, pageErrors, requests };
}
