/**
 * The what-if panel's Web Worker: the pure simulator off the page's main thread, so the page stays
 * responsive while a year of replications runs. One request at a time does the heavy work; a cancel
 * is heard between replications (each checkpoint lets queued messages in).
 */
import { InputError } from '../../engine/problems.ts';
import type { FromWorker, ToWorker } from './protocol.ts';
import { RunCancelled, WhatIfRunner, describeScenario } from './whatif-run.ts';

const runner = new WhatIfRunner();
const cancelled = new Set<number>();

function post(message: FromWorker): void {
  self.postMessage(message);
}

/**
 * Lets the worker's queued messages run before the next replication. A MessageChannel task, not
 * setTimeout(0), which browsers clamp to 4 ms once nested.
 */
const channel = new MessageChannel();
const waiting: (() => void)[] = [];
channel.port1.onmessage = () => waiting.shift()?.();
const letMessagesIn = () =>
  new Promise<void>((resolve) => {
    waiting.push(resolve);
    channel.port2.postMessage(null);
  });

function failure(id: number, error: unknown): FromWorker {
  if (error instanceof RunCancelled) return { type: 'cancelled', id };
  if (error instanceof InputError) return { type: 'invalid', id, problems: [...error.problems] };
  return { type: 'failed', id, message: error instanceof Error ? error.message : String(error) };
}

async function handle(message: ToWorker): Promise<void> {
  switch (message.type) {
    case 'cancel':
      cancelled.add(message.id);
      return;
    case 'describe':
      try {
        post({ type: 'described', id: message.id, knobs: await describeScenario(message.request) });
      } catch (error) {
        post(failure(message.id, error));
      }
      return;
    case 'run':
      try {
        const outcome = await runner.run(message.request, {
          progress: (done, total) => post({ type: 'progress', id: message.id, done, total }),
          checkpoint: async () => {
            await letMessagesIn();
            return !cancelled.has(message.id);
          },
        });
        post({ type: 'done', id: message.id, outcome });
      } catch (error) {
        post(failure(message.id, error));
      } finally {
        cancelled.delete(message.id);
      }
      return;
  }
}

self.addEventListener('message', (event: MessageEvent<ToWorker>) => void handle(event.data));
