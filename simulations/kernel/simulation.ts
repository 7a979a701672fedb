/**
 * The simulation clock and its event loop, nothing domain-specific (SimPy's Environment, with
 * callbacks instead of generators because a callback per event is several times faster in V8).
 * Time is a plain number; the domain layer uses epoch milliseconds.
 */
import { EventQueue, type Handler } from './event-queue.ts';

export class Simulation {
  now: number;
  private readonly queue = new EventQueue();
  private stopped = false;

  constructor(startTime = 0) {
    this.now = startTime;
  }

  /** Schedules `handler(payload)` at an absolute time, never in the past. */
  at<T>(time: number, handler: Handler<T>, payload: T): void {
    this.queue.push(time < this.now ? this.now : time, handler, payload);
  }

  /** Schedules `handler(payload)` after a delay. */
  after<T>(delay: number, handler: Handler<T>, payload: T): void {
    this.queue.push(this.now + (delay > 0 ? delay : 0), handler, payload);
  }

  get pending(): number {
    return this.queue.size;
  }

  /** Stops the run after the current event (for a domain guard such as an unstable system). */
  stop(): void {
    this.stopped = true;
  }

  /** Fires events in time order until the queue is empty, `until` is passed, or stop() is called. */
  run(until = Infinity): void {
    this.stopped = false;
    const queue = this.queue;
    while (!this.stopped) {
      const time = queue.peekTime();
      if (time > until || time === Infinity) break;
      this.now = time;
      queue.fireNext();
    }
    if (!this.stopped && until !== Infinity && this.now < until) this.now = until;
  }
}
