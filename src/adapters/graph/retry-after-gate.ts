// Graph's Retry-After, read on every answer: once Microsoft asks License Doctor to wait (429, or 503 with the
// header), no new request leaves until that time has passed, instead of each concurrent call being refused in turn.
// Retries of the refused request are timed by the RetryHandler itself.
import { retryAfterSeconds } from './to-graph-error.ts';

export class RetryAfterGate {
  private holdUntilMs = 0;
  private readonly now: () => number;

  constructor(now: () => number = Date.now) {
    this.now = now;
  }

  /** Records an answer's status and headers. */
  record(status: number, headers: Headers): void {
    if (status !== 429 && status !== 503) return;
    const seconds = retryAfterSeconds(headers.get('Retry-After'));
    if (seconds !== null) this.holdUntilMs = Math.max(this.holdUntilMs, this.now() + seconds * 1000);
  }

  /** Milliseconds a new request should wait (0: go). */
  waitMs(): number {
    return Math.max(0, this.holdUntilMs - this.now());
  }
}
