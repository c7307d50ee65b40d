// A local stand-in for the Bot Framework connector a Teams activity's `serviceUrl` points at: a real HTTP server that
// records what the bot posts (POST /v3/conversations/{id}/activities), replies (POST .../activities/{id}) and updates
// (PUT .../activities/{id}), answers with ids, lists members, and validates every Adaptive Card it receives.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { adaptiveCardProblems } from './validate-adaptive-card.ts';

export type JsonObject = Record<string, unknown>;

/** One call the bot made. */
export interface ConnectorCall {
  readonly kind: 'post' | 'reply' | 'update';
  readonly conversationId: string;
  /** The id the connector gave (post, reply) or the id updated. */
  readonly activityId: string;
  /** For a reply: the activity replied to. */
  readonly replyToId: string | null;
  readonly activity: JsonObject;
  /** The Adaptive Cards in the activity's attachments. */
  readonly cards: JsonObject[];
  readonly text: string | null;
  readonly authorization: string | null;
}

/** A member as GET /v3/conversations/{id}/members returns it. */
export interface ConnectorMember {
  readonly id: string;
  readonly name: string;
  readonly aadObjectId: string;
}

type Waiter = { readonly predicate: (call: ConnectorCall) => boolean; readonly resolve: (call: ConnectorCall) => void };

const ACTIVITIES = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?\/?$/;
const MEMBERS = /^\/v3\/conversations\/([^/]+)\/members\/?$/;

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

function cardsOf(activity: JsonObject): JsonObject[] {
  const attachments = Array.isArray(activity.attachments) ? activity.attachments : [];
  return attachments.filter(isObject).filter((a) => a.contentType === 'application/vnd.microsoft.card.adaptive').map((a) => a.content).filter(isObject);
}

export class FakeTeamsConnector {
  /** Every call, in order. */
  readonly calls: ConnectorCall[] = [];
  /** Every problem found in a received card (tests expect none). */
  readonly cardProblems: string[] = [];
  readonly #server: Server;
  readonly #members = new Map<string, readonly ConnectorMember[]>();
  readonly #waiters = new Set<Waiter>();
  #stalled: { readonly held: Array<() => void>; readonly arrived: () => void } | null = null;
  #next = 1;

  private constructor(server: Server) {
    this.#server = server;
  }

  /** Starts a connector on an ephemeral loopback port. */
  static async start(): Promise<FakeTeamsConnector> {
    const server = createServer();
    const connector = new FakeTeamsConnector(server);
    server.on('request', (req, res) => {
      connector.#handle(req, res).catch((err: unknown) => {
        connector.cardProblems.push(`connector failed: ${String(err)}`);
        res.writeHead(500).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return connector;
  }

  /** The serviceUrl activities carry (with the trailing slash Teams sends). */
  get serviceUrl(): string {
    return `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}/`;
  }

  /** What GET members answers for `conversationId` (unknown conversations answer 404). */
  setMembers(conversationId: string, members: readonly ConnectorMember[]): void {
    this.#members.set(conversationId, members);
  }

  /** The first call (already made or still to come) that matches, or a rejection after `timeoutMs`. */
  waitFor(predicate: (call: ConnectorCall) => boolean, timeoutMs = 10_000, what = 'a matching connector call'): Promise<ConnectorCall> {
    const done = this.calls.find(predicate);
    if (done) return Promise.resolve(done);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        predicate,
        resolve: (call) => {
          clearTimeout(timer);
          this.#waiters.delete(waiter);
          resolve(call);
        },
      };
      const timer = setTimeout(() => {
        this.#waiters.delete(waiter);
        const seen = this.calls.map((c) => `${c.kind} ${c.conversationId} ${c.activityId}`).join('\n  ');
        reject(new Error(`timed out waiting for ${what}; calls so far:\n  ${seen}`));
      }, timeoutMs);
      this.#waiters.add(waiter);
    });
  }

  /**
   * A stalled connector: from now on every request is held unanswered (and not yet recorded) until `release()`;
   * `arrived` resolves when the first one is held.
   */
  stall(): { readonly arrived: Promise<void>; release(): void } {
    let arrived = () => {};
    const first = new Promise<void>((resolve) => (arrived = resolve));
    const stalled = { held: [] as Array<() => void>, arrived };
    this.#stalled = stalled;
    return {
      arrived: first,
      release: () => {
        if (this.#stalled === stalled) this.#stalled = null;
        for (const go of stalled.held.splice(0)) go();
      },
    };
  }

  /** Calls on one conversation. */
  callsIn(conversationId: string): ConnectorCall[] {
    return this.calls.filter((c) => c.conversationId === conversationId);
  }

  async close(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const stalled = this.#stalled;
    if (stalled) {
      stalled.arrived();
      await new Promise<void>((resolve) => stalled.held.push(resolve));
    }
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const members = MEMBERS.exec(path);
    if (req.method === 'GET' && members) {
      const list = this.#members.get(decodeURIComponent(members[1] ?? ''));
      if (!list) return json(res, 404, { error: { code: 'ConversationNotFound', message: 'Conversation not found.' } });
      return json(res, 200, list);
    }
    const match = ACTIVITIES.exec(path);
    if (!match || (req.method !== 'POST' && req.method !== 'PUT')) return json(res, 404, { error: { code: 'NotFound', message: `${req.method} ${path}` } });
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
    if (!isObject(body)) return json(res, 400, { error: { code: 'BadArgument', message: 'activity must be an object' } });
    const conversationId = decodeURIComponent(match[1] ?? '');
    const target = match[2] === undefined ? null : decodeURIComponent(match[2]);
    const kind = req.method === 'PUT' ? 'update' : target ? 'reply' : 'post';
    if (kind === 'update' && !target) return json(res, 400, { error: { code: 'BadArgument', message: 'update needs an activity id' } });
    const activityId = kind === 'update' && target ? target : `activity-${this.#next++}`;
    const cards = cardsOf(body);
    for (const card of cards) {
      for (const problem of adaptiveCardProblems(card)) this.cardProblems.push(`${kind} in ${conversationId}: ${problem}`);
    }
    const call: ConnectorCall = {
      kind, conversationId, activityId, replyToId: kind === 'reply' ? target : null, activity: body, cards,
      text: typeof body.text === 'string' ? body.text : null,
      authorization: typeof req.headers.authorization === 'string' ? req.headers.authorization : null,
    };
    this.calls.push(call);
    for (const waiter of [...this.#waiters]) if (waiter.predicate(call)) waiter.resolve(call);
    json(res, kind === 'update' ? 200 : 201, { id: activityId });
  }
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
}
