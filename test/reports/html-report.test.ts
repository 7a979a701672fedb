/**
 * The HTML report in a real browser (Debian's Chromium via playwright-core): it opens from a file
 * with no network, the charts and the shaded diagram render, and no script fails.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { prepare, report, runReplication, type SimulationInput } from '../../simulations/simulate.ts';
import { compareResults } from '../../simulations/compare.ts';
import { writeHtmlReport } from '../../cli/html-report.ts';
import { chromiumPath, withChromium } from '../../tools/browser/bpmn-js-import.ts';
import { checkReport } from '../../tools/browser/report-check.ts';

function input(file: string): SimulationInput {
  return { scenarioText: readFileSync(file, 'utf8'), scenarioFile: file, modelXml: readFileSync('models/derby.bpmn', 'utf8'), modelFile: 'models/derby.bpmn', overrides: { replications: 3 } };
}

describe.runIf(existsSync(chromiumPath))('HTML report', () => {
  it('given a comparison written to disk, opens offline in Chromium with its charts and the shaded diagram', async () => {
    const baselinePlan = await prepare(input('models/scenarios/derby-baseline.yaml'));
    const dailyPlan = await prepare({ ...input('models/scenarios/derby-daily-triage.yaml'), overrides: { replications: 3, seed: baselinePlan.scenario.seed } });
    const baseline = [0, 1, 2].map((replication) => runReplication(baselinePlan, replication));
    const daily = [0, 1, 2].map((replication) => runReplication(dailyPlan, replication));
    mkdirSync('out/test', { recursive: true });
    const file = 'out/test/report.html';
    writeHtmlReport(
      file,
      'Derby: what if triage were daily?',
      [
        { label: 'twice weekly', report: report(baselinePlan, baseline), modelXml: readFileSync('models/derby.bpmn', 'utf8') },
        { label: 'daily', report: report(dailyPlan, daily), modelXml: readFileSync('models/derby.bpmn', 'utf8') },
      ],
      [compareResults('twice weekly', 'daily', baseline, daily)],
    );
    const html = readFileSync(file, 'utf8');
    expect(html).toContain('daily cuts the median time to decision');

    const check = await withChromium((browser) => checkReport(browser, file, 'out/test/report.png'));
    expect(check.pageErrors).toEqual([]);
    expect(check.requests).toEqual([]);
    expect(check.rendered).toBe('true');
    expect(check.charts).toBeGreaterThanOrEqual(5);
    expect(check.diagrams).toBe(2);
    expect(check.shadedTasks).toBeGreaterThan(0);
    expect(check.waitBadges).toBeGreaterThan(0);
  }, 120_000);
});
