// The tenant's subscribed SKUs change rarely and cost Graph 3 resource units per read: they are kept for a TTL,
// and concurrent callers share one in-flight read instead of each asking Graph.
import type { SubscribedSku } from '../../core/model/entra.ts';

export class SkuCache {
  private value: { readonly skus: SubscribedSku[]; readonly at: number } | null = null;
  private inFlight: Promise<SubscribedSku[]> | null = null;
  private readonly ttlMs: number;
  private readonly now: () => number;

  constructor(ttlMs: number, now: () => number) {
    this.ttlMs = ttlMs;
    this.now = now;
  }

  /** The cached SKUs while fresh, else null. */
  fresh(): SubscribedSku[] | null {
    return this.value && this.now() - this.value.at < this.ttlMs ? this.value.skus : null;
  }

  /** The read already under way, if any. */
  pending(): Promise<SubscribedSku[]> | null {
    return this.inFlight;
  }

  /** Registers a read: other callers await it, and its result is cached when it succeeds. */
  track(read: Promise<SubscribedSku[]>): Promise<SubscribedSku[]> {
    const shared = read.then((skus) => {
      this.value = { skus, at: this.now() };
      return skus;
    });
    this.inFlight = shared;
    const clear = () => {
      if (this.inFlight === shared) this.inFlight = null;
    };
    // The failure reaches every caller awaiting `shared`; this handler only clears the slot (and keeps a read
    // nobody else awaits from becoming an unhandled rejection).
    shared.then(clear, clear);
    return shared;
  }

  /** The SKUs from the cache, the read under way, or `load()`. */
  get(load: () => Promise<SubscribedSku[]>): Promise<SubscribedSku[]> {
    const cached = this.fresh();
    if (cached) return Promise.resolve(cached);
    return this.pending() ?? this.track(load());
  }
}
