// Okta's rate-limit headers, read on every answer (X-Rate-Limit-Limit / -Remaining / -Reset, reference/okta.md §7),
// per endpoint family, so that License Doctor paces itself when a bucket runs low instead of spending it and being
// answered 429: calls are spread over what is left of the window, and wait for the reset once nothing is left.

interface Bucket {
  limit: number;
  remaining: number;
  /** When the bucket refills, on this machine's clock (Okta's reset is read against its Date header). */
  resetAtMs: number;
}

interface HeadersLike {
  get(name: string): string | null;
}

/** Margin added to a reset, for clocks and rounding (the SDK adds a second too). */
const RESET_MARGIN_MS = 500;

/** The family a URL's calls count against (Okta's limits are per endpoint family): its first three path segments. */
function rateLimitFamily(url: string): string {
  let path = url;
  try {
    path = new URL(url).pathname;
  } catch {
    // A relative path: used as it is.
  }
  return path.split('/').slice(0, 4).join('/');
}

export class OktaRateLimits {
  private readonly buckets = new Map<string, Bucket>();
  private readonly now: () => number;

  constructor(now: () => number = Date.now) {
    this.now = now;
  }

  /** Records the headers of an answer to `url` (any status). */
  record(url: string, headers: HeadersLike): void {
    const limit = Number(headers.get('x-rate-limit-limit'));
    const remaining = Number(headers.get('x-rate-limit-remaining'));
    const reset = Number(headers.get('x-rate-limit-reset'));
    if (![limit, remaining, reset].every((n) => Number.isFinite(n) && n >= 0) || limit === 0) return;
    const date = Date.parse(headers.get('date') ?? '');
    const serverNow = Number.isNaN(date) ? this.now() : date;
    this.buckets.set(rateLimitFamily(url), { limit, remaining, resetAtMs: this.now() + Math.max(0, reset * 1000 - serverNow) + RESET_MARGIN_MS });
  }

  /**
   * How long to wait before the next call to `url`, and counts that call against the bucket. Zero while more than a
   * tenth of the bucket (at least 2 calls) is left; then the rest of the window is shared among the calls left; nothing
   * left: until the reset.
   */
  take(url: string): number {
    const bucket = this.buckets.get(rateLimitFamily(url));
    const now = this.now();
    if (!bucket || now >= bucket.resetAtMs) return 0;
    const reserve = Math.max(2, Math.ceil(bucket.limit / 10));
    const untilReset = bucket.resetAtMs - now;
    // Nothing left: wait for the reset (the answer after it brings the new window's figures).
    if (bucket.remaining <= 0) return untilReset;
    const wait = bucket.remaining > reserve ? 0 : Math.floor(untilReset / (bucket.remaining + 1));
    bucket.remaining -= 1;
    return wait;
  }
}
