// The Okta SDK's DefaultRequestExecutor (429 retries driven by X-Rate-Limit-Reset), with three additions: every
// answer's rate-limit headers are recorded and the next call paces itself when its bucket runs low (OktaRateLimits);
// when a wait would break the time budget it fails with how long Okta asked to wait (the SDK's own error says
// nothing about it); and every HTTP attempt is reported to `onRequest`. The network timeout of one attempt is kept
// apart from the wait budget, so a patient caller (an execution) may wait out a reset without a longer socket timeout.
import { DefaultRequestExecutor } from '@okta/okta-sdk-nodejs/src/default-request-executor.js';
import { OktaRateLimits } from './okta-rate-limits.ts';

/** One HTTP attempt against Okta, for logs and metrics; never contains credentials. */
export interface OktaRequestInfo {
  readonly method: string;
  readonly url: string;
  readonly status: number;
  readonly requestId: string | null;
  readonly durationMs: number;
}

/** Okta throttled a request and the wait it asked for would exceed the time budget. */
export class RetryBudgetExceededError extends Error {
  override readonly name = 'RetryBudgetExceededError';
  readonly retryAfterSeconds: number;
  readonly requestId: string | null;

  constructor(retryAfterSeconds: number, requestId: string | null) {
    super(`Okta throttled the request and asked to wait ${retryAfterSeconds} s, beyond the time budget`);
    this.retryAfterSeconds = retryAfterSeconds;
    this.requestId = requestId;
  }
}

// The parts of the SDK's request options and node-fetch responses this executor reads.
interface Attempt {
  readonly method?: string;
  readonly url?: string;
  startTime?: Date;
  timeout?: number;
}
interface AttemptResponse {
  readonly status: number;
  readonly headers: { get(name: string): string | null };
}

/** DefaultRequestExecutor with a 429 wait budget that reports the wait, and per-attempt reporting. */
export class BudgetRequestExecutor extends DefaultRequestExecutor {
  /**
   * Status of the last failed access-token request, null after a successful one. The SDK does not surface
   * token endpoint errors (it sends the API call with no token), so this is how to tell what went wrong.
   */
  tokenRefusedStatus: number | null = null;
  private readonly started = new WeakMap<object, number>();
  private readonly onRequest: ((info: OktaRequestInfo) => void) | undefined;

  private readonly limits: OktaRateLimits;
  private readonly attemptTimeoutMs: number;

  /**
   * `requestTimeoutMs` bounds one HTTP attempt; `waitBudgetMs` (default the same) bounds one call with its pacing and
   * 429 waits.
   */
  constructor(options: { maxRetries: number; requestTimeoutMs: number; waitBudgetMs?: number; rateLimits?: OktaRateLimits; onRequest?: (info: OktaRequestInfo) => void }) {
    super({ maxRetries: options.maxRetries, requestTimeout: Math.max(options.requestTimeoutMs, options.waitBudgetMs ?? 0) });
    this.limits = options.rateLimits ?? new OktaRateLimits();
    this.attemptTimeoutMs = options.requestTimeoutMs;
    this.onRequest = options.onRequest;
    this.on('request', (request: object) => this.started.set(request, performance.now()));
  }

  override fetch(request: Attempt): ReturnType<DefaultRequestExecutor['fetch']> {
    const first = request.startTime === undefined;
    // The SDK gives a retry what is left of the budget; no attempt may wait on the network longer than one call's deadline.
    if (first) request.startTime = new Date();
    request.timeout = first ? this.attemptTimeoutMs : Math.max(1, Math.min(this.attemptTimeoutMs, request.timeout ?? this.attemptTimeoutMs));
    const pace = first ? this.limits.take(request.url ?? '') : 0;
    if (pace === 0) return super.fetch(request as Parameters<DefaultRequestExecutor['fetch']>[0]);
    if (pace >= this.requestTimeout) return Promise.reject(new RetryBudgetExceededError(Math.max(1, Math.ceil(pace / 1000)), null));
    return new Promise<void>((resolve) => setTimeout(resolve, pace)).then(() => super.fetch(request as Parameters<DefaultRequestExecutor['fetch']>[0]));
  }

  override parseResponse(request: Attempt, response: AttemptResponse): ReturnType<DefaultRequestExecutor['parseResponse']> {
    const requestId = response.headers.get('x-okta-request-id');
    this.limits.record(request.url ?? '', response.headers);
    if ((request.url ?? '').endsWith('/oauth2/v1/token')) this.tokenRefusedStatus = response.status >= 400 ? response.status : null;
    this.onRequest?.({
      method: (request.method ?? 'GET').toUpperCase(),
      url: request.url ?? '',
      status: response.status,
      requestId,
      durationMs: Math.round(performance.now() - (this.started.get(request) ?? performance.now())),
    });
    if (response.status === 429 && this.requestTimeout > 0 && this.validateRetryResponseHeaders(response) && !this.maxRetriesReached(request)) {
      const startedAt = request.startTime instanceof Date ? request.startTime.getTime() : Date.now();
      const delayMs = this.getRetryDelayMs(response);
      if (Date.now() - startedAt + delayMs >= this.requestTimeout) {
        // The SDK's delay adds a second for clock skew; report the wait Okta asked for.
        return Promise.reject(new RetryBudgetExceededError(Math.max(1, Math.ceil((delayMs - 1000) / 1000)), requestId));
      }
    }
    return super.parseResponse(request, response);
  }
}
