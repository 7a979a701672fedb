import { describe, expect, it } from 'vitest';
import { lintModel } from '../../../engine/lint/index.ts';
import { issuesOf, lintFixture, processXml } from './lint-fixture.ts';

const rule = 'parallel-join-gets-every-token';

describe('lint rule parallel-join-gets-every-token: no path leaves a parallel join waiting for ever', () => {
  it('given joins fed by a parallel split (with an exclusive split and merge inside a branch) and an exclusive split closed by an exclusive merge, when linted, then there is no issue at all', async () => {
    expect(await lintFixture(rule, 'valid')).toEqual([]);
  });

  it('given an exclusive split closed by a parallel join, when linted, then the rule names the join, the choice and the flow that never gets a token', async () => {
    const issues = issuesOf(await lintFixture(rule, 'invalid'), rule);
    expect(issues).toContainEqual({
      file: 'fixtures/parallel-join-gets-every-token/invalid.bpmn',
      id: 'bothDone',
      rule,
      category: 'error',
      message:
        'parallel join "Both done" (bothDone) can wait for ever: when "High risk?" (riskGateway) takes "not high" (flow_riskGateway_to_triage), no token reaches flow_strategy_to_bothDone; close an exclusive split with an exclusive merge, or split with a parallel gateway',
    });
  });

  it('given a parallel split whose branch can end early at an exclusive gateway, when linted, then the rule names the join that branch should have reached', async () => {
    const issues = issuesOf(await lintFixture(rule, 'invalid'), rule);
    const issue = issues.find((candidate) => candidate.id === 'partnersBack');
    expect(issue?.message).toContain('when "School age child?" (schoolGateway) takes "none of school age" (flow_schoolGateway_to_noSchool), no token reaches flow_notifySchool_to_partnersBack');
  });

  it('given the invalid fixture, when linted, then only its two starved joins are reported, once each', async () => {
    const issues = issuesOf(await lintFixture(rule, 'invalid'), rule);
    expect(issues.map((issue) => issue.id).sort()).toEqual(['bothDone', 'partnersBack']);
  });

  it('given a loop back through an exclusive gateway before a parallel split and join, when linted, then the loop is no reason to report the join', async () => {
    const xml = processXml(`
    <bpmn:startEvent id="received" />
    <bpmn:exclusiveGateway id="again" />
    <bpmn:parallelGateway id="split" />
    <bpmn:task id="health" />
    <bpmn:task id="school" />
    <bpmn:parallelGateway id="join" />
    <bpmn:exclusiveGateway id="enough" default="flow_done" />
    <bpmn:endEvent id="end" />
    <bpmn:sequenceFlow id="flow_start" sourceRef="received" targetRef="again" />
    <bpmn:sequenceFlow id="flow_split" sourceRef="again" targetRef="split" />
    <bpmn:sequenceFlow id="flow_health" sourceRef="split" targetRef="health" />
    <bpmn:sequenceFlow id="flow_school" sourceRef="split" targetRef="school" />
    <bpmn:sequenceFlow id="flow_health_join" sourceRef="health" targetRef="join" />
    <bpmn:sequenceFlow id="flow_school_join" sourceRef="school" targetRef="join" />
    <bpmn:sequenceFlow id="flow_check" sourceRef="join" targetRef="enough" />
    <bpmn:sequenceFlow id="flow_loop" sourceRef="enough" targetRef="again">
      <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">=furtherInformationNeeded</bpmn:conditionExpression>
    </bpmn:sequenceFlow>
    <bpmn:sequenceFlow id="flow_done" sourceRef="enough" targetRef="end" />`);
    expect(issuesOf(await lintModel(xml, 'inline.bpmn'), rule)).toEqual([]);
  });
});
