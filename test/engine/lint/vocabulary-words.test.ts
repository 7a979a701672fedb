import { describe, expect, it } from 'vitest';
import { lintModel } from '../../../engine/lint/index.ts';
import { issuesOf, lintFixture, processXml } from './lint-fixture.ts';

const rule = 'vocabulary-words';

describe('lint rule vocabulary-words: a model reports vocabulary words and routes on vocabulary names', () => {
  it('given outcome and notification words and conditions from the vocabulary, when linted, then there is no issue at all', async () => {
    expect(await lintFixture(rule, 'valid')).toEqual([]);
  });

  it('given an outcome word outside the vocabulary, when linted, then the rule reports the element and lists the allowed outcomes', async () => {
    const issues = issuesOf(await lintFixture(rule, 'invalid'), rule);
    expect(issues).toContainEqual(
      expect.objectContaining({
        id: 'recordOutcome',
        category: 'error',
        message: expect.stringMatching(/outcome "closed-down" is not a vocabulary word; use one of: nfa, signpost, .*returned-to-police$/),
      }),
    );
  });

  it('given a notification word outside the vocabulary beside a valid one, when linted, then only the unknown word is reported, with the allowed words', async () => {
    const issues = issuesOf(await lintFixture(rule, 'invalid'), rule).filter((issue) => issue.message.includes('notification'));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ id: 'recordOutcome' });
    expect(issues[0]?.message).toMatch(/notification "neighbour" is not a vocabulary word; use one of: health, education, .*\bgp\b.*police$/);
  });

  it('given an unknown outcome on an end event, when linted, then the rule reports it too', async () => {
    const issues = issuesOf(await lintFixture(rule, 'invalid'), rule);
    expect(issues.find((issue) => issue.id === 'otherEnd')?.message).toContain('outcome "done" is not a vocabulary word');
  });

  it('given conditions comparing with a value the variable never takes or reading an unknown name, when linted, then the rule reports each flow', async () => {
    const issues = issuesOf(await lintFixture(rule, 'invalid'), rule);
    expect(issues.find((issue) => issue.id === 'flow_riskGateway_to_severeEnd')?.message).toBe(
      'dashRisk is compared with "severe", which it never takes; allowed: "standard", "medium", "high", "none"',
    );
    expect(issues.find((issue) => issue.id === 'flow_riskGateway_to_scoreEnd')?.message).toContain('"riskScore" is not in the case vocabulary');
  });

  it('given a condition in another language or not written as FEEL, when linted, then the rule reports each flow', async () => {
    const xml = processXml(`
    <bpmn:exclusiveGateway id="decide" name="Decide" />
    <bpmn:endEvent id="first" name="First" />
    <bpmn:endEvent id="second" name="Second" />
    <bpmn:sequenceFlow id="flow_script" name="script" sourceRef="decide" targetRef="first">
      <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" language="javascript">next(null, true)</bpmn:conditionExpression>
    </bpmn:sequenceFlow>
    <bpmn:sequenceFlow id="flow_not_feel" name="not feel" sourceRef="decide" targetRef="second">
      <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">dashRisk = "high"</bpmn:conditionExpression>
    </bpmn:sequenceFlow>`);
    const issues = issuesOf(await lintModel(xml, 'inline.bpmn'), rule);
    expect(issues.map((issue) => issue.id)).toEqual(['flow_not_feel', 'flow_script']);
    expect(issues[0]?.message).toContain('is not FEEL: write it as =<expression>');
    expect(issues[1]?.message).toContain('condition language "javascript" is refused');
  });
});
