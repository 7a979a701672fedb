/**
 * The future-event list: a binary min-heap ordered by time, then by scheduling order. The
 * sequence number is the deterministic tie-break, so equal-time events fire in the order they
 * were scheduled on every run and every machine.
 *
 * Times and sequence numbers live in typed arrays beside the handlers and payloads: sifting
 * compares contiguous numbers instead of chasing a pointer per entry, which is where a long run
 * spends its time.
 */

export type Handler<T> = (payload: T) => void;

export class EventQueue {
  private times = new Float64Array(1024);
  private seqs = new Float64Array(1024);
  private handlers: (Handler<any> | undefined)[] = [];
  private payloads: unknown[] = [];
  private length = 0;
  private nextSeq = 0;

  get size(): number {
    return this.length;
  }

  push<T>(time: number, handler: Handler<T>, payload: T): void {
    if (this.length === this.times.length) this.grow();
    const times = this.times;
    const seqs = this.seqs;
    const handlers = this.handlers;
    const payloads = this.payloads;
    const seq = this.nextSeq++;
    let index = this.length++;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      const parentTime = times[parent]!;
      if (parentTime < time || (parentTime === time && seqs[parent]! < seq)) break;
      times[index] = parentTime;
      seqs[index] = seqs[parent]!;
      handlers[index] = handlers[parent];
      payloads[index] = payloads[parent];
      index = parent;
    }
    times[index] = time;
    seqs[index] = seq;
    handlers[index] = handler;
    payloads[index] = payload;
  }

  /** Time of the next event, or Infinity when none is scheduled. */
  peekTime(): number {
    return this.length > 0 ? this.times[0]! : Infinity;
  }

  /** Removes the next event and fires it. The caller has set the clock to its time. */
  fireNext(): void {
    const times = this.times;
    const seqs = this.seqs;
    const handlers = this.handlers;
    const payloads = this.payloads;
    const handler = handlers[0]!;
    const payload = payloads[0];
    const length = --this.length;
    if (length > 0) {
      // Sift the last entry down from the root.
      const time = times[length]!;
      const seq = seqs[length]!;
      const lastHandler = handlers[length];
      const lastPayload = payloads[length];
      let index = 0;
      for (;;) {
        let child = 2 * index + 1;
        if (child >= length) break;
        let childTime = times[child]!;
        const right = child + 1;
        if (right < length) {
          const rightTime = times[right]!;
          if (rightTime < childTime || (rightTime === childTime && seqs[right]! < seqs[child]!)) {
            child = right;
            childTime = rightTime;
          }
        }
        if (time < childTime || (time === childTime && seq < seqs[child]!)) break;
        times[index] = childTime;
        seqs[index] = seqs[child]!;
        handlers[index] = handlers[child];
        payloads[index] = payloads[child];
        index = child;
      }
      times[index] = time;
      seqs[index] = seq;
      handlers[index] = lastHandler;
      payloads[index] = lastPayload;
    }
    // Let go of the vacated slot, so a fired payload can be collected.
    handlers[length] = undefined;
    payloads[length] = undefined;
    handler(payload);
  }

  private grow(): void {
    const times = new Float64Array(this.times.length * 2);
    times.set(this.times);
    const seqs = new Float64Array(this.seqs.length * 2);
    seqs.set(this.seqs);
    this.times = times;
    this.seqs = seqs;
  }
}
