/**
 * Lint for the editor: bpmnlint recommended plus mashflow's rules (lintModel, as `mashflow lint`),
 * and the loader's refusals (an unsupported element, a condition that is not FEEL over the
 * vocabulary), which would stop the model from being saved.
 */
import { lintModel } from '../../engine/lint/index.ts';
import { parseModel } from '../../engine/model.ts';
import { InputError } from '../../engine/problems.ts';
import type { LintIssueJson, LintResult } from '../../editor/api/types.ts';
import { modelLabel } from './models-api.ts';

/** Unreadable XML and moddle warnings: lintModel already reports them as its 'parse' rule. */
const reportedByLint = new Set(['xml-malformed', 'xml-warning']);

export async function lintXml(name: string, xml: string): Promise<LintResult> {
  const file = modelLabel(name);
  const issues: LintIssueJson[] = (await lintModel(xml, file)).map(({ id, rule, category, message }) => ({ id, rule, category, message }));
  try {
    await parseModel(xml, file);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    for (const problem of error.problems) {
      if (reportedByLint.has(problem.code)) continue;
      issues.push({ id: problem.path, rule: `model/${problem.code}`, category: 'error', message: `${problem.message} (the model cannot be saved until this is fixed)` });
    }
  }
  return { issues };
}
