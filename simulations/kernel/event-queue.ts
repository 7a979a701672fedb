/**
 * The future-event list: a binary min-heap ordered by time, then by scheduling order. The
 * sequence number is the deterministic tie-break, so equal-time events fire in the order they
 * were scheduled on every run and every machine.
 */

export type Handler<T> = (payload: T) => void;

interface Entry {
  time: number;
  seq: number;
  handler: Handler<any>;
  payload: unknown;
}

export class EventQueue {
  private heap: Entry[] = [];
  private nextSeq = 0;
  // Recycled entries: a long run schedules millions of events and should not churn the GC.
  private spare: Entry[] = [];

  get size(): number {
    return this.heap.length;
  }

  push<T>(time: number, handler: Handler<T>, payload: T): void {
    const entry = this.spare.pop() ?? { time: 0, seq: 0, handler, payload };
    entry.time = time;
    entry.seq = this.nextSeq++;
    entry.handler = handler;
    entry.payload = payload;
    const heap = this.heap;
    let index = heap.length;
    heap.push(entry);
    while (index > 0) {
      const parentIndex = (index - 1) >> 1;
      const parent = heap[parentIndex]!;
      if (parent.time < time || (parent.time === time && parent.seq < entry.seq)) break;
      heap[index] = parent;
      index = parentIndex;
    }
    heap[index] = entry;
  }

  /** Time of the next event, or Infinity when none is scheduled. */
  peekTime(): number {
    return this.heap.length > 0 ? this.heap[0]!.time : Infinity;
  }

  /** Removes the next event and fires it. The caller has set the clock to its time. */
  fireNext(): void {
    const heap = this.heap;
    const top = heap[0]!;
    const last = heap.pop()!;
    if (heap.length > 0) {
      // Sift the last entry down from the root.
      let index = 0;
      const length = heap.length;
      for (;;) {
        const left = 2 * index + 1;
        if (left >= length) break;
        const right = left + 1;
        let child = left;
        let childEntry = heap[left]!;
        if (right < length) {
          const rightEntry = heap[right]!;
          if (rightEntry.time < childEntry.time || (rightEntry.time === childEntry.time && rightEntry.seq < childEntry.seq)) {
            child = right;
            childEntry = rightEntry;
          }
        }
        if (last.time < childEntry.time || (last.time === childEntry.time && last.seq < childEntry.seq)) break;
        heap[index] = childEntry;
        index = child;
      }
      heap[index] = last;
    }
    const { handler, payload } = top;
    top.payload = undefined;
    this.spare.push(top);
    handler(payload);
  }
}
