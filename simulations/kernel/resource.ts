/**
 * A resource with `capacity` identical servers and a priority queue of requests (SimPy's
 * PriorityResource). A request is granted at once when a server is free, otherwise when one is
 * released, lowest priority number first and first come first served among equals. It keeps the
 * time integrals of servers in use and queue length, so utilisation and mean queue length come
 * out without storing anything per request.
 */
import type { Simulation } from './simulation.ts';
import { PriorityQueue } from './priority-queue.ts';

export type Grant<T> = (holder: T) => void;

interface Waiting<T> {
  holder: T;
  onGrant: Grant<T>;
}

export class Resource<T = unknown> {
  inUse = 0;
  private readonly waiting = new PriorityQueue<Waiting<T>>();
  private lastChange: number;
  private busyIntegral = 0;
  private queueIntegral = 0;
  private statsFrom: number;

  constructor(
    private readonly simulation: Simulation,
    readonly capacity: number,
  ) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`a resource needs a whole number of servers, at least 1 (got ${capacity})`);
    this.lastChange = simulation.now;
    this.statsFrom = simulation.now;
  }

  get queueLength(): number {
    return this.waiting.size;
  }

  /** Asks for a server; `onGrant(holder)` runs at once or when a server frees up. */
  request(priority: number, holder: T, onGrant: Grant<T>): void {
    if (this.inUse < this.capacity) {
      this.account();
      this.inUse++;
      onGrant(holder);
      return;
    }
    this.account();
    this.waiting.push(priority, { holder, onGrant });
  }

  /** Gives a server back and hands it to the first waiting request, if any. */
  release(): void {
    this.account();
    const next = this.waiting.pop();
    if (next) {
      next.onGrant(next.holder);
      return;
    }
    this.inUse--;
  }

  /** Forgets the integrals so far (end of a warm-up period). */
  resetStatistics(): void {
    this.account();
    this.busyIntegral = 0;
    this.queueIntegral = 0;
    this.statsFrom = this.simulation.now;
  }

  /** Time averages since the start or the last reset. */
  statistics(): { meanInUse: number; meanQueueLength: number; utilisation: number } {
    this.account();
    const span = this.simulation.now - this.statsFrom;
    const meanInUse = span > 0 ? this.busyIntegral / span : 0;
    return { meanInUse, meanQueueLength: span > 0 ? this.queueIntegral / span : 0, utilisation: meanInUse / this.capacity };
  }

  private account(): void {
    const now = this.simulation.now;
    const span = now - this.lastChange;
    if (span > 0) {
      this.busyIntegral += this.inUse * span;
      this.queueIntegral += this.waiting.size * span;
      this.lastChange = now;
    }
  }
}
