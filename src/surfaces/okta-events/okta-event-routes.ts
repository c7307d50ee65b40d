// GET and POST /okta/events: Okta's event hook. GET answers the one-time verification (the challenge header echoed
// as {"verification": ...}); POST takes deliveries. Both require the Authorization header Okta was given, compared in
// constant time. A delivery is answered 200 at once (Okta waits 3 s) and processed afterwards, one at a time.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import type { OktaLogEvent } from '../../core/events/push-failure-event.ts';
import type { MountedRoute } from '../../server/http-server.ts';

const OKTA_EVENTS_PATH = '/okta/events';
/** Okta batches up to 50 events per delivery; a body far beyond that is refused without being parsed. */
const MAX_BODY_BYTES = 2 * 1024 * 1024;

const eventSchema = z.object({
  uuid: z.string(),
  published: z.string(),
  eventType: z.string(),
  outcome: z.object({ result: z.string().nullish().transform((v) => v ?? null) }).nullish().transform((v) => v ?? null),
  target: z.array(z.object({ id: z.string(), type: z.string().nullish().transform((v) => v ?? null), alternateId: z.string().nullish().transform((v) => v ?? null) }))
    .nullish().transform((v) => v ?? []),
});
const deliverySchema = z.object({ data: z.object({ events: z.array(z.unknown()) }) });

export interface OktaEventRoutesOptions {
  /** The Authorization header value Okta sends (OKTA_EVENT_HOOK_SECRET). */
  readonly secret: string;
  /** Processes a delivery's events (after the 200 was sent). */
  readonly handle: (events: OktaLogEvent[]) => Promise<unknown>;
  readonly onError: (err: unknown) => void;
}

export interface OktaEventRoutes {
  readonly routes: readonly MountedRoute[];
  /** Resolves when every accepted delivery has been processed. */
  idle(): Promise<void>;
}

const digest = (value: string) => createHash('sha256').update(value).digest();

/** True when `given` is the secret; the comparison takes the same time whatever `given` is. */
function sameSecret(given: string | undefined, secret: string): boolean {
  return timingSafeEqual(digest(given ?? ''), digest(secret)) && given !== undefined;
}

const send = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
};

async function readBody(req: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(buf);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The routes, and a queue that processes deliveries one at a time. */
export function createOktaEventRoutes(options: OktaEventRoutesOptions): OktaEventRoutes {
  let tail: Promise<unknown> = Promise.resolve();
  const authorised = (req: IncomingMessage) => sameSecret(req.headers.authorization, options.secret);

  const verify = (req: IncomingMessage, res: ServerResponse) => {
    if (!authorised(req)) return send(res, 401, { error: 'unauthorized' });
    const challenge = req.headers['x-okta-verification-challenge'];
    if (typeof challenge !== 'string' || challenge === '') return send(res, 400, { error: 'x-okta-verification-challenge header missing' });
    return send(res, 200, { verification: challenge });
  };

  const deliver = async (req: IncomingMessage, res: ServerResponse) => {
    if (!authorised(req)) {
      req.resume();
      return send(res, 401, { error: 'unauthorized' });
    }
    const text = await readBody(req);
    if (text === null) return send(res, 413, { error: 'delivery too large' });
    let events: OktaLogEvent[];
    try {
      const delivery = deliverySchema.parse(JSON.parse(text) as unknown);
      // One malformed event does not cost the others.
      events = delivery.data.events.flatMap((e) => {
        const parsed = eventSchema.safeParse(e);
        return parsed.success ? [parsed.data] : [];
      });
    } catch {
      return send(res, 400, { error: 'not an Okta event hook delivery' });
    }
    send(res, 200, {});
    tail = tail.then(() => options.handle(events)).catch(options.onError);
  };

  return {
    routes: [
      { method: 'GET', path: OKTA_EVENTS_PATH, handler: verify },
      { method: 'POST', path: OKTA_EVENTS_PATH, handler: deliver },
    ],
    idle: async () => {
      await tail;
    },
  };
}
