/** Shared by the lint specifications: lint a fixture, or pick one rule's issues. */
import { readFileSync } from 'node:fs';
import { lintModel, type LintIssue } from '../../../engine/lint/index.ts';

export async function lintFixture(rule: string, variant: 'valid' | 'invalid'): Promise<LintIssue[]> {
  const path = `fixtures/${rule}/${variant}.bpmn`;
  return lintModel(readFileSync(new URL(path, import.meta.url), 'utf8'), path);
}

export function issuesOf(issues: readonly LintIssue[], rule: string): LintIssue[] {
  return issues.filter((issue) => issue.rule === rule);
}

/** A minimal process around the given flow elements; no DI, so only rule-specific assertions make sense. */
export function processXml(body: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:mashflow="https://mashflow.org/schema/bpmn/1.0" id="inline" targetNamespace="https://mashflow.org/test">
  <bpmn:process id="inlineProcess" name="Inline test process" isExecutable="true">
${body}
  </bpmn:process>
</bpmn:definitions>`;
}
