// A local Slack Web API for tests: a real HTTP server answering the methods License Doctor and Bolt call, with
// Slack-shaped JSON (ok/error envelopes, channel and ts, views with ids and hashes), recording every call (method,
// parsed body, Authorization header) and every response_url post. Users (Slack id → email) and channels are
// configured; messages and views are kept so tests can read the current card and click its buttons.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FakeSlackSocket } from './fake-slack-socket.ts';
import type { FakeMessage, FakeSlackChannel, FakeSlackOptions, FakeSlackUser, FakeView, ResponseUrlPost, SentPayload, SlackCall } from './fake-slack-types.ts';

export type { FakeMessage, FakeSlackChannel, FakeSlackOptions, FakeSlackUser, FakeView, ResponseUrlPost, SentPayload, SlackCall } from './fake-slack-types.ts';

const JSON_FIELDS = new Set(['blocks', 'view', 'attachments', 'metadata']);

async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if ((req.headers['content-type'] ?? '').includes('application/json')) return text ? (JSON.parse(text) as Record<string, unknown>) : {};
  const body: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(text)) body[key] = JSON_FIELDS.has(key) ? JSON.parse(value) : value;
  return body;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v));

export class FakeSlackApi {
  readonly calls: SlackCall[] = [];
  readonly responses: ResponseUrlPost[] = [];
  /** Bodies the app returned in HTTP acks (view_submission response_action), added by the test client. */
  readonly acks: SentPayload[] = [];
  readonly messages = new Map<string, FakeMessage>();
  readonly views = new Map<string, FakeView>();
  readonly users: Map<string, FakeSlackUser>;
  readonly channels: Map<string, FakeSlackChannel>;
  readonly botUserId: string;
  readonly teamId: string;
  /** Socket Mode: the WebSocket apps.connections.open hands out (with the app token). */
  readonly socket = new FakeSlackSocket();
  private readonly options: FakeSlackOptions;
  private readonly failures: Array<{ method: string; error: string; times: number; channel?: string }> = [];
  private readonly holds = new Map<string, Promise<void>>();
  private readonly server: Server;
  private seq = 0;
  base = '';

  private constructor(options: FakeSlackOptions) {
    this.options = options;
    this.users = new Map(options.users.map((u) => [u.id, u]));
    this.channels = new Map(options.channels.map((c) => [c.id, c]));
    this.botUserId = options.botUserId ?? 'U0LDBOT';
    this.teamId = options.teamId ?? 'T0CONTOSO';
    this.server = createServer((req, res) => {
      void this.handle(req, res).catch((err: unknown) => {
        res.writeHead(500, { 'Content-Type': 'text/plain' });
        res.end(String(err));
      });
    });
  }

  /** Starts a fake on an ephemeral loopback port. */
  static async start(options: FakeSlackOptions): Promise<FakeSlackApi> {
    const fake = new FakeSlackApi(options);
    fake.socket.attach(fake.server, '/socket');
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    fake.base = `http://127.0.0.1:${(fake.server.address() as AddressInfo).port}`;
    return fake;
  }

  /** The Web API base URL (SLACK_API_URL), with the trailing slash the client expects. */
  get apiUrl(): string {
    return `${this.base}/api/`;
  }

  /** The id of a user's DM with the bot (U0AGENT → D0AGENT). */
  static dmChannel(userId: string): string {
    return `D${userId.slice(1)}`;
  }

  /** A fresh response_url served by this fake. */
  newResponseUrl(): string {
    return `${this.base}/response/${++this.seq}`;
  }

  /** Makes the next `times` calls of `method` (about `channel`, when given) answer `{ ok: false, error }`. */
  fail(method: string, error: string, times = 1, channel?: string): void {
    this.failures.push({ method, error, times, ...(channel ? { channel } : {}) });
  }

  /** Holds the answers to `method` (the calls are recorded as they come) until the returned function is called. */
  hold(method: string): () => void {
    let release!: () => void;
    this.holds.set(method, new Promise<void>((resolve) => (release = resolve)));
    return () => {
      this.holds.delete(method);
      release();
    };
  }

  callsTo(method: string): SlackCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** The current state of a message. */
  message(channel: string, ts: string): FakeMessage | undefined {
    return this.messages.get(`${channel}/${ts}`);
  }

  /** Messages in a channel (optionally in one thread), oldest first. */
  messagesIn(channel: string, threadTs?: string): FakeMessage[] {
    return [...this.messages.values()].filter((m) => m.channel === channel && (threadTs === undefined || m.threadTs === threadTs));
  }

  /** Every Block Kit payload the app sent: messages, updates, ephemeral replies, views, response_url posts, acks. */
  sentPayloads(): SentPayload[] {
    const out: SentPayload[] = [];
    for (const c of this.calls) {
      if (c.method.startsWith('views.') && typeof c.body.view === 'object' && c.body.view) out.push({ source: c.method, kind: 'modal', payload: c.body.view as Record<string, unknown> });
      else if (c.method.startsWith('chat.')) out.push({ source: c.method, kind: 'message', payload: c.body });
    }
    for (const r of this.responses) out.push({ source: 'response_url', kind: 'message', payload: r.body });
    return [...out, ...this.acks];
  }

  /** Polls until `find` returns something truthy (the app works asynchronously after its ack). */
  async waitFor<T>(find: () => T | null | undefined | false, what: string, timeoutMs = 8_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = find();
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; Slack calls so far: ${this.calls.map((c) => c.method).join(', ')}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  close(): Promise<void> {
    this.socket.close();
    return new Promise((resolve) => {
      this.server.closeAllConnections();
      this.server.close(() => resolve());
    });
  }

  private nextTs(): string {
    this.seq += 1;
    return `1764230400.${String(this.seq).padStart(6, '0')}`;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const body = await readBody(req);
    const send = (payload: Record<string, unknown>) => {
      res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(payload));
    };
    if (path.startsWith('/response/')) {
      this.responses.push({ id: path.slice('/response/'.length), body });
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      res.end('ok');
      return;
    }
    if (!path.startsWith('/api/')) {
      res.writeHead(404).end();
      return;
    }
    const method = path.slice('/api/'.length);
    const authorization = req.headers.authorization ?? null;
    this.calls.push({ method, body, authorization, at: performance.now() });
    const failure = this.failures.find((f) => f.method === method && f.times > 0 && (f.channel === undefined || f.channel === body.channel));
    if (failure) {
      failure.times -= 1;
      return send({ ok: false, error: failure.error });
    }
    await this.holds.get(method);
    const token = method === 'apps.connections.open' ? this.options.appToken : this.options.botToken;
    if (authorization !== `Bearer ${token}`) return send({ ok: false, error: authorization ? 'invalid_auth' : 'not_authed' });
    send(this.answer(method, body));
  }

  private answer(method: string, body: Record<string, unknown>): Record<string, unknown> {
    switch (method) {
      case 'auth.test':
        return { ok: true, url: 'https://contoso.slack.com/', team: 'Contoso', user: 'license-doctor', team_id: this.teamId, user_id: this.botUserId, bot_id: 'B0LDBOT' };
      case 'users.info': {
        const u = this.users.get(str(body.user));
        if (!u) return { ok: false, error: 'user_not_found' };
        const name = u.name ?? u.id;
        return {
          ok: true,
          user: { id: u.id, team_id: this.teamId, name, real_name: name, deleted: u.deleted ?? false, is_bot: u.isBot ?? false, profile: { real_name: name, display_name: name, ...(u.email ? { email: u.email } : {}) } },
        };
      }
      case 'users.lookupByEmail': {
        const email = str(body.email).toLowerCase();
        const u = [...this.users.values()].find((x) => x.email?.toLowerCase() === email);
        return u ? { ok: true, user: { id: u.id, team_id: this.teamId, name: u.name ?? u.id, profile: { email: u.email } } } : { ok: false, error: 'users_not_found' };
      }
      case 'conversations.info': {
        const c = this.channels.get(str(body.channel));
        if (!c) return { ok: false, error: 'channel_not_found' };
        return { ok: true, channel: { id: c.id, name: c.name, is_channel: !c.isPrivate, is_group: false, is_private: c.isPrivate ?? false, is_archived: c.isArchived ?? false, is_member: c.isMember } };
      }
      case 'chat.postMessage':
        return this.post(body);
      case 'chat.update': {
        const m = this.message(str(body.channel), str(body.ts));
        if (!m) return { ok: false, error: 'message_not_found' };
        const updated: FakeMessage = { ...m, text: str(body.text), blocks: Array.isArray(body.blocks) ? body.blocks : [], updates: m.updates + 1 };
        this.messages.set(`${m.channel}/${m.ts}`, updated);
        return { ok: true, channel: m.channel, ts: m.ts, text: updated.text, message: { text: updated.text, blocks: updated.blocks } };
      }
      case 'chat.postEphemeral': {
        const c = this.channels.get(str(body.channel));
        if (!c) return { ok: false, error: 'channel_not_found' };
        if (!c.isMember) return { ok: false, error: 'not_in_channel' };
        return { ok: true, message_ts: this.nextTs() };
      }
      case 'views.open':
      case 'views.update':
        return this.view(method, body);
      case 'apps.connections.open':
        return { ok: true, url: `${this.base.replace('http:', 'ws:')}/socket` };
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }

  private post(body: Record<string, unknown>): Record<string, unknown> {
    let channel = str(body.channel);
    if (channel.startsWith('U') || channel.startsWith('W')) {
      if (!this.users.has(channel)) return { ok: false, error: 'channel_not_found' };
      channel = FakeSlackApi.dmChannel(channel); // the user's DM with the bot
    } else if (channel.startsWith('D')) {
      if (!this.users.has(`U${channel.slice(1)}`)) return { ok: false, error: 'channel_not_found' };
    } else {
      const c = this.channels.get(channel);
      if (!c) return { ok: false, error: 'channel_not_found' };
      if (!c.isMember && c.isPrivate) return { ok: false, error: 'channel_not_found' };
      if (!c.isMember) return { ok: false, error: 'not_in_channel' };
    }
    const ts = this.nextTs();
    const threadTs = typeof body.thread_ts === 'string' ? body.thread_ts : null;
    const message: FakeMessage = { channel, ts, text: str(body.text), blocks: Array.isArray(body.blocks) ? body.blocks : [], threadTs, updates: 0 };
    this.messages.set(`${channel}/${ts}`, message);
    return { ok: true, channel, ts, message: { type: 'message', user: this.botUserId, text: message.text, ts, ...(threadTs ? { thread_ts: threadTs } : {}) } };
  }

  private view(method: string, body: Record<string, unknown>): Record<string, unknown> {
    const posted = body.view;
    if (typeof posted !== 'object' || posted === null) return { ok: false, error: 'invalid_arguments' };
    let entry: FakeView;
    if (method === 'views.open') {
      if (!str(body.trigger_id)) return { ok: false, error: 'invalid_trigger_id' };
      entry = { id: `V${String(++this.seq).padStart(8, '0')}`, hash: `h${this.seq}`, view: posted as Record<string, unknown>, user: null };
    } else {
      const existing = this.views.get(str(body.view_id));
      if (!existing) return { ok: false, error: 'not_found' };
      if (body.hash !== undefined && body.hash !== existing.hash) return { ok: false, error: 'hash_conflict' };
      entry = { ...existing, hash: `h${++this.seq}`, view: posted as Record<string, unknown> };
    }
    this.views.set(entry.id, entry);
    return { ok: true, view: { ...entry.view, id: entry.id, hash: entry.hash, team_id: this.teamId, app_id: 'A0LICDOC', bot_id: 'B0LDBOT', state: { values: {} } } };
  }
}
