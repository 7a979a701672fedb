// bpmnlint 11 and bpmnlint-utils ship no declarations for the modules mashflow imports; these are
// the parts the linter uses. The rule factories are typed loosely: bpmnlint hands them moddle trees.

declare module 'bpmnlint/lib/linter.js' {
  interface BpmnlintReport {
    id?: string;
    message: string;
    category: string;
    [key: string]: unknown;
  }
  interface BpmnlintRule {
    check: unknown;
    meta?: unknown;
  }
  interface BpmnlintConfig {
    extends?: string | string[];
    rules?: Record<string, unknown>;
  }
  interface BpmnlintOptions {
    config?: BpmnlintConfig;
    resolver: {
      resolveRule(pkg: string, ruleName: string): unknown;
      resolveConfig(pkg: string, configName: string): unknown;
    };
    transformRule?: (rule: BpmnlintRule, options: { pkg: string; ruleName: string }) => BpmnlintRule;
  }
  class Linter {
    constructor(options: BpmnlintOptions);
    lint(moddleRoot: unknown, config?: BpmnlintConfig): Promise<Record<string, BpmnlintReport[]>>;
  }
  export default Linter;
}

declare module 'bpmnlint/config/*.js' {
  const config: { rules: Record<string, 'error' | 'warn' | 'info' | 'off'> };
  export default config;
}

declare module 'bpmnlint/rules/*.js' {
  const factory: (config?: unknown) => { check: unknown; meta?: unknown };
  export default factory;
}

declare module 'bpmnlint-utils' {
  export function is(node: unknown, type: string): boolean;
  export function isAny(node: unknown, types: readonly string[]): boolean;
}
