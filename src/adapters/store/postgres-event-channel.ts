// Request events between processes on PostgreSQL: NOTIFY on a channel named after the store's schema, LISTEN on a
// connection of its own (a pooled connection cannot hold a LISTEN). The listening connection reconnects after a loss,
// with a growing pause; messages sent while it was away are not replayed (cards catch up with the next change).
import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import type { EventChannel } from '../../core/ports/event-channel.ts';
import type { StoreDatabase } from './store-database.ts';

const RETRY_MIN_MS = 500;
const RETRY_MAX_MS = 10_000;

/** The NOTIFY channel of the store in `schema` (a PostgreSQL identifier: at most 63 bytes). */
export function eventChannelName(schema: string): string {
  const name = `license_doctor_events_${schema}`;
  return name.length <= 63 ? name : `license_doctor_events_${createHash('sha256').update(schema).digest('hex').slice(0, 32)}`;
}

/** An EventChannel over NOTIFY/LISTEN; `origin` identifies this process, whose own messages it skips. */
export function postgresEventChannel(db: Kysely<StoreDatabase>, connection: { readonly connectionString: string; readonly options: string }, schema: string, origin: string): EventChannel {
  const channel = eventChannelName(schema);
  return {
    publish: async (payload) => {
      await sql`SELECT pg_notify(${channel}, ${JSON.stringify({ o: origin, p: payload })})`.execute(db);
    },
    subscribe: async (onMessage, onError) => {
      let stopped = false;
      let client: pg.Client | null = null;
      let retryMs = RETRY_MIN_MS;
      let timer: NodeJS.Timeout | null = null;
      const retry = () => {
        if (stopped || timer !== null) return;
        timer = setTimeout(() => {
          timer = null;
          void connect();
        }, retryMs);
        timer.unref();
        retryMs = Math.min(retryMs * 2, RETRY_MAX_MS);
      };
      const drop = (c: pg.Client) => {
        if (client === c) client = null;
        // Ending a client whose connection is already gone can fail too; that failure was reported as the loss.
        c.end().catch(() => undefined);
        retry();
      };
      const connect = async () => {
        const c = new pg.Client({ connectionString: connection.connectionString, options: connection.options, application_name: 'license-doctor-events', keepAlive: true, connectionTimeoutMillis: 10_000 });
        c.on('error', (err) => {
          onError(err);
          drop(c);
        });
        c.on('notification', (n) => {
          if (n.channel !== channel || n.payload === undefined) return;
          const message = parseMessage(n.payload);
          if (message !== null && message.o !== origin) onMessage(message.p);
        });
        try {
          await c.connect();
          await c.query(`LISTEN "${channel}"`);
          if (stopped) return void c.end().catch(() => undefined);
          client = c;
          retryMs = RETRY_MIN_MS;
        } catch (err) {
          onError(err);
          drop(c);
        }
      };
      await connect();
      return async () => {
        stopped = true;
        if (timer !== null) clearTimeout(timer);
        const c = client;
        client = null;
        await c?.end().catch(() => undefined);
      };
    },
  };
}

/** The sender and payload of a notification; null for anything else on the channel. */
function parseMessage(text: string): { o: string; p: string } | null {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null) return null;
    const { o, p } = value as { o?: unknown; p?: unknown };
    return typeof o === 'string' && typeof p === 'string' ? { o, p } : null;
  } catch {
    // Someone else's NOTIFY on our channel name: not ours to read.
    return null;
  }
}
