// First link of the Graph client's middleware chain. The client's own AuthenticationHandler sends the token
// only to https Graph hosts (reference/graph.md §4.4), so License Doctor adds `Authorization: Bearer` itself,
// for whatever base URL is configured (the sandbox listens on http://127.0.0.1).
import { randomUUID } from 'node:crypto';
import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import { transportFailure } from './to-graph-error.ts';

function setHeader(context: Context, name: string, value: string): void {
  if (typeof context.request !== 'string') {
    context.request.headers.set(name, value);
    return;
  }
  const options = (context.options ??= {});
  const headers = options.headers;
  if (headers instanceof Headers) headers.set(name, value);
  else if (Array.isArray(headers)) headers.push([name, value]);
  else options.headers = { ...headers, [name]: value };
}

export class BearerTokenMiddleware implements Middleware {
  private next: Middleware | undefined;
  private readonly getToken: () => Promise<string>;

  constructor(getToken: () => Promise<string>) {
    this.getToken = getToken;
  }

  /** Adds the token and a client-request-id (quoted by Microsoft support), then passes the request on. */
  async execute(context: Context): Promise<void> {
    const url = typeof context.request === 'string' ? context.request : context.request.url;
    let token: string;
    try {
      token = await this.getToken();
    } catch (err) {
      throw transportFailure('credential', url, err);
    }
    setHeader(context, 'Authorization', `Bearer ${token}`);
    setHeader(context, 'client-request-id', randomUUID());
    if (!this.next) throw new Error('BearerTokenMiddleware must be followed by another middleware');
    await this.next.execute(context);
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}
