// Teams as a chat platform (chat/chat-platform.ts): cards are Adaptive Cards posted and replaced through the Bot
// Connector (teams-sender.ts); an approval card remembers whose clients refresh it (their user-specific views).
// Teams has no threads for notes: a request's status card says where it stands. The card follower does the rest.
import type { IAdaptiveCard } from '@microsoft/teams.cards';
import type { ChatCard, ChatPlatform } from '../chat/chat-platform.ts';
import { alertCard } from './alert-card.ts';
import { approvalCard } from './approval-card.ts';
import { scanCard } from './scan-card.ts';
import { batchCard } from './batch-card.ts';
import { statusCard } from './status-card.ts';
import { parseTeamsRef, TEAMS_REF_KEYS, type TeamsRef } from './teams-refs.ts';
import type { TeamsConversation, TeamsSender } from './teams-sender.ts';

/** Where to post: a conversation, and for an approval card whose clients refresh it (null: Teams decides). */
export interface TeamsPlace extends TeamsConversation {
  readonly tenantId: string | null;
  readonly refreshUserIds: readonly string[] | null;
}

function render(card: ChatCard, refreshUserIds: readonly string[] | null): { card: IAdaptiveCard; summary: string } {
  if (card.kind === 'alert') return { card: alertCard(card.view), summary: card.view.headline };
  if (card.kind === 'scan') return scanCard(card.view);
  if (card.kind === 'batch') return { card: batchCard(card.view), summary: `Batch ${card.view.id}: ${card.view.countsLine}` };
  const { view } = card;
  switch (card.kind) {
    case 'request-approval': return { card: approvalCard(view, { refreshUserIds, viewer: null }), summary: `${view.id}: ${view.statusLine}` };
    case 'request-status': return { card: statusCard(view, card.notice), summary: `${view.id}: ${view.statusLine}` };
    case 'request-moved': return { card: statusCard(view), summary: `${view.id}: ${view.statusLine}` };
  }
}

/** The Teams platform on `sender`. */
export function teamsPlatform(sender: TeamsSender): ChatPlatform<TeamsPlace, TeamsRef> {
  return {
    surface: 'teams',
    refKey: (subject, slot) => {
      const requestId = subject.replace(/^request:/, '');
      if (slot === 'approval') return TEAMS_REF_KEYS.approvalCard(requestId);
      if (slot === 'status') return TEAMS_REF_KEYS.agentCard(requestId);
      return `${subject}:teams-${slot}`;
    },
    parseRef: parseTeamsRef,
    post: async (place, card) => {
      const { card: content, summary } = render(card, place.refreshUserIds);
      const posted = card.kind === 'request-approval' ? `Approval needed: ${card.view.title}` : summary;
      const activityId = await sender.postCard(place, content, posted);
      return { serviceUrl: place.serviceUrl, conversationId: place.conversationId, tenantId: place.tenantId, activityId, refreshUserIds: place.refreshUserIds };
    },
    update: async (ref, card) => {
      if (!ref.activityId) return;
      const { card: content, summary } = render(card, ref.refreshUserIds);
      await sender.updateCard(ref, ref.activityId, content, summary);
    },
    approvalsPlace: () => null,
  };
}
