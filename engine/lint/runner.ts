/**
 * Runs a rule set over one model with bpmnlint's Linter. Pure: the caller passes the XML text, and
 * rules come from a static table (no node resolver), so the same code runs in a browser bundle.
 */
import type { ModdleElement } from 'bpmn-moddle';
import Linter from 'bpmnlint/lib/linter.js';
import { createModdle } from '../model.ts';
import type { Check, CheckFn, LintIssue, RuleDefinition, RuleFactory, RuleSet } from './types.ts';

/** Marks a report made by the crash guard, so its category becomes 'error' whatever the rule's. */
const crashMarker = 'mashflowRuleCrashed';

export async function runLint(xml: string, file: string, ruleSet: RuleSet): Promise<LintIssue[]> {
  let root: ModdleElement;
  const issues: LintIssue[] = [];
  try {
    const parsed = await createModdle().fromXML(xml, 'bpmn:Definitions');
    root = parsed.rootElement;
    // bpmn-engine never finishes an instance with a dangling reference or an unknown element, and
    // the rules would silently miss it (a lane's missing flowNodeRef, say): report it here.
    for (const warning of parsed.warnings) {
      issues.push({
        file,
        id: warning.element?.id ?? '',
        rule: 'parse',
        category: 'error',
        message: `${firstLine(warning.message)}; fix or remove it (bpmn-engine would never finish an instance)`,
      });
    }
  } catch (error) {
    return [
      {
        file,
        id: '',
        rule: 'parse',
        category: 'error',
        message: `not a readable BPMN 2.0 file (${firstLine(errorMessage(error))}); open it in a modeler and save it again`,
      },
    ];
  }

  const linter = new Linter({
    config: ruleSet.config,
    resolver: {
      // Project rules sit beside bpmnlint's under the 'bpmnlint' package so their names stay plain.
      resolveRule: (pkg, ruleName) => (pkg === 'bpmnlint' ? guardFactory(own(ruleSet.rules, ruleName)) : undefined),
      resolveConfig: (pkg, configName) => (pkg === 'bpmnlint' ? own(ruleSet.configs, configName) : undefined),
    },
    transformRule: (rule) => guardRule(rule as RuleDefinition),
  });

  const results = await linter.lint(root);
  for (const [rule, reports] of Object.entries(results)) {
    for (const report of reports) {
      // 'rule-error' is bpmnlint's own catch, e.g. a rule without a check.
      const crashed = report[crashMarker] === true || report.category === 'rule-error';
      issues.push({
        file,
        id: report.id ?? '',
        rule,
        category: crashed || report.category === 'error' ? 'error' : 'warn',
        message: report.category === 'rule-error' ? `rule crashed: ${report.message}` : report.message,
      });
    }
  }
  return issues.sort(compareIssues);
}

function own<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

/** A factory that throws yields a rule reporting the crash once, instead of failing the whole run. */
function guardFactory(factory: RuleFactory | undefined): RuleFactory | undefined {
  if (!factory) return undefined;
  return (config) => {
    try {
      return factory(config);
    } catch (error) {
      return {
        check: () => {
          throw error;
        },
      };
    }
  };
}

/**
 * Wraps a rule's check so a throw becomes one 'rule crashed' report on the node it failed at, and
 * the rule then stays quiet for the rest of the tree while the other rules carry on.
 */
function guardRule(rule: RuleDefinition): RuleDefinition {
  let crashed = false;
  const guard =
    (fn: CheckFn): CheckFn =>
    (node, reporter) => {
      if (crashed) return undefined;
      try {
        return fn(node, reporter);
      } catch (error) {
        crashed = true;
        reporter.report(node?.id ?? '', `rule crashed: ${errorMessage(error)}`, { [crashMarker]: true });
        return undefined;
      }
    };
  const check: Check = rule.check;
  if (typeof check === 'function') return { ...rule, check: guard(check) };
  if (check && typeof check === 'object') {
    const guarded: { enter?: CheckFn; leave?: CheckFn } = {};
    if (check.enter) guarded.enter = guard(check.enter);
    if (check.leave) guarded.leave = guard(check.leave);
    return { ...rule, check: guarded as Check };
  }
  return rule;
}

function compareIssues(a: LintIssue, b: LintIssue): number {
  // Plain code-unit order: stable across locales, unlike localeCompare.
  for (const key of ['file', 'id', 'rule', 'message'] as const) {
    if (a[key] < b[key]) return -1;
    if (a[key] > b[key]) return 1;
  }
  return 0;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? text;
}
