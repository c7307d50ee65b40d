// Reads the demo page's event stream (GET /demo/api/events) over HTTP the way the page's EventSource does, and lets a
// test wait for an event.
export type DemoStreamEvent = { readonly type: string } & Record<string, unknown>;

/** POSTs `body` (JSON, or a string sent as it is) to the demo server at `baseUrl`; the status and the JSON answer. */
export async function postDemo(baseUrl: string, path: string, body: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${baseUrl}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

type Waiter = { readonly predicate: (e: DemoStreamEvent) => boolean; readonly resolve: (e: DemoStreamEvent) => void };

export class DemoEventsClient {
  /** Every event so far, in order. */
  readonly events: DemoStreamEvent[] = [];
  readonly #abort = new AbortController();
  readonly #waiters = new Set<Waiter>();
  #done: Promise<void> = Promise.resolve();

  /** Connects to `appUrl`'s stream; resolves once the response headers arrived. */
  static async open(appUrl: string): Promise<DemoEventsClient> {
    const client = new DemoEventsClient();
    const res = await fetch(`${appUrl}/demo/api/events`, { signal: client.#abort.signal });
    if (res.status !== 200 || !res.body) throw new Error(`the event stream answered HTTP ${res.status}`);
    if (!(res.headers.get('content-type') ?? '').startsWith('text/event-stream')) throw new Error(`not an event stream: ${res.headers.get('content-type')}`);
    client.#done = client.#read(res.body);
    return client;
  }

  /** The first event (seen or still to come) that matches, or a rejection after `timeoutMs`. */
  waitFor(predicate: (e: DemoStreamEvent) => boolean, what: string, timeoutMs = 10_000): Promise<DemoStreamEvent> {
    const seen = this.events.find(predicate);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#waiters.delete(waiter);
        reject(new Error(`timed out waiting for ${what}; events: ${this.events.map((e) => e.type).join(', ')}`));
      }, timeoutMs);
      const waiter: Waiter = {
        predicate,
        resolve: (e) => {
          clearTimeout(timer);
          this.#waiters.delete(waiter);
          resolve(e);
        },
      };
      this.#waiters.add(waiter);
    });
  }

  async close(): Promise<void> {
    this.#abort.abort();
    await this.#done;
  }

  async #read(body: ReadableStream<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    const reader = body.getReader();
    let buffer = '';
    try {
      for (let read = await reader.read(); !read.done; read = await reader.read()) {
        buffer += decoder.decode(read.value, { stream: true });
        for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = block.split('\n').filter((l) => l.startsWith('data: ')).map((l) => l.slice(6)).join('\n');
          if (data === '') continue;
          const event = JSON.parse(data) as DemoStreamEvent;
          this.events.push(event);
          for (const waiter of [...this.#waiters]) if (waiter.predicate(event)) waiter.resolve(event);
        }
      }
    } catch (err) {
      // Closing the stream aborts the read; anything else is a real failure.
      if (!this.#abort.signal.aborted) throw err;
    }
  }
}
