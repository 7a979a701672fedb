/**
 * The panel's text fields write after the user pauses typing (one undo step per pause, not per
 * key). The editor's Ctrl+S is caught before the field sees the key, so a save would miss the
 * last characters typed; this replaces the panel's `debounceInput` service with one that can
 * write every pending edit at once, which the save calls first.
 */

/** How long typing must pause before the field writes to the diagram. */
const pauseMs = 300;

export interface Debounced<A extends unknown[]> {
  (...args: A): void;
  flush(): void;
  cancel(): void;
}

export class PendingEdits {
  /** didi reads constructor parameters as service names unless told: this needs none. */
  static $inject: string[] = [];

  private readonly pending = new Set<() => void>();

  constructor(private readonly delayMs = pauseMs) {}

  /** The panel's debounce: a function that runs `fn` once calls stop for the delay. */
  readonly debounce = <A extends unknown[]>(fn: (...args: A) => unknown): Debounced<A> => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let lastArgs: A | undefined;
    const run = () => {
      clearTimeout(timer);
      timer = undefined;
      this.pending.delete(run);
      const args = lastArgs;
      lastArgs = undefined;
      if (args) fn(...args);
    };
    const debounced = ((...args: A) => {
      lastArgs = args;
      clearTimeout(timer);
      timer = setTimeout(run, this.delayMs);
      this.pending.add(run);
    }) as Debounced<A>;
    debounced.flush = run;
    debounced.cancel = () => {
      clearTimeout(timer);
      timer = undefined;
      lastArgs = undefined;
      this.pending.delete(run);
    };
    return debounced;
  };

  /** Writes every edit still waiting for its pause. */
  flush(): void {
    for (const run of [...this.pending]) run();
  }

  get size(): number {
    return this.pending.size;
  }
}

/** The didi module: `debounceInput` (what the panel's entries use) and `pendingPropertyEdits`. */
export const pendingEditsModule = {
  pendingPropertyEdits: ['type', PendingEdits],
  debounceInput: ['factory', ['pendingPropertyEdits', (edits: PendingEdits) => edits.debounce]],
};
