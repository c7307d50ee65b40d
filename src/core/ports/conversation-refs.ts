import type { ConversationRef } from '../model/journal.ts';

/**
 * Where the chat surfaces keep their conversation references (a Slack message, a Teams conversation and activity) so
 * that any instance can update a card later. A surface concern kept in the store; implemented by the Kysely store on
 * SQLite and PostgreSQL (test/contracts/conversation-refs.contract.ts).
 */
export interface ConversationRefs {
  /** Saves (replaces) the reference of `ref.surface` and `ref.key`. */
  saveConversationRef(ref: ConversationRef): Promise<void>;
  /** Conversation references with this key, one per surface, ordered by surface. */
  conversationRefs(key: string): Promise<ConversationRef[]>;
}
