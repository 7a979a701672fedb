/** Messages between the what-if panel and its simulation worker. Types only. */
import type { Problem } from '../../engine/problems.ts';
import type { ScenarioKnobs } from './knobs.ts';
import type { DescribeRequest, WhatIfOutcome, WhatIfRequest } from './whatif-run.ts';

export type ToWorker =
  | { type: 'describe'; id: number; request: DescribeRequest }
  | { type: 'run'; id: number; request: WhatIfRequest }
  | { type: 'cancel'; id: number };

export type FromWorker =
  | { type: 'described'; id: number; knobs: ScenarioKnobs }
  | { type: 'progress'; id: number; done: number; total: number }
  | { type: 'done'; id: number; outcome: WhatIfOutcome }
  | { type: 'cancelled'; id: number }
  /** The scenario or model is wrong (a knob out of range, a lane the diagram lost): the simulator's problems. */
  | { type: 'invalid'; id: number; problems: Problem[] }
  /** Anything else: a bug, reported with its message. */
  | { type: 'failed'; id: number; message: string };
