// Posts and updates cards outside a turn (approval cards, progress updates from any instance) through the Bot
// Connector API of the conversation's service URL, with the SDK's API client (and its bot token when credentials
// are configured).
import type { Client as ApiClient } from '@microsoft/teams.api';
import type { IAdaptiveCard } from '@microsoft/teams.cards';
import { LicenseDoctorError } from '../../core/errors.ts';

export interface TeamsConversation {
  readonly serviceUrl: string;
  readonly conversationId: string;
}

export interface TeamsMember {
  /** The MRI (29:...), what refresh.userIds lists. */
  readonly id: string;
  readonly aadObjectId: string | null;
}

export interface TeamsSender {
  /** Posts `card` as a new message; returns its activity id. */
  postCard(to: TeamsConversation, card: IAdaptiveCard, summary: string): Promise<string>;
  /** Replaces the card of message `activityId`. */
  updateCard(to: TeamsConversation, activityId: string, card: IAdaptiveCard, summary: string): Promise<void>;
  /** Posts a plain message. */
  postText(to: TeamsConversation, text: string): Promise<void>;
  /** The conversation's members. */
  members(to: TeamsConversation): Promise<TeamsMember[]>;
}

/** The message activity that carries `card`. */
export function cardMessage(card: IAdaptiveCard, summary: string) {
  return { type: 'message' as const, summary, attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive' as const, content: card }] };
}

/** Teams refused us (credentials, the bot not installed there, no such conversation): the setup needs fixing. */
const REFUSALS = new Set([401, 403, 404]);

function toTeamsError(err: unknown, operation: string, to: TeamsConversation): LicenseDoctorError {
  const status = (err as { response?: { status?: unknown } }).response?.status;
  const details = { vendor: 'teams' as const, operation, ...(typeof status === 'number' ? { status } : {}), vendorMessage: err instanceof Error ? err.message : String(err) };
  if (typeof status === 'number' && REFUSALS.has(status)) {
    return new LicenseDoctorError(
      'configuration',
      `Teams refused to ${operation} in conversation ${to.conversationId} (HTTP ${status}): check that the bot is installed there and its credentials are valid.`,
      details,
      { cause: err },
    );
  }
  // No answer at all (network, timeout) or a failing service (429, 5xx): nothing to fix on our side, try again later.
  return new LicenseDoctorError(
    'unavailable',
    `Teams could not be reached to ${operation} in conversation ${to.conversationId}${typeof status === 'number' ? ` (HTTP ${status})` : ''}: try again in a moment.`,
    details,
    { cause: err },
  );
}

/** A sender on the SDK's API client (`app.api`). */
export function createTeamsSender(api: ApiClient): TeamsSender {
  const client = (to: TeamsConversation) => api.clone({ serviceUrl: to.serviceUrl.replace(/\/+$/, '') });
  const attempt = async <T>(operation: string, to: TeamsConversation, work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (err) {
      throw toTeamsError(err, operation, to);
    }
  };
  return {
    postCard: (to, card, summary) => attempt('post a card', to, async () => {
      const res = await client(to).conversations.activities(to.conversationId).create(cardMessage(card, summary));
      return res.id;
    }),
    updateCard: (to, activityId, card, summary) => attempt('update a card', to, async () => {
      await client(to).conversations.activities(to.conversationId).update(activityId, cardMessage(card, summary));
    }),
    postText: (to, text) => attempt('post a message', to, async () => {
      await client(to).conversations.activities(to.conversationId).create({ type: 'message', text });
    }),
    members: (to) => attempt('list members', to, async () => {
      const members = await client(to).conversations.getMembers(to.conversationId);
      return members.map((m) => ({ id: m.id, aadObjectId: m.aadObjectId ?? null }));
    }),
  };
}
