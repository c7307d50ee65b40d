// Two "instances" of the alert service on one store (a SQLite file or a PostgreSQL schema), each with its own outlet
// posting into one shared recorded channel, and a clock the test moves.
import { createRequestStore } from '../../../src/adapters/store/create-request-store.ts';
import { openAlertStore } from '../../../src/scan-main.ts';
import { silentLogger } from '../../../src/app/app-logger.ts';
import { AlertOutlets, type AlertCardRef, type AlertOutlet } from '../../../src/app/alerts/alert-outlets.ts';
import { AlertService } from '../../../src/app/alerts/alert-service.ts';
import type { RequestStore } from '../../../src/core/ports/request-store.ts';
import type { AlertView } from '../../../src/core/views/alert-view.ts';
import { NOW } from '../../core/alerts/seeded-reports.ts';

/** The channel both instances post to: each card's latest view, and how often cards were posted and updated. */
export class RecordedChannel {
  readonly cards = new Map<string, AlertView>();
  posts = 0;
  updates = 0;
  /** How long each post and update takes, on top of a few random milliseconds (a real platform's round trip). */
  latencyMs = 0;

  outlet(): AlertOutlet {
    return {
      surface: 'slack',
      post: async (view) => {
        this.posts += 1;
        const ts = `${this.posts}.000`;
        await new Promise((r) => setTimeout(r, this.latencyMs));
        this.cards.set(ts, view);
        return { ts };
      },
      update: async (ref: AlertCardRef, view) => {
        this.updates += 1;
        // Small waits let concurrent updates from the two instances interleave.
        await new Promise((r) => setTimeout(r, this.latencyMs + Math.random() * 5));
        this.cards.set(String(ref.ts), view);
      },
    };
  }
}

export interface AlertHarness {
  readonly a: AlertService;
  readonly b: AlertService;
  readonly store: RequestStore;
  readonly channel: RecordedChannel;
  /** Minutes after NOW on both instances' clock. */
  at(minutes: number): void;
  close(): Promise<void>;
}

let ids = 0;

export async function alertHarness(databaseUrl: string, schema?: string): Promise<AlertHarness> {
  const store = await createRequestStore(databaseUrl, schema ? { schema } : {});
  await store.migrate();
  let now = NOW.getTime();
  const channel = new RecordedChannel();
  const instance = () => {
    const outlets = new AlertOutlets();
    outlets.add(channel.outlet());
    return new AlertService({
      openStore: () => openAlertStore(databaseUrl, schema), store, outlets, clock: { now: () => now }, logger: silentLogger, windowMinutes: 60, retentionDays: 90,
      newAlertId: () => `ALERT-${process.pid}-${(ids += 1)}`,
    });
  };
  const a = instance();
  const b = instance();
  return {
    a, b, store, channel,
    at: (minutes) => {
      now = NOW.getTime() + minutes * 60_000;
    },
    close: async () => {
      await a.close();
      await b.close();
      await store.close();
    },
  };
}
