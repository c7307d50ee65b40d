// The Teams SDK's HTTP server adapter over License Doctor's one HTTP server: the SDK registers its messaging
// endpoint here (and validates the JWT, dispatches the activity and builds the invoke response itself); this adapter
// moves JSON between our node:http route and the SDK's handler.
//
// An activity whose HTTP answer carries nothing (every type but `invoke`: messages, installs, reactions…) is answered
// as soon as the SDK's own check (`ActivityCheck`: the JWT, or the unauthenticated mode) accepts it, and handed to the
// SDK afterwards with that token, in a work turn (app/work/turns.ts): the Bot Framework only needs the HTTP answer to
// know the activity was received, and the bot replies through the connector (bench:teams: the SDK's per-activity
// set-up otherwise held every acknowledgement). An `invoke` stays synchronous: its HTTP body is the card.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { IToken } from '@microsoft/teams.api';
import type { HttpMethod, HttpRouteHandler, IHttpServerAdapter } from '@microsoft/teams.apps';
import type { AppLogger } from '../../app/app-logger.ts';
import { takeTurn } from '../../app/work/turns.ts';
import type { MountedRoute } from '../../server/http-server.ts';

/** Teams activities are small; a pasted error text is at most 64 KiB. */
export const MAX_ACTIVITY_BYTES = 1024 * 1024;

/** The SDK's verdict on an activity's authentication (its HttpServer.authorize). */
export type ActivityAuth = { readonly success: true; readonly token: IToken } | { readonly success: false; readonly error: string };
export type ActivityCheck = (headers: Record<string, string | string[]>, body: Record<string, unknown>) => Promise<ActivityAuth>;

type BodyResult = { readonly ok: true; readonly body: unknown } | { readonly ok: false; readonly status: 400 | 413; readonly error: string };

async function readJson(req: IncomingMessage, limit: number): Promise<BodyResult> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buf.length;
    if (size > limit) return { ok: false, status: 413, error: `activity larger than ${limit} bytes` };
    chunks.push(buf);
  }
  try {
    return { ok: true, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown };
  } catch {
    return { ok: false, status: 400, error: 'the body is not JSON' };
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  if (body === undefined) {
    res.writeHead(status);
    res.end();
    return;
  }
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** An activity answered before it is processed: one with a type, other than `invoke`. */
const answersEarly = (body: unknown): body is Record<string, unknown> => isRecord(body) && typeof body.type === 'string' && body.type !== 'invoke';

const field = (v: unknown): string | null => (typeof v === 'string' ? v.slice(0, 64) : null);

/** An IHttpServerAdapter whose routes are mounted on the shared server (no listening of its own). */
export class RouteAdapter implements IHttpServerAdapter {
  readonly #handlers = new Map<string, HttpRouteHandler>();
  readonly #accepted = new Set<Promise<void>>();
  #early: { readonly check: ActivityCheck; readonly logger: AppLogger } | null = null;
  #stopping = false;

  registerRoute(method: HttpMethod, path: string, handler: HttpRouteHandler): void {
    this.#handlers.set(`${method} ${path}`, handler);
  }

  /** From now on, activities that carry no HTTP answer are answered once `check` accepts them (see the header). */
  answerEarly(check: ActivityCheck, logger: AppLogger): void {
    this.#early = { check, logger };
  }

  /** Takes no more activities (503) and resolves when every accepted one has been processed. */
  async stop(): Promise<void> {
    this.#stopping = true;
    while (this.#accepted.size > 0) await Promise.allSettled([...this.#accepted]);
  }

  /** The mounted route for the SDK's handler of `POST path` (registered when the app initialises). */
  route(path: string): MountedRoute {
    return {
      method: 'POST',
      path,
      handler: async (req, res) => {
        const handler = this.#handlers.get(`POST ${path}`);
        if (!handler) return send(res, 503, { error: 'the Teams app is not initialised yet' });
        if (this.#stopping) {
          res.setHeader('Retry-After', '5');
          return send(res, 503, { error: 'License Doctor is stopping; send the activity again' });
        }
        const read = await readJson(req, MAX_ACTIVITY_BYTES);
        if (!read.ok) {
          // The rest of an oversized body is not read: close the connection instead of keeping it for another request.
          if (read.status === 413) res.setHeader('Connection', 'close');
          return send(res, read.status, { error: read.error });
        }
        const headers: Record<string, string | string[]> = {};
        for (const [name, value] of Object.entries(req.headers)) if (value !== undefined) headers[name] = value;
        const early = this.#early;
        if (early && answersEarly(read.body)) {
          const auth = await early.check(headers, read.body);
          // Refused: nothing is processed (the SDK answers a refused activity the same way).
          if (!auth.success) return send(res, 401, { error: auth.error });
          send(res, 200, undefined);
          return this.#later(handler, { body: read.body, headers, token: auth.token }, early.logger);
        }
        const response = await handler({ body: read.body, headers });
        send(res, response.status, response.body);
      },
    };
  }

  /** Hands an acknowledged activity to the SDK in a work turn; its failure is logged (type and id only). */
  #later(handler: HttpRouteHandler, request: { body: Record<string, unknown>; headers: Record<string, string | string[]>; token: IToken }, logger: AppLogger): void {
    const activity = { type: field(request.body.type), id: field(request.body.id) };
    const processing = (async () => {
      await takeTurn('work');
      const response = await handler(request);
      if (response.status >= 400) logger.error({ activity, status: response.status }, 'a Teams activity failed after it was acknowledged');
    })().catch((err: unknown) => logger.error({ err, activity }, 'a Teams activity failed after it was acknowledged'));
    this.#accepted.add(processing);
    void processing.finally(() => this.#accepted.delete(processing));
  }
}

/**
 * The SDK's own check of an activity: `authorize` of the App's HttpServer (`app.server`), which its `handleRequest`
 * runs before processing (the Bot Framework JWT, or the pass of the unauthenticated mode). It is protected in the SDK's
 * typings, so it is looked up here and its absence (an SDK update) fails start-up instead of skipping the check.
 */
export function sdkActivityCheck(server: object): ActivityCheck {
  const authorize: unknown = (server as { authorize?: unknown }).authorize;
  if (typeof authorize !== 'function') throw new Error('The Teams SDK\'s HttpServer has no authorize() any more: check src/surfaces/teams/route-adapter.ts against its handleRequest.');
  return (headers, body) => (authorize as ActivityCheck).call(server, headers, body);
}
