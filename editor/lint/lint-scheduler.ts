/**
 * Lints after the diagram settles: every change restarts a short timer, and only the answer to the
 * latest request is delivered (a slow answer to an older diagram is dropped).
 */
export class LintScheduler<T> {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private ticket = 0;

  constructor(
    private readonly lint: () => Promise<T>,
    private readonly deliver: (result: T) => void,
    private readonly fail: (error: unknown) => void,
    private readonly delayMs = 400,
  ) {}

  /** After a change: lint once the diagram has been still for the delay. */
  schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.now(), this.delayMs);
  }

  /** Lint at once (a model just opened), dropping any pending or running request. */
  async now(): Promise<void> {
    clearTimeout(this.timer);
    const ticket = ++this.ticket;
    try {
      const result = await this.lint();
      if (ticket === this.ticket) this.deliver(result);
    } catch (error) {
      if (ticket === this.ticket) this.fail(error);
    }
  }

  /** Forget pending work (another model is being opened). */
  cancel(): void {
    clearTimeout(this.timer);
    this.ticket++;
  }
}
