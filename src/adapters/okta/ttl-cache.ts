// A small time-to-live cache of promises: concurrent callers share one request, failures are not kept.

/** Promises kept for a while, per key. */
export class TtlCache<T> {
  private readonly entries = new Map<string, { readonly value: Promise<T>; readonly expires: number }>();
  private readonly ttlMs: number;
  private readonly now: () => number;

  constructor(ttlMs: number, now: () => number) {
    this.ttlMs = ttlMs;
    this.now = now;
  }

  /** The cached value for `key`, or what `load` gives (cached for the TTL once it succeeds). */
  get(key: string, load: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    if (hit && hit.expires > this.now()) return hit.value;
    const value = load();
    this.entries.set(key, { value, expires: this.now() + this.ttlMs });
    value.catch(() => {
      // A failure is the caller's to handle; the cache only forgets it so that the next call retries.
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    return value;
  }

  /** Forgets everything (after a write that changes what is cached). */
  clear(): void {
    this.entries.clear();
  }
}
