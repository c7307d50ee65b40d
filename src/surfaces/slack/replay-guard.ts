// Slack signs each request over its timestamp and body, and Bolt accepts a signature for five minutes: a captured
// request replayed within that window verifies again (a replayed view_submission would file a second request). Each
// signature is honoured once; an event is handled once per event_id (Slack's retries carry a new signature but the same
// event_id). Behind a load balancer the replay may reach another instance, so the store is the authority: the first
// instance to claim the key (a SHA-256 of it: never the signature or the payload) runs the request; a small in-memory
// front answers repeats this instance has seen without asking the database.
// Fail closed: when the store cannot say whether a request is new, it is not run (running twice is the risk we guard
// against) and Slack gets a retryable answer: a slash command an ephemeral "try again", a modal an error under its
// first input (it stays open to be sent again), anything else no acknowledgement, so Slack redelivers an event and
// shows a click as failed.
import { createHash } from 'node:crypto';
import type { AnyMiddlewareArgs, App, Middleware } from '@slack/bolt';
import type { Clock } from '../../core/ports/clock.ts';
import type { Claims } from '../../core/ports/claims.ts';
import type { Logger } from '../../logging/create-logger.ts';

/** Bolt's HTTPReceiver refuses timestamps older than this, so a signature need not be remembered longer. */
const SIGNATURE_WINDOW_MS = 5 * 60_000;
/** Beyond this many remembered keys the oldest go first (a flood must not grow memory without bound). */
const MAX_KEYS = 200_000;

const REFUSAL = 'License Doctor cannot reach its database right now, so nothing was done. Please try again in a minute.';

/** Keys seen within the window, oldest first. */
export class SeenKeys {
  private readonly seen = new Map<string, number>();
  private readonly clock: Clock;
  private readonly windowMs: number;

  constructor(clock: Clock, windowMs: number = SIGNATURE_WINDOW_MS) {
    this.clock = clock;
    this.windowMs = windowMs;
  }

  /** True the first time `key` is offered within the window; false for a repeat. */
  firstTime(key: string): boolean {
    const now = this.clock.now();
    for (const [k, at] of this.seen) {
      if (now - at < this.windowMs && this.seen.size < MAX_KEYS) break;
      this.seen.delete(k);
    }
    if (this.seen.has(key)) return false;
    this.seen.set(key, now);
    return true;
  }

  /** Forgets `key` (its claim failed, so a redelivery must be able to try again). */
  forget(key: string): void {
    this.seen.delete(key);
  }
}

/** The signature header of an HTTP request, passed into Bolt's context by the receiver's customPropertiesExtractor. */
export const SIGNATURE_PROPERTY = 'requestSignature';

type Args = AnyMiddlewareArgs & { context: Record<string, unknown> };

/** The hashed identity of a request: its event_id (shared by Slack's retries), else its signature; null without either. */
function keyOf(args: Args): string | null {
  const eventId = (args.body as { event_id?: unknown }).event_id;
  const signature = args.context[SIGNATURE_PROPERTY];
  const identity = typeof eventId === 'string' ? `event:${eventId}` : typeof signature === 'string' && signature !== '' ? `sig:${signature}` : null;
  return identity === null ? null : `slack:${createHash('sha256').update(identity).digest('hex')}`;
}

const ackOf = (args: Args): ((response?: unknown) => Promise<void>) | null =>
  'ack' in args && typeof args.ack === 'function' ? (args.ack as (response?: unknown) => Promise<void>) : null;

/** The retryable answer when the store could not claim the key (see the header). */
async function refuse(args: Args): Promise<void> {
  const ack = ackOf(args);
  const body = args.body as { command?: unknown; type?: unknown; view?: { blocks?: ReadonlyArray<{ type?: unknown; block_id?: unknown }> } };
  if (!ack) return;
  if (typeof body.command === 'string') return ack({ response_type: 'ephemeral', text: REFUSAL });
  const input = body.type === 'view_submission' ? body.view?.blocks?.find((b) => b.type === 'input' && typeof b.block_id === 'string') : undefined;
  if (input) return ack({ response_action: 'errors', errors: { [String(input.block_id)]: REFUSAL } });
}

/** Global middleware: acknowledges replays and redeliveries without passing them to the listeners. */
function replayGuard(seen: SeenKeys, store: Pick<Claims, 'claimOnce'>, clock: Clock, logger: Logger): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const key = keyOf(args);
    const retry = typeof args.context.retryNum === 'number' && args.context.retryNum > 0;
    const eventId = (args.body as { event_id?: unknown }).event_id;
    // A redelivery without an event_id has nothing to tell it from its first delivery by: it is not run.
    let fresh = !(retry && typeof eventId !== 'string');
    if (fresh && key !== null) {
      fresh = seen.firstTime(key);
      if (fresh) {
        try {
          fresh = await store.claimOnce(key, clock.now(), SIGNATURE_WINDOW_MS);
        } catch (err) {
          seen.forget(key);
          logger.error({ err, type: (args.body as { type?: unknown }).type }, 'Slack request refused: the store could not tell whether it was handled before');
          return refuse(args);
        }
      }
    }
    if (fresh) return args.next();
    logger.info({ retryNum: args.context.retryNum ?? null, type: (args.body as { type?: unknown }).type }, 'Slack request already handled: acknowledged, not run again');
    await ackOf(args)?.();
  };
}

/** Installs the guard before every listener; `store` holds the claims every instance shares. */
export function installReplayGuard(app: App, store: Pick<Claims, 'claimOnce'>, clock: Clock, logger: Logger): void {
  app.use(replayGuard(new SeenKeys(clock), store, clock, logger));
}
