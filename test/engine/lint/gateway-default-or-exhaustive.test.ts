import { describe, expect, it } from 'vitest';
import { lintModel } from '../../../engine/lint/index.ts';
import { issuesOf, lintFixture, processXml } from './lint-fixture.ts';

const rule = 'gateway-default-or-exhaustive';

describe('lint rule gateway-default-or-exhaustive: a forking exclusive gateway always has a way out', () => {
  it('given gateways whose conditions cover every vocabulary value, or that have a default flow, when linted, then there is no issue at all', async () => {
    expect(await lintFixture(rule, 'valid')).toEqual([]);
  });

  it('given a gateway without a default whose conditions miss a value, when linted, then the rule names the value no flow takes', async () => {
    const issues = issuesOf(await lintFixture(rule, 'invalid'), rule);
    expect(issues).toContainEqual(
      expect.objectContaining({
        id: 'gapGateway',
        category: 'error',
        message: 'gateway "Which risk level?" (gapGateway): no flow is taken when dashRisk = "none"; add a default flow or a condition for it',
      }),
    );
  });

  it('given a gateway without a default whose conditions read a name with no fixed values, when linted, then the rule asks for a default flow', async () => {
    const issues = issuesOf(await lintFixture(rule, 'invalid'), rule);
    const issue = issues.find((candidate) => candidate.id === 'countGateway');
    expect(issue?.message).toContain('its conditions read childCount, which has no fixed set of values');
    expect(issue?.message).toContain('add a default flow');
  });

  it('given a forking gateway with a flow that has no condition and is not the default, when linted, then the rule reports that flow', async () => {
    const issues = issuesOf(await lintFixture(rule, 'invalid'), rule);
    const issue = issues.find((candidate) => candidate.id === 'flow_pregnancyGateway_to_looseEnd');
    expect(issue?.message).toContain('flow flow_pregnancyGateway_to_looseEnd has no condition and is not the default of gateway "Victim pregnant?" (pregnancyGateway)');
  });

  it('given the invalid fixture, when linted, then the gateway with a default is not itself reported', async () => {
    const issues = issuesOf(await lintFixture(rule, 'invalid'), rule);
    expect(issues.map((issue) => issue.id)).toEqual(['countGateway', 'flow_pregnancyGateway_to_looseEnd', 'gapGateway']);
  });

  it('given conditions over several names, when no flow is taken, then the message names the whole combination', async () => {
    const xml = processXml(`
    <bpmn:exclusiveGateway id="careGateway" name="Who to tell?" />
    <bpmn:endEvent id="youngChildEnd" name="Young child" />
    <bpmn:endEvent id="pregnantEnd" name="Pregnant" />
    <bpmn:sequenceFlow id="flow_young" name="young child" sourceRef="careGateway" targetRef="youngChildEnd">
      <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">=childUnderFive</bpmn:conditionExpression>
    </bpmn:sequenceFlow>
    <bpmn:sequenceFlow id="flow_pregnant" name="pregnant" sourceRef="careGateway" targetRef="pregnantEnd">
      <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">=pregnant and childUnderFive = false</bpmn:conditionExpression>
    </bpmn:sequenceFlow>`);
    const issues = issuesOf(await lintModel(xml, 'inline.bpmn'), rule);
    expect(issues).toEqual([
      expect.objectContaining({
        id: 'careGateway',
        message: expect.stringContaining('no flow is taken when childUnderFive = false and pregnant = false'),
      }),
    ]);
  });
});
