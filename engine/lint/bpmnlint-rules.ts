/**
 * bpmnlint's rules used by its `recommended` config, imported statically: a browser bundle has no
 * node resolver to find them by name at lint time.
 */
import adHocSubProcess from 'bpmnlint/rules/ad-hoc-sub-process.js';
import conditionalFlows from 'bpmnlint/rules/conditional-flows.js';
import endEventRequired from 'bpmnlint/rules/end-event-required.js';
import eventBasedGateway from 'bpmnlint/rules/event-based-gateway.js';
import eventSubProcessTypedStartEvent from 'bpmnlint/rules/event-sub-process-typed-start-event.js';
import fakeJoin from 'bpmnlint/rules/fake-join.js';
import global from 'bpmnlint/rules/global.js';
import labelRequired from 'bpmnlint/rules/label-required.js';
import linkEvent from 'bpmnlint/rules/link-event.js';
import noBpmndi from 'bpmnlint/rules/no-bpmndi.js';
import noComplexGateway from 'bpmnlint/rules/no-complex-gateway.js';
import noDisconnected from 'bpmnlint/rules/no-disconnected.js';
import noDuplicateSequenceFlows from 'bpmnlint/rules/no-duplicate-sequence-flows.js';
import noGatewayJoinFork from 'bpmnlint/rules/no-gateway-join-fork.js';
import noImplicitSplit from 'bpmnlint/rules/no-implicit-split.js';
import noImplicitEnd from 'bpmnlint/rules/no-implicit-end.js';
import noImplicitStart from 'bpmnlint/rules/no-implicit-start.js';
import noInclusiveGateway from 'bpmnlint/rules/no-inclusive-gateway.js';
import noOverlappingElements from 'bpmnlint/rules/no-overlapping-elements.js';
import singleBlankStartEvent from 'bpmnlint/rules/single-blank-start-event.js';
import singleEventDefinition from 'bpmnlint/rules/single-event-definition.js';
import startEventRequired from 'bpmnlint/rules/start-event-required.js';
import subProcessBlankStartEvent from 'bpmnlint/rules/sub-process-blank-start-event.js';
import superfluousGateway from 'bpmnlint/rules/superfluous-gateway.js';
import superfluousLabel from 'bpmnlint/rules/superfluous-label.js';
import superfluousTermination from 'bpmnlint/rules/superfluous-termination.js';
import type { RuleFactory } from './types.ts';

export const bpmnlintRules: Readonly<Record<string, RuleFactory>> = {
  'ad-hoc-sub-process': adHocSubProcess as RuleFactory,
  'conditional-flows': conditionalFlows as RuleFactory,
  'end-event-required': endEventRequired as RuleFactory,
  'event-based-gateway': eventBasedGateway as RuleFactory,
  'event-sub-process-typed-start-event': eventSubProcessTypedStartEvent as RuleFactory,
  'fake-join': fakeJoin as RuleFactory,
  'global': global as RuleFactory,
  'label-required': labelRequired as RuleFactory,
  'link-event': linkEvent as RuleFactory,
  'no-bpmndi': noBpmndi as RuleFactory,
  'no-complex-gateway': noComplexGateway as RuleFactory,
  'no-disconnected': noDisconnected as RuleFactory,
  'no-duplicate-sequence-flows': noDuplicateSequenceFlows as RuleFactory,
  'no-gateway-join-fork': noGatewayJoinFork as RuleFactory,
  'no-implicit-split': noImplicitSplit as RuleFactory,
  'no-implicit-end': noImplicitEnd as RuleFactory,
  'no-implicit-start': noImplicitStart as RuleFactory,
  'no-inclusive-gateway': noInclusiveGateway as RuleFactory,
  'no-overlapping-elements': noOverlappingElements as RuleFactory,
  'single-blank-start-event': singleBlankStartEvent as RuleFactory,
  'single-event-definition': singleEventDefinition as RuleFactory,
  'start-event-required': startEventRequired as RuleFactory,
  'sub-process-blank-start-event': subProcessBlankStartEvent as RuleFactory,
  'superfluous-gateway': superfluousGateway as RuleFactory,
  'superfluous-label': superfluousLabel as RuleFactory,
  'superfluous-termination': superfluousTermination as RuleFactory,
};
