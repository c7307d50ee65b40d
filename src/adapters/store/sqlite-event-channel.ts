// Request events between processes on SQLite: a writer appends a row to request_events, every listening process polls
// for rows after the last one it saw. Rows older than an hour are pruned now and then by the writers.
import type { EventChannel } from '../../core/ports/event-channel.ts';
import type { StoreEngine } from './store-engine.ts';

const PRUNE_EVERY = 100;
const KEEP_MS = 3_600_000;
const PAGE = 500;

/** An EventChannel over the request_events table, polled every `pollMs`; `origin` identifies this process. */
export function sqliteEventChannel(engine: StoreEngine, origin: string, pollMs: number, now: () => number = Date.now): EventChannel {
  let published = 0;
  return {
    publish: async (payload) => {
      const at = new Date(now()).toISOString();
      await engine.write((db) => db.insertInto('request_events').values({ at, origin, payload }).execute());
      if (++published % PRUNE_EVERY === 0) {
        const before = new Date(now() - KEEP_MS).toISOString();
        await engine.write((db) => db.deleteFrom('request_events').where('at', '<', before).execute());
      }
    },
    subscribe: async (onMessage, onError) => {
      const top = await engine.db.selectFrom('request_events').select((eb) => eb.fn.max('id').as('id')).executeTakeFirst();
      let last = Number(top?.id ?? 0);
      let polling: Promise<void> | null = null;
      const poll = async () => {
        for (;;) {
          const rows = await engine.db.selectFrom('request_events').select(['id', 'origin', 'payload']).where('id', '>', last).orderBy('id').limit(PAGE).execute();
          for (const row of rows) {
            last = Number(row.id);
            if (row.origin !== origin) onMessage(row.payload);
          }
          if (rows.length < PAGE) return;
        }
      };
      const timer = setInterval(() => {
        polling ??= poll().catch(onError).finally(() => {
          polling = null;
        });
      }, pollMs);
      timer.unref();
      return async () => {
        clearInterval(timer);
        await polling;
      };
    },
  };
}
