// The link just before HTTPMessageHandler: reports each HTTP attempt (retries included) to `onRequest`, holds new
// requests while Graph's last Retry-After runs (within the wait budget; beyond it the call is throttled at once), and
// wraps connection failures so that the host and the system error code survive the client's error handling.
import { GraphClientError, type Context, type Middleware } from '@microsoft/microsoft-graph-client';
import type { RetryAfterGate } from './retry-after-gate.ts';
import { transportFailure } from './to-graph-error.ts';

/** The RetryHandler marks its retries; they are already timed by Graph's Retry-After. */
function isRetry(context: Context): boolean {
  const headers = typeof context.request === 'string' ? context.options?.headers : context.request.headers;
  if (headers instanceof Headers) return headers.has('Retry-Attempt');
  if (Array.isArray(headers)) return headers.some(([name]) => name.toLowerCase() === 'retry-attempt');
  return Object.keys(headers ?? {}).some((name) => name.toLowerCase() === 'retry-attempt');
}

export type RequestObserver = (info: { readonly method: string; readonly url: string }) => void;

export class TransportGuardMiddleware implements Middleware {
  private next: Middleware | undefined;
  private readonly onRequest: RequestObserver | undefined;
  private readonly gate: { readonly gate: RetryAfterGate; readonly budgetMs: number } | undefined;

  constructor(onRequest?: RequestObserver, gate?: { readonly gate: RetryAfterGate; readonly budgetMs: number }) {
    this.onRequest = onRequest;
    this.gate = gate;
  }

  /** Waits out Graph's last Retry-After, observes, then sends; a thrown fetch error becomes a transport failure. */
  async execute(context: Context): Promise<void> {
    const url = typeof context.request === 'string' ? context.request : context.request.url;
    const method = (typeof context.request === 'string' ? context.options?.method : context.request.method) ?? 'GET';
    if (this.gate && !isRetry(context)) {
      const wait = this.gate.gate.waitMs();
      if (wait > this.gate.budgetMs) throw transportFailure('throttled', url, Math.ceil(wait / 1000));
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    }
    this.onRequest?.({ method: method.toUpperCase(), url });
    if (!this.next) throw new Error('TransportGuardMiddleware must be followed by HTTPMessageHandler');
    try {
      await this.next.execute(context);
    } catch (err) {
      if (err instanceof GraphClientError) throw err;
      throw transportFailure('network', url, err);
    }
    if (context.response) this.gate?.gate.record(context.response.status, context.response.headers);
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}
