// Per-request backoff for the maintenance pass: a request whose execution failed (a vendor outage, the store away)
// is tried again after 2^n times the base delay, capped, so an outage costs a few quiet attempts instead of one
// per pass per instance. Kept in memory: a restarted instance simply tries once more.

export interface BackoffSettings {
  readonly baseMs: number;
  readonly capMs: number;
}

/** Failures and the next allowed attempt, per request id. */
export class RequestBackoff {
  readonly #settings: BackoffSettings;
  readonly #state = new Map<string, { failures: number; notBefore: number }>();

  constructor(settings: BackoffSettings) {
    this.#settings = settings;
  }

  /** Whether the request may be tried at `nowMs`. */
  ready(requestId: string, nowMs: number): boolean {
    const s = this.#state.get(requestId);
    return s === undefined || nowMs >= s.notBefore;
  }

  /** Records a failed attempt; resolves the delay until the next one. */
  failed(requestId: string, nowMs: number): number {
    const failures = (this.#state.get(requestId)?.failures ?? 0) + 1;
    const delay = Math.min(this.#settings.capMs, this.#settings.baseMs * 2 ** (failures - 1));
    this.#state.set(requestId, { failures, notBefore: nowMs + delay });
    return delay;
  }

  /** Forgets the request's failures (it ran, or it is no longer runnable). */
  succeeded(requestId: string): void {
    this.#state.delete(requestId);
  }
}
