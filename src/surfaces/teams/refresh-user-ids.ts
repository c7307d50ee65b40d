// Whose Teams clients refresh an approval card automatically (Universal Actions `refresh.userIds`): the approvers
// among the approvals channel's members, and the requester. Everyone else keeps the base card. Teams needs MRIs
// (29:...), so the members' Entra object ids are checked against the approvers group.
import type { AppLogger } from '../../app/app-logger.ts';
import type { ChatServices } from '../../app/services.ts';
import type { ChatPerson } from '../chat/chat-person.ts';
import { MAX_REFRESH_USERS } from './approval-card.ts';
import type { TeamsConversation, TeamsSender } from './teams-sender.ts';

/** Members checked at most (a larger channel keeps the first ones; the rest can still refresh by hand). */
const MAX_MEMBERS_CHECKED = 200;
const CONCURRENCY = 8;

/**
 * The MRIs to refresh for, requester first; null when the members cannot be listed (Teams then refreshes for every
 * member of a small conversation, and the refresh handler still shows buttons only to approvers).
 */
export async function refreshUserIds(
  services: Pick<ChatServices, 'mayApprove'>,
  sender: TeamsSender,
  channel: TeamsConversation,
  requester: ChatPerson,
  logger: AppLogger,
): Promise<string[] | null> {
  let members;
  try {
    members = await sender.members(channel);
  } catch (err) {
    logger.warn({ err, conversationId: channel.conversationId }, 'could not list the approvals channel members; every member\'s card will refresh');
    return null;
  }
  const candidates = members
    .filter((m): m is { id: string; aadObjectId: string } => m.aadObjectId !== null && m.id !== requester.surfaceUserId)
    .slice(0, MAX_MEMBERS_CHECKED);
  const approvers: string[] = [];
  for (let i = 0; i < candidates.length && approvers.length < MAX_REFRESH_USERS - 1; i += CONCURRENCY) {
    const batch = candidates.slice(i, i + CONCURRENCY);
    const allowed = await Promise.all(batch.map((m) => services.mayApprove(m.aadObjectId, 'teams')));
    approvers.push(...batch.filter((_, j) => allowed[j]).map((m) => m.id));
  }
  return [requester.surfaceUserId, ...approvers].slice(0, MAX_REFRESH_USERS);
}
