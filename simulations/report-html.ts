/**
 * A self-contained HTML report: opens offline from a file, no server. The chart library
 * (Observable Plot on d3) and the bpmn-js viewer are inlined by the caller, which reads them from
 * node_modules; this module only assembles text, so it stays pure and testable.
 */
import type { SimulationReport } from './report.ts';
import type { Comparison } from './compare.ts';
import { assumedInputs } from './basis.ts';
import { flagsOn } from './flags.ts';

export interface ReportRun {
  label: string;
  report: SimulationReport;
  modelXml: string;
}

export interface ReportLibraries {
  d3: string;
  plot: string;
  bpmnViewer: string;
  bpmnCss: string;
}

export interface HtmlReportInput {
  title: string;
  runs: readonly ReportRun[];
  comparisons: readonly Comparison[];
  libraries: ReportLibraries;
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** Inline script text must not close its own tag. */
const inlineScript = (code: string) => code.replace(/<\/(script)/gi, '<\\/$1');
const inlineJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

function pm(estimate: { mean: number; halfWidth: number }, digits = 1, scale = 1): string {
  return `${(estimate.mean * scale).toFixed(digits)} ± ${(estimate.halfWidth * scale).toFixed(digits)}`;
}

/** A figure's marks: † rests on assumed inputs (named in the tooltip), ! flagged as implausible. */
function marks(restsOn: readonly string[], flagged: boolean): string {
  const assumed = restsOn.length > 0 ? ` <span class="assumed" title="rests on assumed ${escapeHtml(restsOn.join(', '))}">†</span>` : '';
  return `${assumed}${flagged ? ' <span class="flag-mark" title="flagged as implausible: see Not findings">!</span>' : ''}`;
}

/** A report figure: its value and marks, from the report's basis and flags. */
function cellFor(report: SimulationReport, path: string, figureKey: string, value: string): string {
  return `${value}${marks(report.basis.restsOn[path] ?? [], flagsOn(report.flags, figureKey).length > 0)}`;
}

function flagsSection(runs: readonly ReportRun[]): string {
  const items = runs.flatMap((run) => run.report.flags.map((flag) => `<li data-code="${flag.code}"><b>${escapeHtml(run.label)}</b>: ${escapeHtml(flag.message)}</li>`));
  if (items.length === 0) return '';
  return `<section class="flags" role="alert"><h2>Not findings</h2><p class="note">These results are implausible: they say more about the assumed staffing and minutes, or a gap in the model, than about the procedure. Figures they affect are marked <span class="flag-mark">!</span>.</p><ul>${items.join('')}</ul></section>`;
}

function basisSection(runs: readonly ReportRun[]): string {
  const blocks = runs.map((run) => {
    const assumed = assumedInputs(run.report.basis);
    const rows = run.report.basis.inputs
      .map((input) => `<tr class="basis-${input.kind}"><td><code>${escapeHtml(input.key)}</code></td><td>${input.kind}</td><td>${escapeHtml(input.text)}</td></tr>`)
      .join('\n');
    return `<details><summary>${escapeHtml(run.label)}: ${assumed.length} assumed input${assumed.length === 1 ? '' : 's'}, ${run.report.basis.inputs.length - run.report.basis.inputs.filter((input) => input.kind === 'assumed').length} sourced</summary>
<p class="note"><span class="assumed">†</span> rests on assumed staffing/durations: ${assumed.map((key) => `<code>${escapeHtml(key)}</code>`).join(', ') || 'none'}</p>
<table class="basis"><tr><th>input</th><th>basis</th><th>source, or why assumed</th></tr>${rows}</table></details>`;
  });
  return `<h2>What the figures rest on</h2><p class="note">Each input the simulation used, with its basis: <b>sourced</b> (a cited public figure or seed passage) or <b>assumed</b> (the scenario's stated reason). Figures marked <span class="assumed">†</span> rest on assumed inputs.</p>${blocks.join('\n')}`;
}

function headlineTable(runs: readonly ReportRun[]): string {
  const rows: [string, (report: SimulationReport) => string][] = [
    ['incidents arrived', (r) => cellFor(r, 'arrivals', 'arrivals', pm(r.results.arrivals, 0))],
    ['median time to decision (hours)', (r) => cellFor(r, 'timeToDecisionHours', 'timeToDecisionHours.p50', pm(r.results.timeToDecisionHours.p50))],
    ['90th percentile (hours)', (r) => cellFor(r, 'timeToDecisionHours', 'timeToDecisionHours.p90', pm(r.results.timeToDecisionHours.p90))],
    ['mean incidents open', (r) => cellFor(r, 'inSystem', 'inSystem.mean', pm(r.results.inSystem.mean))],
    ['open at the end', (r) => cellFor(r, 'inSystemAtEnd', 'inSystemAtEnd', pm(r.results.inSystemAtEnd, 0))],
  ];
  const deadlineNames = [...new Set(runs.flatMap((run) => Object.keys(run.report.results.deadlines)))];
  for (const name of deadlineNames) {
    rows.push([
      `late: ${name} (%)`,
      (r) => (r.results.deadlines[name] ? cellFor(r, `deadlines.${name}`, `deadlines.${name}.breachRate`, pm(r.results.deadlines[name]!.breachRate, 1, 100)) : '—'),
    ]);
  }
  const head = `<tr><th>figure (mean ± 95% CI half-width)</th>${runs.map((run) => `<th>${escapeHtml(run.label)}</th>`).join('')}</tr>`;
  const body = rows.map(([label, cell]) => `<tr><td>${escapeHtml(label)}</td>${runs.map((run) => `<td class="num">${cell(run.report)}</td>`).join('')}</tr>`).join('\n');
  return `<table class="headline">${head}\n${body}</table>
<p class="note"><span class="assumed">†</span> rests on assumed staffing/durations (hover for the inputs; listed under <i>What the figures rest on</i>); unmarked figures rest on sourced inputs only.</p>`;
}

function comparisonSection(comparison: Comparison): string {
  const rows = comparison.figures
    .map(
      (figure) =>
        `<tr class="${figure.significant ? 'significant' : ''}${figure.flagged.length > 0 ? ' flagged' : ''}"><td>${escapeHtml(figure.label)}${marks(figure.restsOn, figure.flagged.length > 0)}</td><td class="num">${figure.baseline.mean.toFixed(1)}</td><td class="num">${figure.alternative.mean.toFixed(1)}</td><td class="num">${figure.difference.mean.toFixed(1)} [${figure.difference.low.toFixed(1)}, ${figure.difference.high.toFixed(1)}]</td></tr>`,
    )
    .join('\n');
  return `<section class="comparison"><h3>${escapeHtml(comparison.alternative)} <span class="vs">against</span> ${escapeHtml(comparison.baseline)}</h3>
<ul class="summary">${comparison.summary.map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ul>
${comparison.flags.length > 0 ? `<ul class="flags">${comparison.flags.map((flag) => `<li>${escapeHtml(flag.title)}: ${escapeHtml(flag.message)} (not a finding)</li>`).join('')}</ul>` : ''}
<details><summary>every figure (${comparison.replications} paired replications; bold: the 95% interval of the change excludes 0)</summary>
<table><tr><th>figure</th><th>baseline</th><th>alternative</th><th>change [95% CI]</th></tr>${rows}</table></details></section>`;
}

export function renderHtmlReport(input: HtmlReportInput): string {
  const data = input.runs.map((run) => ({
    label: run.label,
    results: run.report.results,
    daily: run.report.daily,
    period: run.report.period,
    modelXml: run.modelXml,
  }));
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(input.title)}</title>
<style>${input.libraries.bpmnCss}
body { font: 15px/1.45 system-ui, sans-serif; margin: 0 auto; max-width: 1200px; padding: 1rem 2rem; color: #1d2733; }
h1 { font-size: 1.6rem; } h2 { margin-top: 2.2rem; border-bottom: 1px solid #ccd; } h3 { font-size: 1.1rem; }
table { border-collapse: collapse; margin: .5rem 0; } td, th { padding: .25rem .6rem; border-bottom: 1px solid #e3e6ea; text-align: left; vertical-align: top; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.significant td { font-weight: 600; } .vs { font-weight: 400; color: #667; }
.assumed { color: #8a5a00; cursor: help; } .flag-mark { color: #b00020; font-weight: 700; cursor: help; } tr.flagged td { color: #8a8f98; }
section.flags { border: 2px solid #b00020; background: #fff4f4; padding: .2rem 1rem .6rem; margin: 1rem 0; } section.flags h2 { border: none; color: #b00020; margin-top: .6rem; }
ul.flags li { color: #b00020; } table.basis td { font-size: .9rem; } table.basis tr.basis-assumed td:nth-child(2) { color: #8a5a00; }
ul.summary li { margin: .3rem 0; } .chart { margin: 1rem 0 2rem; } .note { color: #556; font-size: .9rem; }
.diagram { height: 520px; border: 1px solid #ccd; margin: .5rem 0 1.5rem; }
.wait-badge { background: #7f2704; color: white; font-size: 11px; padding: 1px 4px; border-radius: 3px; white-space: nowrap; }
.wait-1 .djs-visual > rect { fill: #fee6ce !important; } .wait-2 .djs-visual > rect { fill: #fdae6b !important; }
.wait-3 .djs-visual > rect { fill: #f16913 !important; } .wait-4 .djs-visual > rect { fill: #d94801 !important; }
</style></head>
<body>
<h1>${escapeHtml(input.title)}</h1>
<p class="note">Simulated with mashflow. Every figure is a mean across replications with the half-width of its 95% confidence interval; comparisons use common random numbers (the same incidents in every scenario) and paired intervals.</p>
${flagsSection(input.runs)}
${input.comparisons.length > 0 ? `<h2>What changes</h2>${input.comparisons.map(comparisonSection).join('\n')}` : ''}
<h2>Headline figures</h2>
${headlineTable(input.runs)}
<h2>Deadlines missed</h2><div class="chart" id="chart-breaches"></div>
<h2>Time to decision</h2><div class="chart" id="chart-decision"></div>
<h2>Incidents open over the year</h2><div class="chart" id="chart-open"></div>
<h2>Meeting load</h2><div class="chart" id="chart-meetings"></div>
<h2>Staff utilisation</h2><div class="chart" id="chart-staff"></div>
<h2>Where incidents wait</h2>
<p class="note">Each task shaded by the mean time an incident waited before work on it started (for staff, for opening hours, or for the next meeting sitting).</p>
${input.runs.map((run, index) => `<h3>${escapeHtml(run.label)}</h3><div class="diagram" id="diagram-${index}"></div>`).join('\n')}
${basisSection(input.runs)}
<script type="application/json" id="report-data">${inlineJson(data)}</script>
<script>${inlineScript(input.libraries.d3)}</script>
<script>${inlineScript(input.libraries.plot)}</script>
<script>${inlineScript(input.libraries.bpmnViewer)}</script>
<script>${inlineScript(reportScript)}</script>
</body></html>
`;
}

/** Runs in the page: draws the charts and the shaded diagrams from the embedded data. */
const reportScript = `
(async () => {
  const runs = JSON.parse(document.getElementById('report-data').textContent);
  const width = Math.min(1100, document.body.clientWidth - 40);
  const put = (id, node) => document.getElementById(id).append(node);
  // Room on the left for the longest label (about 6.5 px a character at Plot's 10 px font).
  const margin = (labels) => Math.min(520, 20 + 6.5 * Math.max(0, ...labels.map((label) => label.length)));

  const breaches = runs.flatMap((run) => Object.entries(run.results.deadlines).map(([deadline, d]) => ({
    scenario: run.label, deadline, rate: d.breachRate.mean * 100, low: Math.max(0, d.breachRate.low * 100), high: d.breachRate.high * 100 })));
  const breachLabel = (d) => d.deadline + ' — ' + d.scenario;
  put('chart-breaches', Plot.plot({ width, marginLeft: margin(breaches.map(breachLabel)), height: 60 + breaches.length * 28, x: { label: 'late (%)', grid: true },
    y: { label: null }, color: { legend: true },
    marks: [Plot.barX(breaches, { y: (d) => d.deadline + ' — ' + d.scenario, x: 'rate', fill: 'scenario' }),
            Plot.ruleY(breaches, { y: (d) => d.deadline + ' — ' + d.scenario, x1: 'low', x2: 'high', stroke: 'black' }), Plot.ruleX([0])] }));

  const decision = runs.flatMap((run) => run.results.timeToDecisionShares.map((share, bin) => ({
    scenario: run.label, hours: bin * 12, share: share * 100 })));
  put('chart-decision', Plot.plot({ width, height: 320, x: { label: 'hours from receipt to decision (12-hour bins; last: longer)' },
    y: { label: 'share of incidents (%)', grid: true }, color: { legend: true },
    marks: [Plot.lineY(decision, { x: 'hours', y: 'share', stroke: 'scenario', curve: 'step-after' }), Plot.ruleY([0])] }));

  const open = runs.flatMap((run) => run.daily.inSystem.map((count, day) => ({ scenario: run.label, day, count })));
  put('chart-open', Plot.plot({ width, height: 300, x: { label: 'day of the measured period' }, y: { label: 'incidents open at noon (mean)', grid: true },
    color: { legend: true }, marks: [Plot.lineY(open, { x: 'day', y: 'count', stroke: 'scenario' }), Plot.ruleY([0])] }));

  const meetings = runs.flatMap((run) => Object.values(run.results.meetings).map((m) => ({
    scenario: run.label, meeting: m.name, items: m.meanItems.mean, max: m.maxItems.mean, carried: m.meanCarriedOver.mean })));
  put('chart-meetings', meetings.length === 0 ? Object.assign(document.createElement('p'), { textContent: 'No meetings in these models.' }) :
    Plot.plot({ width, marginLeft: margin(meetings.map((d) => d.meeting + ' — ' + d.scenario)), height: 60 + meetings.length * 30, x: { label: 'items per sitting (bar: mean; tick: mean of the maximum)', grid: true },
      y: { label: null }, color: { legend: true },
      marks: [Plot.barX(meetings, { y: (d) => d.meeting + ' — ' + d.scenario, x: 'items', fill: 'scenario' }),
              Plot.tickX(meetings, { y: (d) => d.meeting + ' — ' + d.scenario, x: 'max' }), Plot.ruleX([0])] }));

  const staff = runs.flatMap((run) => Object.entries(run.results.pools).map(([lane, p]) => ({
    scenario: run.label, lane, use: p.utilisation.mean * 100, low: Math.max(0, p.utilisation.low * 100), high: p.utilisation.high * 100 })));
  put('chart-staff', Plot.plot({ width, marginLeft: margin(staff.map((d) => d.lane + ' — ' + d.scenario)), height: 60 + staff.length * 24, x: { label: 'utilisation of working hours (%)', grid: true, domain: [0, 100] },
    y: { label: null }, color: { legend: true },
    marks: [Plot.barX(staff, { y: (d) => d.lane + ' — ' + d.scenario, x: 'use', fill: 'scenario' }),
            Plot.ruleY(staff, { y: (d) => d.lane + ' — ' + d.scenario, x1: 'low', x2: 'high', stroke: 'black' })] }));

  for (const [index, run] of runs.entries()) {
    const viewer = new BpmnJS({ container: '#diagram-' + index });
    try {
      await viewer.importXML(run.modelXml);
    } catch (error) {
      document.getElementById('diagram-' + index).textContent = 'The diagram could not be shown: ' + error.message;
      continue;
    }
    viewer.get('canvas').zoom('fit-viewport');
    const waits = Object.entries(run.results.waitByTask);
    const longest = Math.max(1, ...waits.map(([, wait]) => wait.mean));
    for (const [id, wait] of waits) {
      if (wait.mean <= 0.01) continue;
      const level = 1 + Math.min(3, Math.floor((wait.mean / longest) * 4));
      viewer.get('canvas').addMarker(id, 'wait-' + level);
      viewer.get('overlays').add(id, { position: { bottom: 4, right: 4 }, html: '<div class="wait-badge">' + wait.mean.toFixed(1) + ' h</div>' });
    }
  }
  document.body.dataset.rendered = 'true';
})().catch((error) => { document.body.dataset.rendered = 'error'; document.body.append('Report script failed: ' + error.message); });
`;
