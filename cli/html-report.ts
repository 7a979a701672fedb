/** Reads the chart and diagram libraries from node_modules for the self-contained HTML report. */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { renderHtmlReport, type ReportLibraries, type ReportRun } from '../simulations/report-html.ts';
import type { Comparison } from '../simulations/compare.ts';
import { writeFileAtomic } from './files.ts';

const require = createRequire(import.meta.url);

/** A file inside a package whose "exports" hide it: found from the package's entry point. */
function packageFile(name: string, file: string): string {
  let folder = dirname(require.resolve(name));
  while (!existsSync(join(folder, 'package.json')) || !folder.replace(/\\/g, '/').endsWith(`node_modules/${name}`)) {
    const parent = dirname(folder);
    if (parent === folder) throw new Error(`cannot find the ${name} package folder`);
    folder = parent;
  }
  return join(folder, file);
}

export function reportLibraries(): ReportLibraries {
  const read = (specifier: string) => {
    const [scopeOrName, ...rest] = specifier.split('/');
    const name = scopeOrName!.startsWith('@') ? `${scopeOrName}/${rest.shift()}` : scopeOrName!;
    return readFileSync(packageFile(name, rest.join('/')), 'utf8');
  };
  return {
    d3: read('d3/dist/d3.min.js'),
    plot: read('@observablehq/plot/dist/plot.umd.min.js'),
    bpmnViewer: read('bpmn-js/dist/bpmn-navigated-viewer.production.min.js'),
    bpmnCss: ['diagram-js.css', 'bpmn-js.css'].map((file) => read(`bpmn-js/dist/assets/${file}`)).join('\n'),
  };
}


/** Renders and writes the report atomically (a temporary file, then a rename). */
export function writeHtmlReport(path: string, title: string, runs: readonly ReportRun[], comparisons: readonly Comparison[]): void {
  writeFileAtomic(path, renderHtmlReport({ title, runs, comparisons, libraries: reportLibraries() }));
}
