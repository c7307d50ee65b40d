// The approvals channel: the conversation TEAMS_APPROVALS_CONVERSATION names (a fixed demo conversation in sandbox
// mode without it). Its service URL and tenant are captured when the bot is installed there or first hears from it,
// and kept in the store for every instance.
import type { ConversationRefs } from '../../core/ports/conversation-refs.ts';
import { loadTeamsRef, saveTeamsRef, TEAMS_REF_KEYS, type TeamsRef } from './teams-refs.ts';
import type { TeamsConversation } from './teams-sender.ts';

/** The approvals conversation of the sandbox demo (the demo page shows this conversation). */
export const DEMO_APPROVALS_CONVERSATION = '19:license-doctor-demo-approvals@thread.tacv2';

/** The parts of an incoming activity that say where it came from. */
export interface ActivityOrigin {
  readonly serviceUrl?: string;
  readonly conversation?: { readonly id?: string; readonly tenantId?: string };
  readonly channelData?: { readonly channel?: { readonly id?: string }; readonly tenant?: { readonly id?: string } };
}

/** A channel thread's conversation id ends in ;messageid=...; the channel is what comes before. */
const channelOf = (conversationId: string): string => conversationId.split(';')[0] ?? conversationId;

/** Which conversation approval cards go to (null: none configured outside the sandbox). */
export function approvalsConversationId(configured: string | null, sandbox: boolean): string | null {
  return configured ?? (sandbox ? DEMO_APPROVALS_CONVERSATION : null);
}

/** Whether `activity` comes from conversation `target` (a channel thread counts as its channel). */
export function comesFrom(activity: ActivityOrigin, target: string | null): boolean {
  const conversationId = activity.conversation?.id;
  if (!target || !conversationId) return false;
  return [conversationId, channelOf(conversationId), activity.channelData?.channel?.id].includes(target);
}

/** Saves the approvals channel's reference when `activity` comes from it (and it changed). */
export async function captureApprovalsChannel(store: ConversationRefs, target: string | null, activity: ActivityOrigin, nowMs: number): Promise<boolean> {
  const serviceUrl = activity.serviceUrl?.replace(/\/+$/, '');
  if (!target || !serviceUrl || !comesFrom(activity, target)) return false;
  const tenantId = activity.conversation?.tenantId ?? activity.channelData?.tenant?.id ?? null;
  const known = await loadTeamsRef(store, TEAMS_REF_KEYS.approvalsChannel);
  if (known && known.conversationId === target && known.serviceUrl === serviceUrl && known.tenantId === tenantId) return false;
  const ref: TeamsRef = { serviceUrl, conversationId: target, tenantId, activityId: null, refreshUserIds: null };
  await saveTeamsRef(store, TEAMS_REF_KEYS.approvalsChannel, ref, nowMs);
  return true;
}

/**
 * Where to post an approval card: the captured reference of `target`, or `target` at `fallbackServiceUrl` (the
 * requester's service URL; one tenant's conversations share it) while the channel has not been heard from.
 */
export async function approvalsDestination(
  store: ConversationRefs,
  target: string | null,
  fallbackServiceUrl: string,
): Promise<(TeamsConversation & { readonly tenantId: string | null; readonly captured: boolean }) | null> {
  if (!target) return null;
  const known = await loadTeamsRef(store, TEAMS_REF_KEYS.approvalsChannel);
  if (known && known.conversationId === target) return { serviceUrl: known.serviceUrl, conversationId: target, tenantId: known.tenantId, captured: true };
  return { serviceUrl: fallbackServiceUrl, conversationId: target, tenantId: null, captured: false };
}
