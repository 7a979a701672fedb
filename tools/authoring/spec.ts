/**
 * A compact description of a laned process, used only to write a model's first version with a
 * readable layout. Once written, the .bpmn file is the source of truth: edit it in a modeler.
 */

export type NodeKind = 'start' | 'end' | 'task' | 'userTask' | 'manualTask' | 'sendTask' | 'xor' | 'and';

export interface LaneSpec {
  id: string;
  name: string;
  /** How many rows of shapes the lane holds (default 1). */
  rows?: number;
}

export interface NodeSpec {
  id: string;
  kind: NodeKind;
  name: string;
  lane: string;
  col: number;
  row?: number;
  /** Seed citation and, where the seed is silent, "assumed: …". Required on tasks. */
  doc?: string;
  outcomes?: string[];
  notify?: string[];
  deadline?: { name: string; within: string; clock: 'elapsed' | 'working-days' };
  meeting?: { name: string; days: string; time: string };
}

export interface FlowSpec {
  from: string;
  to: string;
  name?: string;
  /** FEEL, without the leading "=". */
  when?: string;
  default?: boolean;
  /** Route a flow that cannot go straight round the shapes, above or below them. */
  via?: 'above' | 'below';
}

export interface ModelSpec {
  definitionsId: string;
  participantName: string;
  processId: string;
  processName: string;
  documentation: string;
  lanes: LaneSpec[];
  nodes: NodeSpec[];
  flows: FlowSpec[];
}
