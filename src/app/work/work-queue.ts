// Diagnoses cost CPU (the Graph and Okta clients, the parsing, the rendering) as well as waiting. Run without a limit,
// a burst of commands fills the event loop and every later request — including Slack's 3-second acknowledgements —
// queues behind it; run with no bound on the waiting line, a flood grows memory until the process falls over. At most
// `concurrency` tasks run at once, at most `limit` wait (first come first served), and beyond that the caller is told
// how long to wait instead.
import { LicenseDoctorError } from '../../core/errors.ts';
import { takeTurn } from './turns.ts';

/** How full the queue is (readiness, metrics). */
export interface WorkLoad {
  readonly running: number;
  readonly queued: number;
  readonly concurrency: number;
  readonly limit: number;
}

/** A bounded first-in-first-out limit on concurrent async work. */
export class WorkQueue {
  private readonly concurrency: number;
  private readonly limit: number;
  private running = 0;
  private readonly waiting: Array<() => void> = [];
  private readonly pending = new Set<Promise<unknown>>();
  /** Moving average of how long a task takes, for "try again in N s". */
  private averageMs = 1_000;

  constructor(concurrency: number, limit: number = Number.POSITIVE_INFINITY) {
    this.concurrency = Math.max(1, concurrency);
    this.limit = Math.max(0, limit);
  }

  /** Runs `task` when a slot is free; settles as the task does. Throws `throttled` at once when the line is full. */
  run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.concurrency && this.waiting.length >= this.limit) {
      const seconds = this.retryAfterSeconds();
      return Promise.reject(new LicenseDoctorError('throttled', `License Doctor is busy (${this.waiting.length} requests are waiting): try again in ${seconds} s.`, { retryAfterSeconds: seconds }));
    }
    const result = this.acquire().then(async () => {
      // Acknowledgements first, then this task in its turn (turns.ts).
      await takeTurn('work');
      const started = performance.now();
      try {
        return await task();
      } finally {
        this.averageMs = this.averageMs * 0.9 + (performance.now() - started) * 0.1;
        this.release();
      }
    });
    this.pending.add(result);
    // The caller handles the task's failure; this derived promise only tracks it for idle().
    void result.finally(() => this.pending.delete(result)).catch(() => undefined);
    return result;
  }

  /** Tasks waiting for a slot. */
  get queued(): number {
    return this.waiting.length;
  }

  /** Running and waiting, with the bounds. */
  load(): WorkLoad {
    return { running: this.running, queued: this.waiting.length, concurrency: this.concurrency, limit: this.limit };
  }

  /** Resolves when every task run so far has settled. */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  /** When the line will have moved on: the waiting tasks in rounds of `concurrency`, each an average task long. */
  private retryAfterSeconds(): number {
    const rounds = Math.ceil((this.waiting.length + 1) / this.concurrency);
    return Math.max(1, Math.ceil((rounds * this.averageMs) / 1_000));
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
