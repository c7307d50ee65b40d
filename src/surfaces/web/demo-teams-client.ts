// The demo page's Teams client: sends a persona's messages and clicks to the bot's messaging endpoint (POST
// /api/messages on this server, the Teams surface's own code path) as Bot Framework activities whose serviceUrl is
// the demo connector, and reads the invoke response the way Teams does (a card replaces the clicked card, a message
// is shown as a toast).
import type { AppLogger } from '../../app/app-logger.ts';
import { LicenseDoctorError } from '../../core/errors.ts';
import { installActivity, invokeActivity, messageActivity, type ActivityPlace } from './demo-activity.ts';
import type { DemoConversations } from './demo-conversations.ts';
import { demoPersonas, type DemoPersona } from './demo-personas.ts';
import type { DemoPlaces } from './demo-places.ts';

/** What a click comes back with. */
export type InvokeAnswer =
  | { readonly kind: 'card'; readonly card: Readonly<Record<string, unknown>> }
  | { readonly kind: 'message'; readonly text: string }
  | { readonly kind: 'error'; readonly message: string };

export interface DemoClick {
  readonly replyToId: string;
  readonly verb: string;
  readonly data: Readonly<Record<string, unknown>>;
  readonly trigger: 'manual' | 'automatic';
}

export interface DemoTeamsClientOptions {
  readonly conversations: DemoConversations;
  readonly places: DemoPlaces;
  readonly messagingPath: string;
  readonly connectorPath: string;
  readonly logger: AppLogger;
  readonly now?: () => Date;
}

/** The bot may read Graph and Okta before it answers; a minute covers a slow sandbox under load. */
const BOT_TIMEOUT_MS = 60_000;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Teams' reading of an invoke response body `{ statusCode, type, value }`. */
export function invokeAnswer(status: number, body: unknown): InvokeAnswer {
  if (status !== 200 || !isRecord(body)) return { kind: 'error', message: `License Doctor answered HTTP ${status}; try again.` };
  const { type, value } = body;
  if (type === 'application/vnd.microsoft.card.adaptive' && isRecord(value)) return { kind: 'card', card: value };
  if (type === 'application/vnd.microsoft.activity.message' && typeof value === 'string') return { kind: 'message', text: value };
  if (type === 'application/vnd.microsoft.error' && isRecord(value) && typeof value.message === 'string') return { kind: 'error', message: value.message };
  return { kind: 'error', message: 'License Doctor did not answer this click with a card or a message.' };
}

export class DemoTeamsClient {
  readonly #options: DemoTeamsClientOptions;
  readonly #now: () => Date;
  #serverUrl: string | null = null;

  constructor(options: DemoTeamsClientOptions) {
    this.#options = options;
    this.#now = options.now ?? (() => new Date());
  }

  /** Points the client at the running server (its own URL: the bot and the connector both live there). */
  connect(serverUrl: string): void {
    // The server listens on every interface or on loopback; "localhost" may resolve to ::1 where it does not listen.
    const url = new URL(serverUrl);
    if (url.hostname === 'localhost') url.hostname = '127.0.0.1';
    this.#serverUrl = url.origin;
  }

  /** The serviceUrl the activities carry. */
  get serviceUrl(): string {
    return `${this.#server()}${this.#options.connectorPath}`;
  }

  /** `persona` types `text` in their personal chat: it is shown, then sent to the bot. */
  async send(persona: DemoPersona, text: string): Promise<void> {
    const conversationId = this.#options.places.personal(persona.key);
    this.#options.conversations.post(conversationId, { kind: 'person', id: persona.teamsId, name: persona.name }, { text, cards: [] });
    const { status } = await this.#post(messageActivity(persona, { conversationId, kind: 'personal' }, this.serviceUrl, text, this.#now()));
    if (status < 200 || status >= 300) {
      throw new LicenseDoctorError('configuration', `License Doctor did not take the message (HTTP ${status}); see the server log.`, { status });
    }
  }

  /** `persona` clicks an Action.Execute in conversation `conversationId` (or their client refreshes a card). */
  async invoke(persona: DemoPersona, conversationId: string, click: DemoClick): Promise<InvokeAnswer> {
    const place: ActivityPlace = conversationId === this.#options.places.approvals || conversationId === this.#options.places.alerts
      ? { conversationId, kind: 'channel', threadRoot: click.replyToId }
      : { conversationId, kind: 'personal' };
    const { status, body } = await this.#post(invokeActivity(persona, place, this.serviceUrl, click, this.#now()));
    const answer = invokeAnswer(status, body);
    if (answer.kind === 'error') this.#options.logger.warn({ status, verb: click.verb, persona: persona.key }, 'the bot did not answer a demo click with a card or a message');
    return answer;
  }

  /** Adds the bot to the approvals and alerts channels and to every persona's personal chat (each answers with its greeting). */
  async install(): Promise<void> {
    const personas = demoPersonas();
    const installer = personas.find((p) => p.key === 'approver') ?? personas[0];
    const places: [DemoPersona, ActivityPlace][] = [
      ...(installer ? [[installer, { conversationId: this.#options.places.approvals, kind: 'channel' }] as [DemoPersona, ActivityPlace]] : []),
      ...(installer ? [[installer, { conversationId: this.#options.places.alerts, kind: 'channel' }] as [DemoPersona, ActivityPlace]] : []),
      ...personas.map((p): [DemoPersona, ActivityPlace] => [p, { conversationId: this.#options.places.personal(p.key), kind: 'personal' }]),
    ];
    for (const [persona, place] of places) {
      const { status } = await this.#post(installActivity(persona, place, this.serviceUrl, this.#now()));
      if (status < 200 || status >= 300) this.#options.logger.warn({ status, conversationId: place.conversationId }, 'the bot did not take the demo\'s installation activity');
    }
  }

  #server(): string {
    if (!this.#serverUrl) throw new LicenseDoctorError('configuration', 'The demo page is not connected to the server yet: wait for start-up to finish, then reload.');
    return this.#serverUrl;
  }

  async #post(activity: Record<string, unknown>): Promise<{ status: number; body: unknown }> {
    const res = await fetch(`${this.#server()}${this.#options.messagingPath}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(activity),
      signal: AbortSignal.timeout(BOT_TIMEOUT_MS),
    });
    if (res.status === 401) {
      throw new LicenseDoctorError(
        'configuration',
        'The Teams surface requires Bot Framework tokens (TEAMS_CLIENT_ID and TEAMS_CLIENT_SECRET are set), so the demo page cannot talk to it: unset them to use the demo.',
        { status: 401 },
      );
    }
    const text = await res.text();
    let body: unknown = null;
    try {
      body = text === '' ? null : (JSON.parse(text) as unknown);
    } catch {
      body = text;
    }
    return { status: res.status, body };
  }
}
