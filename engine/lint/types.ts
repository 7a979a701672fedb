/** Types shared by the linter's runner and its rules. */
import type { ModdleElement } from 'bpmn-moddle';

export interface LintIssue {
  file: string;
  /** The element the issue is about; '' for the file as a whole. */
  id: string;
  rule: string;
  category: 'error' | 'warn';
  message: string;
}

/** bpmnlint's reporter, as a rule sees it. */
export interface Reporter {
  report(id: string, message: string, context?: string[] | Record<string, unknown>): void;
}

/** Returning false skips the node's children, as in bpmnlint. */
export type CheckFn = (node: ModdleElement, reporter: Reporter) => boolean | void;

export type Check = CheckFn | { enter: CheckFn; leave?: CheckFn } | { enter?: CheckFn; leave: CheckFn };

export interface RuleDefinition {
  check: Check;
  meta?: unknown;
}

export type RuleFactory = (config?: unknown) => RuleDefinition;

/** A bpmnlint configuration: inherited configs and rule categories. */
export interface LintConfig {
  extends?: string | string[];
  rules?: Record<string, 'error' | 'warn' | 'info' | 'off'>;
}

/** Everything one lint run needs: its config and the rules and configs its resolver can hand out. */
export interface RuleSet {
  readonly config: LintConfig;
  readonly rules: Readonly<Record<string, RuleFactory>>;
  readonly configs: Readonly<Record<string, LintConfig>>;
}
