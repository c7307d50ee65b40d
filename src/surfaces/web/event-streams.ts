// The page's live view of the demo conversations, as Server-Sent Events: a snapshot of every conversation when a page
// connects (and again when it reconnects), then each new, updated or deleted message, and resets.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DemoConversations, DemoEvent } from './demo-conversations.ts';

/** Comment lines keep idle connections open through proxies that close silent ones. */
const HEARTBEAT_MS = 15_000;

export class EventStreams {
  readonly #conversations: DemoConversations;
  readonly #open = new Set<ServerResponse>();

  constructor(conversations: DemoConversations) {
    this.#conversations = conversations;
  }

  /** How many pages are connected. */
  get size(): number {
    return this.#open.size;
  }

  /** Streams to `res` until the page goes away or `closeAll` is called. */
  open(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    const write = (event: DemoEvent | { readonly type: 'snapshot'; readonly conversations: unknown }) => {
      res.write(`data: ${JSON.stringify(event)}\n\n`);
    };
    res.write('retry: 2000\n\n');
    write({ type: 'snapshot', conversations: this.#conversations.snapshot() });
    const unsubscribe = this.#conversations.subscribe(write);
    const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
    heartbeat.unref();
    this.#open.add(res);
    const close = () => {
      clearInterval(heartbeat);
      unsubscribe();
      this.#open.delete(res);
    };
    req.on('close', close);
    res.on('error', close);
  }

  /** Ends every stream (server shutdown). */
  closeAll(): void {
    for (const res of [...this.#open]) res.end();
    this.#open.clear();
  }
}
