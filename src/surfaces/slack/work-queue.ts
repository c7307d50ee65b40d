// Diagnoses cost CPU (the Graph and Okta clients, the parsing, the rendering) as well as waiting. Run without a limit,
// a burst of commands fills the event loop and every later request — including Slack's 3-second acknowledgements —
// queues behind it. At most `concurrency` of them run at once; the rest wait their turn, first come first served.

/** A first-in-first-out limit on concurrent async work. */
export class WorkQueue {
  private readonly concurrency: number;
  private running = 0;
  private readonly waiting: Array<() => void> = [];
  private readonly pending = new Set<Promise<unknown>>();

  constructor(concurrency: number) {
    this.concurrency = Math.max(1, concurrency);
  }

  /** Runs `task` when a slot is free; settles as the task does. */
  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.acquire().then(async () => {
      // Let the requests already waiting on the sockets (other acknowledgements) through before this task's CPU.
      await new Promise<void>((resolve) => setImmediate(resolve));
      try {
        return await task();
      } finally {
        this.release();
      }
    });
    this.pending.add(result);
    // The caller handles the task's failure; this derived promise only tracks it for idle().
    void result.finally(() => this.pending.delete(result)).catch(() => undefined);
    return result;
  }

  /** Tasks waiting for a slot (readiness, metrics). */
  get queued(): number {
    return this.waiting.length;
  }

  /** Resolves when every task run so far has settled. */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  private acquire(): Promise<void> {
    if (this.running < this.concurrency) {
      this.running += 1;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.running -= 1;
  }
}
