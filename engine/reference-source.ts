/**
 * The source context bpmn-engine runs a model from, built once per model.
 *
 * bpmn-elements 17 eliminates dead paths by sending a "discard" down every untaken flow, and an
 * exclusive merge re-runs the wave for each message on any inbound flow: ~145,000 broker messages
 * for one Derby case against ~10,800 without discards. mashflow's models need no discards: the
 * loader accepts only exclusive and parallel gateways, and lint refuses a parallel join reached
 * from an exclusive split (the only place a discard changes an answer: it would let such a join
 * complete, where the simulator's join rightly waits for ever). So the sequence flow's `discard`
 * does nothing, passed in through bpmn-engine's public `elements` option.
 *
 * Upstream made the same change (bpmn-elements 18 "No more discard", bpmn-engine 26 "Elements
 * 18"); when the registry has them, drop this file, upgrade both and run `npm run conformance`
 * (every route of every model through both executors) as the guard.
 */
import * as Elements from 'bpmn-elements';
import serializer, { TypeResolver, type SerializableContext } from 'moddle-context-serializer';
import type { Model } from './model.ts';

type SequenceFlowConstructor = new (...args: any[]) => { discard(content?: unknown): void };
const BaseSequenceFlow = Elements.SequenceFlow as unknown as SequenceFlowConstructor;

/** A sequence flow that takes tokens and never propagates a discard. */
export class SequenceFlowWithoutDiscard extends BaseSequenceFlow {
  override discard(): void {
    // Intentionally nothing: no dead-path wave (see the file comment).
  }
}

/** The element kinds bpmn-engine builds: bpmn-elements' own, with the flow above. */
export const referenceElements = { ...Elements, SequenceFlow: SequenceFlowWithoutDiscard } as unknown as Record<string, unknown>;

const resolveTypes = TypeResolver(referenceElements as never);
const contexts = new WeakMap<Model, SerializableContext>();

/** The model's serialized context, made on first use and shared by every run of the model. */
export function referenceSource(model: Model): SerializableContext {
  let context = contexts.get(model);
  if (!context) {
    context = serializer(model.moddleContext as never, resolveTypes);
    contexts.set(model, context);
  }
  return context;
}
