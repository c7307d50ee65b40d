// The demo page's conversations, kept in memory: what the bot posted and updated through the demo connector, and
// what the personas typed. Every change is published to the page's event streams. A reset starts a new epoch, so a
// late update for a message from before the reset is answered as Teams answers one for a deleted message.

/** Who wrote a message. */
export interface DemoAuthor {
  readonly kind: 'bot' | 'person';
  readonly id: string;
  readonly name: string;
}

/** One message as the page shows it. */
export interface DemoMessage {
  readonly id: string;
  readonly conversationId: string;
  readonly from: DemoAuthor;
  /** Markdown text (Teams' subset), or null for a card-only message. */
  readonly text: string | null;
  /** The Adaptive Cards among its attachments. */
  readonly cards: readonly unknown[];
  readonly at: string;
  /** 1 when posted; +1 at every update (the page re-renders and re-refreshes on a new version). */
  readonly version: number;
}

export type DemoEvent =
  | { readonly type: 'message' | 'update'; readonly message: DemoMessage }
  | { readonly type: 'delete'; readonly conversationId: string; readonly id: string }
  | { readonly type: 'reset' };

export type DemoListener = (event: DemoEvent) => void;

/** The content of a posted or updated activity. */
export interface DemoContent {
  readonly text: string | null;
  readonly cards: readonly unknown[];
}

/** Messages kept per conversation (older ones are dropped; the demo is not an archive). */
export const MAX_MESSAGES_PER_CONVERSATION = 200;

export class DemoConversations {
  readonly #conversations = new Map<string, DemoMessage[]>();
  readonly #listeners = new Set<DemoListener>();
  readonly #now: () => Date;
  readonly #onListenerError: (err: unknown) => void;
  #epoch = 1;
  #next = 1;

  constructor(options: { readonly now?: () => Date; readonly onListenerError?: (err: unknown) => void } = {}) {
    this.#now = options.now ?? (() => new Date());
    this.#onListenerError = options.onListenerError ?? (() => {});
  }

  /** Adds a message; returns it (with its new id). */
  post(conversationId: string, from: DemoAuthor, content: DemoContent): DemoMessage {
    const message: DemoMessage = {
      id: `demo-${this.#epoch}-${this.#next++}`, conversationId, from, text: content.text, cards: content.cards,
      at: this.#now().toISOString(), version: 1,
    };
    let list = this.#conversations.get(conversationId);
    if (!list) {
      list = [];
      this.#conversations.set(conversationId, list);
    }
    list.push(message);
    if (list.length > MAX_MESSAGES_PER_CONVERSATION) list.splice(0, list.length - MAX_MESSAGES_PER_CONVERSATION);
    this.#publish({ type: 'message', message });
    return message;
  }

  /** Replaces message `id`'s content (as updateActivity does for everyone); null when there is no such message. */
  update(conversationId: string, id: string, content: DemoContent): DemoMessage | null {
    const list = this.#conversations.get(conversationId);
    const index = list?.findIndex((m) => m.id === id) ?? -1;
    const current = list?.[index];
    if (!list || !current) return null;
    const message: DemoMessage = { ...current, text: content.text, cards: content.cards, version: current.version + 1 };
    list[index] = message;
    this.#publish({ type: 'update', message });
    return message;
  }

  /** Deletes message `id`; false when there is no such message. */
  remove(conversationId: string, id: string): boolean {
    const list = this.#conversations.get(conversationId);
    const index = list?.findIndex((m) => m.id === id) ?? -1;
    if (!list || index < 0) return false;
    list.splice(index, 1);
    this.#publish({ type: 'delete', conversationId, id });
    return true;
  }

  /** The messages of one conversation, oldest first. */
  messages(conversationId: string): readonly DemoMessage[] {
    return [...(this.#conversations.get(conversationId) ?? [])];
  }

  /** Every conversation's messages. */
  snapshot(): Record<string, readonly DemoMessage[]> {
    return Object.fromEntries([...this.#conversations].map(([id, list]) => [id, [...list]]));
  }

  /** Forgets every message and starts a new epoch (message ids are never reused). */
  clear(): void {
    this.#conversations.clear();
    this.#epoch += 1;
    this.#next = 1;
    this.#publish({ type: 'reset' });
  }

  /** Calls `listener` on every change; returns the function that stops it. */
  subscribe(listener: DemoListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #publish(event: DemoEvent): void {
    // A listener writes to a page's socket; one that fails is dropped (and reported) so the others still hear.
    for (const listener of [...this.#listeners]) {
      try {
        listener(event);
      } catch (err) {
        this.#listeners.delete(listener);
        this.#onListenerError(err);
      }
    }
  }
}
