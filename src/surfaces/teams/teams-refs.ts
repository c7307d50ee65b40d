// Where Teams cards live, kept in the store so any instance can post to or update them later: the approvals
// channel (captured when the bot is installed there or first hears from it), each request's approval card and the
// agent's status card.
import { z } from 'zod';
import type { RequestStore } from '../../core/ports/request-store.ts';

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
export async function saveTeamsRef(store: RequestStore, key: string, ref: TeamsRef, nowMs: number): Promise<void> {
  await store.saveConversationRef({ surface: 'teams', key, ref: { ...ref }, updatedAt: new Date(nowMs).toISOString() });
}

/** The reference under `key`, or null (also when a stored one is unreadable: it is then treated as never captured). */
export async function loadTeamsRef(store: RequestStore, key: string): Promise<TeamsRef | null> {
  const refs = await store.conversationRefs(key);
  const stored = refs.find((r) => r.surface === 'teams');
  if (!stored) return null;
  const parsed = refSchema.safeParse(stored.ref);
  return parsed.success ? parsed.data : null;
}
