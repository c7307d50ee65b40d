// Every answer of the sandbox Okta server carries X-Okta-Request-Id and the X-Rate-Limit-* headers, counted per
// window as Okta's rate limits are (reference/okta.md §7). By default the limit is generous and never enforced; with
// `oktaRateLimit` set, each endpoint family (`/api/v1/apps`, `/api/v1/logs`, ...) has its own bucket and a call past
// it gets Okta's 429 E0000047 with the headers saying when the bucket resets.
import { randomBytes } from 'node:crypto';
import type { Handler, SandboxRequest, SandboxResponse } from '../http.ts';
import type { SandboxBehaviour } from '../tenant.ts';
import { oktaError } from './okta-errors.ts';

const DEFAULT = { perWindow: 600, windowSeconds: 60 };

/** The bucket a path counts against: its first three segments (Okta's limits are per endpoint family). */
const bucketOf = (path: string) => path.split('?')[0]?.split('/').slice(0, 4).join('/') ?? path;

/** Counts calls per window and bucket, stamps Okta's headers on answers, and enforces the limit when asked. */
export class OktaHeaders {
  private readonly buckets = new Map<string, { windowStart: number; used: number }>();
  private readonly behaviour: () => SandboxBehaviour | null;
  /** Answers of 429 given because a bucket was empty. */
  throttled = 0;

  constructor(behaviour: () => SandboxBehaviour | null = () => null) {
    this.behaviour = behaviour;
  }

  private limit() {
    return this.behaviour()?.oktaRateLimit ?? null;
  }

  private count(path: string, nowMs: number): { limit: number; remaining: number; reset: number } {
    const { perWindow, windowSeconds } = this.limit() ?? DEFAULT;
    const windowMs = windowSeconds * 1000;
    const key = this.limit() ? bucketOf(path) : '*';
    const bucket = this.buckets.get(key);
    // An enforced window starts with its first call (tests know where they stand); the reported one is the clock minute.
    const windowStart = this.limit() ? (bucket && nowMs < bucket.windowStart + windowMs ? bucket.windowStart : nowMs) : Math.floor(nowMs / windowMs) * windowMs;
    const b = bucket && bucket.windowStart === windowStart ? bucket : { windowStart, used: 0 };
    this.buckets.set(key, b);
    b.used += 1;
    return { limit: perWindow, remaining: perWindow - b.used, reset: Math.ceil((windowStart + windowMs) / 1000) };
  }

  /** The answer with Okta's headers added (headers the answer already has win, e.g. a 429's). */
  stamp(res: SandboxResponse, nowMs: number = Date.now(), path = '/'): SandboxResponse {
    const { limit, remaining, reset } = this.count(path, nowMs);
    return { ...res, headers: this.headers(limit, remaining, reset, nowMs, res.headers) };
  }

  private headers(limit: number, remaining: number, reset: number, nowMs: number, own: Record<string, string> = {}): Record<string, string> {
    return {
      'X-Okta-Request-Id': randomBytes(18).toString('base64url'),
      'X-Rate-Limit-Limit': String(limit),
      'X-Rate-Limit-Remaining': String(Math.max(0, remaining)),
      'X-Rate-Limit-Reset': String(reset),
      Date: new Date(nowMs).toUTCString(),
      ...own,
    };
  }

  /** A handler whose answers are stamped, and refused with 429 once the bucket is used up (when enforced). */
  wrap(handler: Handler): Handler {
    return async (req: SandboxRequest) => {
      const nowMs = Date.now();
      if (this.limit()) {
        const { limit, remaining, reset } = this.count(req.path, nowMs);
        if (remaining < 0) {
          this.throttled += 1;
          return oktaError(429, 'E0000047', 'API call exceeded rate limit due to too many requests.', [], this.headers(limit, 0, reset, nowMs));
        }
        const res = await handler(req);
        return { ...res, headers: this.headers(limit, remaining, reset, nowMs, res.headers) };
      }
      return this.stamp(await handler(req), nowMs, req.path);
    };
  }
}
