// Every answer of the sandbox Okta server carries X-Okta-Request-Id and the X-Rate-Limit-* headers, counted
// per one-minute window as Okta's rate limits are (reference/okta.md §7).
import { randomBytes } from 'node:crypto';
import type { Handler, SandboxRequest, SandboxResponse } from '../http.ts';

const LIMIT = 600;

/** Counts calls per minute and stamps Okta's headers on answers. */
export class OktaHeaders {
  private windowStart = 0;
  private used = 0;

  /** The answer with Okta's headers added (headers the answer already has win, e.g. a 429's). */
  stamp(res: SandboxResponse, nowMs: number = Date.now()): SandboxResponse {
    const windowStart = Math.floor(nowMs / 60_000) * 60_000;
    if (windowStart !== this.windowStart) {
      this.windowStart = windowStart;
      this.used = 0;
    }
    this.used += 1;
    const headers: Record<string, string> = {
      'X-Okta-Request-Id': randomBytes(18).toString('base64url'),
      'X-Rate-Limit-Limit': String(LIMIT),
      'X-Rate-Limit-Remaining': String(Math.max(0, LIMIT - this.used)),
      'X-Rate-Limit-Reset': String((windowStart + 60_000) / 1000),
      ...res.headers,
    };
    return { ...res, headers };
  }

  /** A handler whose answers are stamped. */
  wrap(handler: Handler): Handler {
    return async (req: SandboxRequest) => this.stamp(await handler(req));
  }
}
