// The link just before HTTPMessageHandler: reports each HTTP attempt (retries included) to `onRequest`, and
// wraps connection failures so that the host and the system error code survive the client's error handling.
import { GraphClientError, type Context, type Middleware } from '@microsoft/microsoft-graph-client';
import { transportFailure } from './to-graph-error.ts';

export type RequestObserver = (info: { readonly method: string; readonly url: string }) => void;

export class TransportGuardMiddleware implements Middleware {
  private next: Middleware | undefined;
  private readonly onRequest: RequestObserver | undefined;

  constructor(onRequest?: RequestObserver) {
    this.onRequest = onRequest;
  }

  /** Observes, then sends; a thrown fetch error becomes a transport failure. */
  async execute(context: Context): Promise<void> {
    const url = typeof context.request === 'string' ? context.request : context.request.url;
    const method = (typeof context.request === 'string' ? context.options?.method : context.request.method) ?? 'GET';
    this.onRequest?.({ method: method.toUpperCase(), url });
    if (!this.next) throw new Error('TransportGuardMiddleware must be followed by HTTPMessageHandler');
    try {
      await this.next.execute(context);
    } catch (err) {
      if (err instanceof GraphClientError) throw err;
      throw transportFailure('network', url, err);
    }
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}
