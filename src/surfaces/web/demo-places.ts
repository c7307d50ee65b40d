// Where the demo happens: each persona's personal chat with the bot, the approvals channel (the conversation the
// Teams surface posts approval cards to: TEAMS_APPROVALS_CONVERSATION, else its fixed sandbox demo channel) and the
// alerts channel (TEAMS_ALERTS_CONVERSATION, else its fixed sandbox demo channel).
import { demoPersona, demoPersonas, type DemoPersona, type PersonaKey } from './demo-personas.ts';

export interface DemoPlaces {
  /** The approvals channel's conversation id. */
  readonly approvals: string;
  /** The alerts channel's conversation id. */
  readonly alerts: string;
  /** The conversation id of `key`'s personal chat with the bot. */
  personal(key: PersonaKey): string;
  /** Who is in conversation `id` (null: not a demo conversation). */
  members(id: string): readonly DemoPersona[] | null;
}

const PERSONAL_PREFIX = 'a:license-doctor-demo-';

/** A channel thread's conversation id ends in ;messageid=...; the conversation is what comes before. */
export const conversationOf = (id: string): string => id.split(';')[0] ?? id;

/** The demo's conversations around `approvalsConversation`. */
export function demoPlaces(approvalsConversation: string, alertsConversation: string): DemoPlaces {
  return {
    approvals: approvalsConversation,
    alerts: alertsConversation,
    personal: (key) => `${PERSONAL_PREFIX}${key}`,
    members: (id) => {
      const conversation = conversationOf(id);
      if (conversation === approvalsConversation || conversation === alertsConversation) return demoPersonas();
      if (!conversation.startsWith(PERSONAL_PREFIX)) return null;
      const persona = demoPersona(conversation.slice(PERSONAL_PREFIX.length));
      return persona ? [persona] : null;
    },
  };
}
