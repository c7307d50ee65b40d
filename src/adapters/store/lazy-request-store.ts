// A RequestStore that opens the real one on first use, so that a command that never touches the store (a CLI
// diagnosis) neither loads Kysely and the database drivers nor opens a connection. Every member is forwarded as an
// asynchronous call; the one synchronous member, eventChannel, gets a channel whose methods open the store first.
import type { EventChannel } from '../../core/ports/event-channel.ts';
import type { RequestStore } from '../../core/ports/request-store.ts';

/** The lazy store, and `ready()` to open it now and get the real one (a server: a wrong DATABASE_URL fails at start). */
export type LazyRequestStore = RequestStore & { ready(): Promise<RequestStore> };

/** Wraps `open` (which opens and migrates); a failed open is tried again on the next call. close() closes only what was opened. */
export function lazyRequestStore(open: () => Promise<RequestStore>): LazyRequestStore {
  let opened: Promise<RequestStore> | undefined;
  const store = (): Promise<RequestStore> =>
    (opened ??= open().catch((err: unknown) => {
      opened = undefined;
      throw err;
    }));
  const own: Record<string, unknown> = {
    ready: store,
    eventChannel: (origin: string, options?: { readonly pollMs?: number }): EventChannel => {
      let channel: Promise<EventChannel> | undefined;
      const real = () => (channel ??= store().then((r) => r.eventChannel(origin, options)));
      return {
        publish: async (payload) => (await real()).publish(payload),
        subscribe: async (onMessage, onError) => (await real()).subscribe(onMessage, onError),
      };
    },
    close: async () => {
      const current = opened;
      opened = undefined;
      if (current) await (await current).close();
    },
  };
  return new Proxy(own, {
    get(target, name) {
      if (typeof name !== 'string') return undefined;
      if (name in target) return target[name];
      // Not a thenable: `await lazyStore` must not call a store method named then.
      if (name === 'then') return undefined;
      return async (...args: unknown[]): Promise<unknown> => {
        const real = await store();
        const member: unknown = Reflect.get(real, name);
        if (typeof member !== 'function') throw new TypeError(`the request store has no method ${name}`);
        return (member as (...a: unknown[]) => unknown).apply(real, args);
      };
    },
  }) as unknown as LazyRequestStore;
}
