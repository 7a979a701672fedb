import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lintModel, mashflowRuleSet } from '../../../engine/lint/index.ts';
import { runLint } from '../../../engine/lint/runner.ts';
import type { RuleSet } from '../../../engine/lint/types.ts';
import { issuesOf, lintFixture, processXml } from './lint-fixture.ts';

const derby = readFileSync(new URL('../../../models/derby.bpmn', import.meta.url), 'utf8');
const uncited = readFileSync(new URL('./fixtures/task-cites-seed/invalid.bpmn', import.meta.url), 'utf8');

/** The mashflow rule set plus one extra rule at the given category. */
function withRule(name: string, category: 'error' | 'warn', factory: RuleSet['rules'][string]): RuleSet {
  return {
    config: { ...mashflowRuleSet.config, rules: { ...mashflowRuleSet.config.rules, [name]: category } },
    rules: { ...mashflowRuleSet.rules, [name]: factory },
    configs: mashflowRuleSet.configs,
  };
}

describe('lintModel: bpmnlint recommended plus the mashflow rules over one model', () => {
  it('given the Derby model, when linted, then there is no issue', async () => {
    expect(await lintModel(derby, 'models/derby.bpmn')).toEqual([]);
  });

  it('given a model with issues, when linted, then every issue names the file and they are sorted by id, then rule, then message', async () => {
    const issues = await lintFixture('gateway-default-or-exhaustive', 'invalid');
    expect(issues.length).toBeGreaterThan(1);
    expect(new Set(issues.map((issue) => issue.file))).toEqual(new Set(['fixtures/gateway-default-or-exhaustive/invalid.bpmn']));
    const key = (issue: (typeof issues)[number]) => [issue.id, issue.rule, issue.message];
    const sorted = [...issues].sort((a, b) => (key(a).join('\u0000') < key(b).join('\u0000') ? -1 : 1));
    expect(issues).toEqual(sorted);
  });

  it('given a recommended rule set to warn, when it reports, then the issue is a warning', async () => {
    const xml = processXml(`
    <bpmn:startEvent id="received" name="Received"><bpmn:outgoing>flow_a</bpmn:outgoing></bpmn:startEvent>
    <bpmn:exclusiveGateway id="passThrough" name="Pass through"><bpmn:incoming>flow_a</bpmn:incoming><bpmn:outgoing>flow_b</bpmn:outgoing></bpmn:exclusiveGateway>
    <bpmn:endEvent id="done" name="Done"><bpmn:incoming>flow_b</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="flow_a" sourceRef="received" targetRef="passThrough" />
    <bpmn:sequenceFlow id="flow_b" sourceRef="passThrough" targetRef="done" />`);
    const issues = issuesOf(await lintModel(xml, 'inline.bpmn'), 'superfluous-gateway');
    expect(issues).toEqual([expect.objectContaining({ id: 'passThrough', category: 'warn' })]);
  });

  it('given a rule that throws, when linted, then the crash is one error issue and the other rules still report', async () => {
    const ruleSet = withRule('explodes', 'warn', () => ({
      check(node) {
        if (node.$type === 'bpmn:Process') throw new Error('cannot read the process');
      },
    }));
    const issues = await runLint(uncited, 'uncited.bpmn', ruleSet);
    expect(issuesOf(issues, 'explodes')).toEqual([
      { file: 'uncited.bpmn', id: 'uncitedTasks', rule: 'explodes', category: 'error', message: 'rule crashed: cannot read the process' },
    ]);
    expect(issuesOf(issues, 'task-cites-seed').map((issue) => issue.id)).toEqual(['checkDetails', 'sendReply']);
  });

  it('given a rule that throws on every element, when linted, then its crash is reported once', async () => {
    const issues = await runLint(uncited, 'uncited.bpmn', withRule('always-explodes', 'error', () => ({ check: () => { throw new Error('boom'); } })));
    expect(issuesOf(issues, 'always-explodes')).toHaveLength(1);
  });

  it('given a rule whose factory throws, when linted, then the crash is reported and the other rules still run', async () => {
    const issues = await runLint(uncited, 'uncited.bpmn', withRule('broken-factory', 'error', () => { throw new Error('no config'); }));
    expect(issuesOf(issues, 'broken-factory')).toEqual([expect.objectContaining({ category: 'error', message: 'rule crashed: no config' })]);
    expect(issuesOf(issues, 'task-cites-seed')).toHaveLength(2);
  });

  it('given malformed XML, when linted, then there is exactly one parse issue for the file', async () => {
    const issues = await lintModel('<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"><bpmn:process id="p">', 'broken.bpmn');
    expect(issues).toEqual([
      { file: 'broken.bpmn', id: '', rule: 'parse', category: 'error', message: expect.stringContaining('not a readable BPMN 2.0 file (') },
    ]);
  });

  it('given XML that is not BPMN, when linted, then there is exactly one parse issue', async () => {
    const issues = await lintModel('<?xml version="1.0"?><note>not a model</note>', 'note.xml');
    expect(issues).toEqual([expect.objectContaining({ id: '', rule: 'parse', category: 'error' })]);
  });

  it('given a flow that points at a missing element, when linted, then the dangling reference is a parse error on the flow', async () => {
    const xml = processXml(`
    <bpmn:startEvent id="received" name="Received" />
    <bpmn:sequenceFlow id="flow_to_nowhere" sourceRef="received" targetRef="nowhere" />`);
    const issues = issuesOf(await lintModel(xml, 'inline.bpmn'), 'parse');
    expect(issues).toEqual([expect.objectContaining({ id: 'flow_to_nowhere', category: 'error', message: expect.stringContaining('unresolved reference <nowhere>') })]);
  });
});
