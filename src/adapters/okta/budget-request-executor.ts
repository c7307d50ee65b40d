// The Okta SDK's DefaultRequestExecutor (429 retries driven by X-Rate-Limit-Reset), with two additions:
// when the next wait would break the time budget it fails with how long Okta asked to wait (the SDK's own
// error says nothing about it), and every HTTP attempt is reported to `onRequest`.
import { DefaultRequestExecutor } from '@okta/okta-sdk-nodejs/src/default-request-executor.js';

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
  readonly startTime?: Date;
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

  constructor(options: { maxRetries: number; requestTimeoutMs: number; onRequest?: (info: OktaRequestInfo) => void }) {
    super({ maxRetries: options.maxRetries, requestTimeout: options.requestTimeoutMs });
    this.onRequest = options.onRequest;
    this.on('request', (request: object) => this.started.set(request, performance.now()));
  }

  override parseResponse(request: Attempt, response: AttemptResponse): ReturnType<DefaultRequestExecutor['parseResponse']> {
    const requestId = response.headers.get('x-okta-request-id');
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
