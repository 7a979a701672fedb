/**
 * `npm run traceability`: checks each docs/traceability/<model>.yaml against models/<model>.bpmn
 * and writes the Markdown beside it. Prints the counts by status, now and before the last review.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { parse } from 'yaml';
import { writeFileAtomic } from '../../cli/files.ts';
import { parseModel } from '../../engine/model.ts';
import { formatProblem } from '../../engine/problems.ts';
import { checkTraceability, renderTraceability, statusCounts, traceabilitySchema } from '../../engine/traceability.ts';

let failed = false;
for (const file of readdirSync('docs/traceability').filter((name) => name.endsWith('.yaml')).sort()) {
  const path = `docs/traceability/${file}`;
  const matrix = traceabilitySchema.parse(parse(readFileSync(path, 'utf8')));
  const model = await parseModel(readFileSync(`models/${matrix.model}.bpmn`, 'utf8'), `models/${matrix.model}.bpmn`);
  const problems = checkTraceability(matrix, model, path);
  for (const problem of problems) console.error(formatProblem(problem));
  failed ||= problems.length > 0;
  writeFileAtomic(path.replace(/\.yaml$/, '.md'), renderTraceability(matrix));
  const { now, before } = statusCounts(matrix);
  console.log(`${matrix.model}: ${matrix.statements.length} statements; now ${JSON.stringify(now)}; before ${JSON.stringify(before)}`);
}
process.exitCode = failed ? 1 : 0;
