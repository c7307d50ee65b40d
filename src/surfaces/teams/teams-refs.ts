// Where Teams conversations and cards are, kept in the store so any instance can post to or update them later: the
// approvals channel (captured when the bot is installed there or first hears from it), people's personal chats, and
// the cards the card follower keeps current (each request's approval card and the agent's status card).
import { z } from 'zod';
import type { ConversationRefs } from '../../core/ports/conversation-refs.ts';

/** A Teams conversation the bot can post to, and optionally the card message in it. */
export interface TeamsRef {
  readonly serviceUrl: string;
  readonly conversationId: string;
  readonly tenantId: string | null;
  /** The card's message id (null for a conversation reference). */
  readonly activityId: string | null;
  /** Approval cards: whose clients refresh the card (null: Teams decides). */
  readonly refreshUserIds: readonly string[] | null;
}

/** Store keys (ConversationRef.key) for Teams. */
export const TEAMS_REF_KEYS = {
  approvalsChannel: 'teams:approvals-channel',
  approvalCard: (requestId: string) => `request:${requestId}:teams-approval`,
  agentCard: (requestId: string) => `request:${requestId}:teams-agent`,
} as const;

const refSchema = z.object({
  serviceUrl: z.string().min(1),
  conversationId: z.string().min(1),
  tenantId: z.string().nullable(),
  activityId: z.string().nullable(),
  refreshUserIds: z.array(z.string()).nullable(),
});

/** Saves (replaces) the reference under `key`. */
export async function saveTeamsRef(store: ConversationRefs, key: string, ref: TeamsRef, nowMs: number): Promise<void> {
  await store.saveConversationRef({ surface: 'teams', key, ref: { ...ref }, updatedAt: new Date(nowMs).toISOString() });
}

/** A stored reference read back, or null when it is unreadable. */
export function parseTeamsRef(stored: unknown): TeamsRef | null {
  const parsed = refSchema.safeParse(stored);
  return parsed.success ? parsed.data : null;
}

/** The reference under `key`, or null (also when a stored one is unreadable: it is then treated as never captured). */
export async function loadTeamsRef(store: ConversationRefs, key: string): Promise<TeamsRef | null> {
  const stored = (await store.conversationRefs(key)).find((r) => r.surface === 'teams');
  return stored ? parseTeamsRef(stored.ref) : null;
}
