// Slack signs each request over its timestamp and body, and Bolt accepts a signature for five minutes: a captured
// request replayed within that window verifies again (a replayed view_submission would file a second request). Each
// signature is honoured once; an event is handled once per event_id (Slack's retries carry a new signature), and a
// redelivery (X-Slack-Retry-Num) is acknowledged without running again — the first delivery is being answered.
import type { AnyMiddlewareArgs, App, Middleware } from '@slack/bolt';
import type { Clock } from '../../core/ports/clock.ts';
import type { Logger } from '../../logging/create-logger.ts';

/** Bolt's HTTPReceiver refuses timestamps older than this, so a signature need not be remembered longer. */
const SIGNATURE_WINDOW_MS = 5 * 60_000;
/** Beyond this many remembered keys the oldest go first (a flood must not grow memory without bound). */
const MAX_KEYS = 200_000;

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
}

/** The signature header of an HTTP request, passed into Bolt's context by the receiver's customPropertiesExtractor. */
export const SIGNATURE_PROPERTY = 'requestSignature';

function keysOf(args: AnyMiddlewareArgs & { context: Record<string, unknown> }): string[] {
  const keys: string[] = [];
  const signature = args.context[SIGNATURE_PROPERTY];
  if (typeof signature === 'string' && signature !== '') keys.push(`sig:${signature}`);
  const eventId = (args.body as { event_id?: unknown }).event_id;
  if (typeof eventId === 'string') keys.push(`event:${eventId}`);
  return keys;
}

/** Global middleware: acknowledges replays and redeliveries without passing them to the listeners. */
function replayGuard(seen: SeenKeys, logger: Logger): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const keys = keysOf(args);
    // Every key is recorded (no short-circuit), so a replay of either identity is caught later.
    const fresh = keys.map((k) => seen.firstTime(k));
    const retry = typeof args.context.retryNum === 'number' && args.context.retryNum > 0;
    if (!retry && fresh.every(Boolean)) return args.next();
    logger.info({ retryNum: args.context.retryNum ?? null, type: (args.body as { type?: unknown }).type }, 'Slack request already handled: acknowledged, not run again');
    if ('ack' in args && typeof args.ack === 'function') await (args.ack as () => Promise<void>)();
  };
}

/** Installs the guard before every listener. */
export function installReplayGuard(app: App, clock: Clock, logger: Logger): void {
  app.use(replayGuard(new SeenKeys(clock), logger));
}
