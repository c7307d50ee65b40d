// The Bot Framework activities the demo page sends as a Teams client would: a persona's message in their personal
// chat, an Action.Execute click (the `adaptiveCard/action` invoke), the bot being added to a conversation. Their
// `serviceUrl` is the demo connector, so whatever the bot sends back reaches the page.
import { randomUUID } from 'node:crypto';
import { SANDBOX_TENANT_ID } from '../../sandbox/seed.ts';
import type { DemoPersona } from './demo-personas.ts';

/** The bot as Teams addresses it (`recipient`). */
const DEMO_BOT = { id: '28:license-doctor-sandbox', name: 'License Doctor' } as const;

/** A conversation as an activity names it. */
export interface ActivityPlace {
  readonly conversationId: string;
  readonly kind: 'personal' | 'channel';
  /** Channel posts: the message the activity belongs to (Teams adds `;messageid=` to the conversation id). */
  readonly threadRoot?: string;
}

/** The fields every activity from `persona` in `place` has. */
function envelope(persona: DemoPersona, place: ActivityPlace, serviceUrl: string, now: Date): Record<string, unknown> {
  const channel = place.kind === 'channel';
  return {
    id: randomUUID(),
    channelId: 'msteams',
    serviceUrl,
    timestamp: now.toISOString(),
    locale: 'en-US',
    from: { id: persona.teamsId, name: persona.name, aadObjectId: persona.aadObjectId },
    recipient: { ...DEMO_BOT },
    conversation: {
      id: channel && place.threadRoot ? `${place.conversationId};messageid=${place.threadRoot}` : place.conversationId,
      conversationType: channel ? 'channel' : 'personal',
      tenantId: SANDBOX_TENANT_ID,
      isGroup: channel,
    },
    channelData: { tenant: { id: SANDBOX_TENANT_ID }, ...(channel ? { channel: { id: place.conversationId }, team: { id: place.conversationId } } : {}) },
  };
}

/** A typed message. */
export function messageActivity(persona: DemoPersona, place: ActivityPlace, serviceUrl: string, text: string, now: Date): Record<string, unknown> {
  return { ...envelope(persona, place, serviceUrl, now), type: 'message', text, textFormat: 'plain' };
}

/** A click on an Action.Execute of the card in message `replyToId` (or Teams' automatic refresh of it). */
export function invokeActivity(
  persona: DemoPersona,
  place: ActivityPlace,
  serviceUrl: string,
  click: { readonly replyToId: string; readonly verb: string; readonly data: Readonly<Record<string, unknown>>; readonly trigger: 'manual' | 'automatic' },
  now: Date,
): Record<string, unknown> {
  return {
    ...envelope(persona, place, serviceUrl, now),
    type: 'invoke',
    name: 'adaptiveCard/action',
    replyToId: click.replyToId,
    value: { action: { type: 'Action.Execute', verb: click.verb, data: click.data }, trigger: click.trigger },
  };
}

/** The bot was added to `place` by `persona`. */
export function installActivity(persona: DemoPersona, place: ActivityPlace, serviceUrl: string, now: Date): Record<string, unknown> {
  return { ...envelope(persona, place, serviceUrl, now), type: 'installationUpdate', action: 'add' };
}
