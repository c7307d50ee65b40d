// Plays the Teams service in tests: builds the activity JSON Teams sends (messages, Action.Execute invokes,
// Action.Submit fallbacks, installation) for the sandbox personas and POSTs it to the bot's /api/messages, with the
// fake connector as serviceUrl. Cards in invoke responses are validated like the cards the connector receives.
import { randomUUID } from 'node:crypto';
import { SANDBOX_TENANT_ID, seededEntraId } from '../../src/sandbox/seed.ts';
import { adaptiveCardProblems } from './validate-adaptive-card.ts';

export interface TeamsUser {
  /** The MRI, as Teams sends it in `from.id`. */
  readonly id: string;
  readonly name: string;
  readonly aadObjectId: string;
}

/** The sandbox personas as Teams users (src/sandbox/seed.ts PERSONAS). */
export const TEAMS_USERS = {
  agent: { id: '29:allan-deyoung', name: 'Allan Deyoung', aadObjectId: seededEntraId(20) },
  approver: { id: '29:patti-fernandez', name: 'Patti Fernandez', aadObjectId: seededEntraId(21) },
  secondApprover: { id: '29:christie-cline', name: 'Christie Cline', aadObjectId: seededEntraId(22) },
  nonApprover: { id: '29:debra-berger', name: 'Debra Berger', aadObjectId: seededEntraId(23) },
} as const satisfies Record<string, TeamsUser>;

const TEAMS_BOT = { id: '28:license-doctor-bot', name: 'License Doctor' } as const;

/** Where an activity happens. */
export interface TeamsPlace {
  readonly conversationId: string;
  readonly conversationType: 'personal' | 'groupChat' | 'channel';
  readonly channelId?: string;
}

/** The personal chat between `user` and the bot. */
export const personalChat = (user: TeamsUser): TeamsPlace => ({ conversationId: `a:personal-${user.id.slice(3)}`, conversationType: 'personal' });

/** A team channel (activities in a channel thread carry ;messageid= in the conversation id). */
export const channel = (channelId: string, threadId?: string): TeamsPlace => ({
  conversationId: threadId ? `${channelId};messageid=${threadId}` : channelId, conversationType: 'channel', channelId,
});

export interface PostResult {
  readonly status: number;
  readonly body: unknown;
}

export class TeamsClient {
  /** Every problem found in a card the bot returned in an invoke response (tests expect none). */
  readonly cardProblems: string[] = [];
  readonly #appUrl: string;
  readonly #serviceUrl: string;
  readonly #headers: Record<string, string>;

  constructor(appUrl: string, serviceUrl: string, headers: Record<string, string> = {}) {
    this.#appUrl = appUrl;
    this.#serviceUrl = serviceUrl;
    this.#headers = headers;
  }

  /** The fields every activity has. */
  envelope(from: TeamsUser, place: TeamsPlace): Record<string, unknown> {
    return {
      id: randomUUID(),
      channelId: 'msteams',
      serviceUrl: this.#serviceUrl,
      timestamp: new Date().toISOString(),
      from: { id: from.id, name: from.name, aadObjectId: from.aadObjectId },
      recipient: { id: TEAMS_BOT.id, name: TEAMS_BOT.name },
      conversation: { id: place.conversationId, conversationType: place.conversationType, tenantId: SANDBOX_TENANT_ID, isGroup: place.conversationType !== 'personal' },
      channelData: {
        tenant: { id: SANDBOX_TENANT_ID },
        ...(place.channelId ? { channel: { id: place.channelId }, team: { id: place.channelId } } : {}),
      },
      locale: 'en-US',
    };
  }

  /** POSTs `activity` to /api/messages; a card in the invoke response is validated (see cardProblems). */
  async post(activity: Record<string, unknown>, headers: Record<string, string> = {}): Promise<PostResult> {
    const res = await fetch(`${this.#appUrl}/api/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...this.#headers, ...headers },
      body: JSON.stringify(activity),
    });
    const text = await res.text();
    const body = text === '' ? null : (JSON.parse(text) as unknown);
    const response = body as { type?: unknown; value?: unknown } | null;
    if (response?.type === 'application/vnd.microsoft.card.adaptive') {
      for (const problem of adaptiveCardProblems(response.value)) this.cardProblems.push(`invoke response to ${String(activity.type)}: ${problem}`);
    }
    return { status: res.status, body };
  }

  /** A typed message (in a channel or group chat, with the bot's @mention as Teams sends it). */
  message(from: TeamsUser, text: string, place: TeamsPlace = personalChat(from)): Promise<PostResult> {
    const mention = place.conversationType === 'personal' ? '' : `<at>${TEAMS_BOT.name}</at> `;
    return this.post({
      ...this.envelope(from, place),
      type: 'message',
      text: `${mention}${text}`,
      textFormat: 'plain',
      ...(mention ? { entities: [{ type: 'mention', text: `<at>${TEAMS_BOT.name}</at>`, mentioned: { id: TEAMS_BOT.id, name: TEAMS_BOT.name } }] } : {}),
    });
  }

  /** An Action.Execute click: the adaptiveCard/action invoke on the card of message `replyToId`. */
  execute(from: TeamsUser, verb: string, data: Record<string, unknown>, place: TeamsPlace, replyToId: string | null, trigger: 'manual' | 'automatic' = 'manual'): Promise<PostResult> {
    return this.post({
      ...this.envelope(from, place),
      type: 'invoke',
      name: 'adaptiveCard/action',
      ...(replyToId ? { replyToId } : {}),
      value: { action: { type: 'Action.Execute', verb, data }, trigger },
    });
  }

  /** An Action.Submit click (clients without Universal Actions): a message whose value is the action's data. */
  submit(from: TeamsUser, data: Record<string, unknown>, place: TeamsPlace, replyToId: string): Promise<PostResult> {
    return this.post({ ...this.envelope(from, place), type: 'message', replyToId, value: data });
  }

  /** The bot was added to `place` by `by`. */
  install(by: TeamsUser, place: TeamsPlace): Promise<PostResult> {
    return this.post({ ...this.envelope(by, place), type: 'installationUpdate', action: 'add' });
  }
}

/** The invoke response body's card, or throws with what came back instead. */
export function invokeCard(result: PostResult): Record<string, unknown> {
  const body = result.body as { statusCode?: number; type?: string; value?: unknown } | null;
  if (result.status !== 200 || body?.type !== 'application/vnd.microsoft.card.adaptive' || typeof body.value !== 'object' || body.value === null) {
    throw new Error(`expected an invoke response with a card, got HTTP ${result.status}: ${JSON.stringify(result.body)}`);
  }
  return body.value as Record<string, unknown>;
}

/** The invoke response body's message, or throws with what came back instead. */
export function invokeMessage(result: PostResult): string {
  const body = result.body as { statusCode?: number; type?: string; value?: unknown } | null;
  if (result.status !== 200 || body?.type !== 'application/vnd.microsoft.activity.message' || typeof body.value !== 'string') {
    throw new Error(`expected an invoke response with a message, got HTTP ${result.status}: ${JSON.stringify(result.body).slice(0, 500)}`);
  }
  return body.value;
}
