import { describe, expect, it } from 'vitest';
import { simulate } from '../../../simulations/simulate.ts';
import { renderHtmlReport } from '../../../simulations/report-html.ts';
import { deadlineModelXml, oneDesk } from '../fixtures/overloaded-desk.ts';

const libraries = { d3: '', plot: '', bpmnViewer: '', bpmnCss: '' };

describe('HTML report marks assumptions and flags', () => {
  it('given an overloaded run, when rendered, then a "Not findings" section lists its flags, headline cells carry † and !, and the inputs are listed with their bases', async () => {
    const report = await simulate(oneDesk(57_800));
    const html = renderHtmlReport({ title: 't', runs: [{ label: 'One desk', report, modelXml: deadlineModelXml }], comparisons: [], libraries });
    expect(html).toContain('<section class="flags" role="alert"><h2>Not findings</h2>');
    expect(html).toContain('<li data-code="staff-saturated"><b>One desk</b>: desk busy 100.0% of its working hours');
    expect(html).toMatch(/late: Served within 24 hours of receipt \(%\)<\/td><td class="num">[\d.]+ ± [\d.]+ <span class="assumed" title="rests on assumed durations.serve, staff.desk">†<\/span> <span class="flag-mark"/);
    // The volume is sourced: its cell has no mark.
    expect(html).toMatch(/incidents arrived<\/td><td class="num">\d+ ± \d+<\/td>/);
    expect(html).toContain('<tr class="basis-assumed"><td><code>staff.desk</code></td><td>assumed</td><td>test: one person</td></tr>');
    expect(html).toContain('<tr class="basis-sourced"><td><code>arrivals.perYear</code></td><td>sourced</td><td>docs/sources.md#nspcc-referrals</td></tr>');
  });

  it('given a comfortable run, when rendered, then there is no "Not findings" section', async () => {
    const report = await simulate(oneDesk(26_000));
    const html = renderHtmlReport({ title: 't', runs: [{ label: 'One desk', report, modelXml: deadlineModelXml }], comparisons: [], libraries });
    expect(html).not.toContain('Not findings');
  });
});
