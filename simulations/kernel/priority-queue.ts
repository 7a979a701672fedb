/** A min-heap of items by numeric priority, first-in first-out among equal priorities. */
export class PriorityQueue<T> {
  private priorities: number[] = [];
  private seqs: number[] = [];
  private items: T[] = [];
  private nextSeq = 0;

  get size(): number {
    return this.items.length;
  }

  push(priority: number, item: T): void {
    const seq = this.nextSeq++;
    let index = this.items.length;
    this.priorities.push(priority);
    this.seqs.push(seq);
    this.items.push(item);
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (!this.before(priority, seq, parent)) break;
      this.move(parent, index);
      index = parent;
    }
    this.set(index, priority, seq, item);
  }

  peek(): T | undefined {
    return this.items[0];
  }

  pop(): T | undefined {
    const length = this.items.length;
    if (length === 0) return undefined;
    const top = this.items[0]!;
    const priority = this.priorities.pop()!;
    const seq = this.seqs.pop()!;
    const item = this.items.pop()!;
    if (length > 1) {
      let index = 0;
      const size = length - 1;
      for (;;) {
        const left = 2 * index + 1;
        if (left >= size) break;
        const right = left + 1;
        const child = right < size && this.before(this.priorities[right]!, this.seqs[right]!, left) ? right : left;
        if (!this.before(this.priorities[child]!, this.seqs[child]!, -1, priority, seq)) break;
        this.move(child, index);
        index = child;
      }
      this.set(index, priority, seq, item);
    }
    return top;
  }

  /** Whether (priority, seq) comes before the entry at `index` (or before the given pair). */
  private before(priority: number, seq: number, index: number, otherPriority?: number, otherSeq?: number): boolean {
    const p = index >= 0 ? this.priorities[index]! : otherPriority!;
    const s = index >= 0 ? this.seqs[index]! : otherSeq!;
    return priority < p || (priority === p && seq < s);
  }

  private move(from: number, to: number): void {
    this.priorities[to] = this.priorities[from]!;
    this.seqs[to] = this.seqs[from]!;
    this.items[to] = this.items[from]!;
  }

  private set(index: number, priority: number, seq: number, item: T): void {
    this.priorities[index] = priority;
    this.seqs[index] = seq;
    this.items[index] = item;
  }
}
