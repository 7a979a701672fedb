/**
 * mashflow's model linter: bpmnlint's `recommended` rules plus the project's own, over one model's
 * XML text. Pure (no file-system access), so the editor can bundle it for the browser.
 */
import recommended from 'bpmnlint/config/recommended.js';
import { bpmnlintRules } from './bpmnlint-rules.ts';
import { projectRules } from './rules/index.ts';
import { runLint } from './runner.ts';
import type { LintIssue, RuleSet } from './types.ts';

export type { LintIssue } from './types.ts';

/** The rule set `lintModel` runs: recommended at its own categories, every project rule an error. */
export const mashflowRuleSet: RuleSet = {
  config: {
    extends: 'bpmnlint:recommended',
    rules: Object.fromEntries(Object.keys(projectRules).map((name) => [name, 'error'])) as Record<string, 'error'>,
  },
  rules: { ...bpmnlintRules, ...projectRules },
  configs: { recommended },
};

/** Lints one model; issues sorted by file, element id, then rule. A parse failure is one 'parse' issue. */
export async function lintModel(xml: string, file: string): Promise<LintIssue[]> {
  return runLint(xml, file, mashflowRuleSet);
}
