/** mashflow's own lint rules, by the names issues report. */
import type { RuleFactory } from '../types.ts';
import gatewayDefaultOrExhaustive from './gateway-default-or-exhaustive.ts';
import lanesCoverNodes from './lanes-cover-nodes.ts';
import parallelJoinGetsEveryToken from './parallel-join-gets-every-token.ts';
import taskCitesSeed from './task-cites-seed.ts';
import vocabularyWords from './vocabulary-words.ts';

export const projectRules: Readonly<Record<string, RuleFactory>> = {
  'task-cites-seed': taskCitesSeed,
  'gateway-default-or-exhaustive': gatewayDefaultOrExhaustive,
  'vocabulary-words': vocabularyWords,
  'lanes-cover-nodes': lanesCoverNodes,
  'parallel-join-gets-every-token': parallelJoinGetsEveryToken,
};
