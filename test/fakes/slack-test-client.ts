// Plays Slack's side of the HTTP conversation in tests: builds slash commands, events, button clicks and modal
// submissions shaped as Slack sends them (form-encoded commands, `payload=<json>` interactivity, JSON events), signs
// them with the signing secret (v0 HMAC-SHA256 over `v0:<ts>:<body>`), and posts them to /slack/events.
import { createHmac, randomBytes } from 'node:crypto';
import type { FakeSlackApi, FakeView } from './fake-slack-api.ts';

export interface SlackHttpResult {
  readonly status: number;
  readonly text: string;
  /** Milliseconds until the response headers arrived (the ack). */
  readonly ms: number;
}

export interface SignOptions {
  /** Seconds since the epoch (default now). */
  readonly timestamp?: number;
  /** Replaces the computed signature (forgeries). */
  readonly signature?: string;
  /** Marks the request as Slack's redelivery number `retryNum` (X-Slack-Retry-Num). */
  readonly retryNum?: number;
}

/** Where a button is: a message (channel + ts), an ephemeral message posted through a response_url, or an open modal. */
export type ButtonPlace =
  | { readonly channel: string; readonly ts: string }
  | { readonly ephemeralIn: string; readonly blocks: readonly unknown[] }
  | { readonly viewId: string };

interface FoundButton { readonly blockId: string; readonly actionId: string; readonly value: string | undefined }

/** Finds a button by action id in a list of blocks. */
export function findButton(blocks: readonly unknown[], actionId: string): FoundButton | null {
  for (const b of blocks as Array<{ type?: string; block_id?: string; elements?: Array<{ type?: string; action_id?: string; value?: string }>; accessory?: { type?: string; action_id?: string; value?: string } }>) {
    const candidates = [...(b.elements ?? []), ...(b.accessory ? [b.accessory] : [])];
    for (const e of candidates) {
      if (e.type === 'button' && e.action_id === actionId) return { blockId: b.block_id ?? '', actionId, value: e.value };
    }
  }
  return null;
}

export class SlackTestClient {
  readonly eventsUrl: string;
  private readonly signingSecret: string;
  private readonly fake: FakeSlackApi;
  private readonly transport: 'http' | 'socket';
  /** The last HTTP request exactly as sent (body and signed headers), for replays. */
  private last: { readonly body: string; readonly headers: Record<string, string> } | null = null;

  /** `transport: 'socket'` delivers everything as Socket Mode envelopes over the fake's WebSocket instead of HTTP. */
  constructor(options: { eventsUrl: string; signingSecret: string; fake: FakeSlackApi; transport?: 'http' | 'socket' }) {
    this.eventsUrl = options.eventsUrl;
    this.signingSecret = options.signingSecret;
    this.fake = options.fake;
    this.transport = options.transport ?? 'http';
  }

  /** The two headers Slack signs every request with. */
  sign(body: string, options: SignOptions = {}): Record<string, string> {
    const ts = options.timestamp ?? Math.floor(Date.now() / 1000);
    const signature = options.signature ?? `v0=${createHmac('sha256', this.signingSecret).update(`v0:${ts}:${body}`).digest('hex')}`;
    return { 'X-Slack-Request-Timestamp': String(ts), 'X-Slack-Signature': signature };
  }

  /** Posts a raw body to /slack/events. */
  async post(body: string, contentType: string, options: SignOptions = {}): Promise<SlackHttpResult> {
    const started = performance.now();
    const retry = options.retryNum ? { 'X-Slack-Retry-Num': String(options.retryNum), 'X-Slack-Retry-Reason': 'http_timeout' } : {};
    const headers = { 'Content-Type': contentType, ...this.sign(body, options), ...retry };
    this.last = { body, headers };
    const res = await fetch(this.eventsUrl, { method: 'POST', headers, body });
    const ms = performance.now() - started;
    return { status: res.status, text: await res.text(), ms };
  }

  /** Sends the last HTTP request again, byte for byte with its signature (an attacker's replay); `retryNum` marks it as
   *  Slack's redelivery instead; `to` sends it to another instance's /slack/events. */
  async replayLast(retryNum?: number, to: string = this.eventsUrl): Promise<SlackHttpResult> {
    if (!this.last) throw new Error('nothing was sent yet');
    const started = performance.now();
    const retry = retryNum ? { 'X-Slack-Retry-Num': String(retryNum), 'X-Slack-Retry-Reason': 'http_timeout' } : {};
    const res = await fetch(to, { method: 'POST', headers: { ...this.last.headers, ...retry }, body: this.last.body });
    return { status: res.status, text: await res.text(), ms: performance.now() - started };
  }

  /** Slack's redelivery of the last request as Slack sends it: the same body, signed anew (a later timestamp), marked
   *  `retryNum` (0: unmarked), to `to` (another instance's /slack/events). */
  async redeliverLast(retryNum: number, to: string = this.eventsUrl): Promise<SlackHttpResult> {
    if (!this.last) throw new Error('nothing was sent yet');
    const started = performance.now();
    const timestamp = Number(this.last.headers['X-Slack-Request-Timestamp']) + 1;
    const retry = retryNum > 0 ? { 'X-Slack-Retry-Num': String(retryNum), 'X-Slack-Retry-Reason': 'http_timeout' } : {};
    const headers = { 'Content-Type': this.last.headers['Content-Type'] ?? 'application/json', ...this.sign(this.last.body, { timestamp }), ...retry };
    const res = await fetch(to, { method: 'POST', headers, body: this.last.body });
    return { status: res.status, text: await res.text(), ms: performance.now() - started };
  }

  /** A slash command as Slack posts it (application/x-www-form-urlencoded). */
  slashCommand(userId: string, text: string, channelId: string, options: SignOptions & { command?: string } = {}): Promise<SlackHttpResult> {
    const body = this.slashCommandBody(userId, text, channelId, options.command);
    if (this.transport === 'socket') return this.overSocket('slash_commands', Object.fromEntries(new URLSearchParams(body)));
    return this.post(body, 'application/x-www-form-urlencoded', options);
  }

  /** Delivers a Socket Mode envelope; the acknowledgement's payload plays the HTTP response body. */
  private async overSocket(type: 'slash_commands' | 'interactive' | 'events_api', payload: Record<string, unknown>): Promise<SlackHttpResult> {
    const started = performance.now();
    const ack = await this.fake.socket.envelope(type, payload);
    return { status: 200, text: Object.keys(ack).length > 0 ? JSON.stringify(ack) : '', ms: performance.now() - started };
  }

  /** The form body of a slash command (for load generators that bring their own HTTP client). */
  slashCommandBody(userId: string, text: string, channelId: string, command = '/license-doctor'): string {
    return new URLSearchParams({
      token: 'legacy-verification-token',
      team_id: this.fake.teamId,
      team_domain: 'contoso',
      channel_id: channelId,
      channel_name: this.fake.channels.get(channelId)?.name ?? 'directmessage',
      user_id: userId,
      user_name: this.fake.users.get(userId)?.name ?? userId,
      command,
      text,
      api_app_id: 'A0LICDOC',
      is_enterprise_install: 'false',
      response_url: this.fake.newResponseUrl(),
      trigger_id: this.triggerId(),
    }).toString();
  }

  /** An Events API callback wrapping `event`. */
  event(event: Record<string, unknown>, options: SignOptions = {}): Promise<SlackHttpResult> {
    const callback = {
      token: 'legacy-verification-token',
      team_id: this.fake.teamId,
      api_app_id: 'A0LICDOC',
      event: { event_ts: event.ts, ...event },
      type: 'event_callback',
      event_id: `Ev${randomBytes(5).toString('hex').toUpperCase()}`,
      event_time: Math.floor(Date.now() / 1000),
      authorizations: [{ team_id: this.fake.teamId, user_id: this.fake.botUserId, is_bot: true, is_enterprise_install: false }],
    };
    if (this.transport === 'socket') return this.overSocket('events_api', callback);
    return this.post(JSON.stringify(callback), 'application/json', options);
  }

  /** Clicks the button `actionId` in a message or modal as `userId` (block_actions). */
  async click(userId: string, place: ButtonPlace, actionId: string, options: SignOptions = {}): Promise<SlackHttpResult> {
    const payload: Record<string, unknown> = {
      type: 'block_actions',
      user: { id: userId, username: this.fake.users.get(userId)?.name ?? userId, name: this.fake.users.get(userId)?.name ?? userId, team_id: this.fake.teamId },
      api_app_id: 'A0LICDOC',
      token: 'legacy-verification-token',
      team: { id: this.fake.teamId, domain: 'contoso' },
      trigger_id: this.triggerId(),
      response_url: this.fake.newResponseUrl(),
      is_enterprise_install: false,
    };
    let blocks: unknown[];
    if ('viewId' in place) {
      const view = this.view(place.viewId);
      blocks = (view.view.blocks as unknown[]) ?? [];
      Object.assign(payload, { container: { type: 'view', view_id: view.id }, view: this.viewOutput(view, {}) });
    } else if ('ephemeralIn' in place) {
      blocks = [...place.blocks];
      Object.assign(payload, {
        container: { type: 'message', message_ts: `${Date.now() / 1000}`, channel_id: place.ephemeralIn, is_ephemeral: true },
        channel: { id: place.ephemeralIn, name: this.fake.channels.get(place.ephemeralIn)?.name ?? 'directmessage' },
      });
    } else {
      const message = this.fake.message(place.channel, place.ts);
      if (!message) throw new Error(`no message ${place.channel}/${place.ts}`);
      blocks = message.blocks;
      Object.assign(payload, {
        container: { type: 'message', message_ts: message.ts, channel_id: message.channel, is_ephemeral: false },
        channel: { id: message.channel, name: this.fake.channels.get(message.channel)?.name ?? 'directmessage' },
        message: { type: 'message', ts: message.ts, text: message.text, blocks: message.blocks, user: this.fake.botUserId, ...(message.threadTs ? { thread_ts: message.threadTs } : {}) },
      });
    }
    const button = findButton(blocks, actionId);
    if (!button) throw new Error(`no button ${actionId} in ${JSON.stringify(place)}`);
    payload.actions = [{ type: 'button', action_id: button.actionId, block_id: button.blockId, text: { type: 'plain_text', text: actionId }, ...(button.value !== undefined ? { value: button.value } : {}), action_ts: `${Date.now() / 1000}` }];
    return this.interactive(payload, options);
  }

  /** Submits an open modal with input values: { blockId: { actionId: { type, value | selected_options } } }. */
  async submit(userId: string, viewId: string, values: Record<string, Record<string, Record<string, unknown>>>, options: SignOptions = {}): Promise<SlackHttpResult> {
    const view = this.view(viewId);
    const result = await this.interactive({
      type: 'view_submission',
      team: { id: this.fake.teamId, domain: 'contoso' },
      user: { id: userId, username: userId, name: userId, team_id: this.fake.teamId },
      api_app_id: 'A0LICDOC',
      token: 'legacy-verification-token',
      trigger_id: this.triggerId(),
      view: this.viewOutput(view, values),
      response_urls: [],
      is_enterprise_install: false,
    }, options);
    // As in Slack, `response_action: update` replaces the open modal.
    const ack = result.text.trim().startsWith('{') ? (JSON.parse(result.text) as { response_action?: string; view?: Record<string, unknown> }) : null;
    if (ack?.response_action === 'update' && ack.view) view.view = ack.view;
    return result;
  }

  private async interactive(payload: Record<string, unknown>, options: SignOptions): Promise<SlackHttpResult> {
    const result = this.transport === 'socket'
      ? await this.overSocket('interactive', payload)
      : await this.post(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), 'application/x-www-form-urlencoded', options);
    if (result.text.trim().startsWith('{')) {
      const body = JSON.parse(result.text) as { response_action?: string; view?: Record<string, unknown> };
      if (body.view) this.fake.acks.push({ source: `ack:${body.response_action ?? ''}`, kind: 'modal', payload: body.view });
    }
    return result;
  }

  private view(viewId: string): FakeView {
    const view = this.fake.views.get(viewId);
    if (!view) throw new Error(`no view ${viewId}`);
    return view;
  }

  private viewOutput(view: FakeView, values: Record<string, unknown>): Record<string, unknown> {
    return {
      ...view.view, id: view.id, hash: view.hash, team_id: this.fake.teamId, app_id: 'A0LICDOC', bot_id: 'B0LDBOT',
      type: 'modal', root_view_id: view.id, previous_view_id: null, clear_on_close: false, notify_on_close: false,
      private_metadata: view.view.private_metadata ?? '', callback_id: view.view.callback_id ?? '', state: { values },
    };
  }

  private triggerId(): string {
    return `${Date.now()}.${randomBytes(4).readUInt32BE()}.${randomBytes(8).toString('hex')}`;
  }
}
