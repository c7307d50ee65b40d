// Approvers hear about requests that need them in their personal chat with the bot (when and how often:
// chat/approver-messages.ts). Teams lets a bot start a message only where it has a conversation reference, so each
// person's personal chat is kept (in the store, for every instance) whenever they write to the bot or install it; an
// approver who never did is not messaged (the approvals channel card still reaches them).
import type { EntraUser } from '../../core/model/entra.ts';
import type { ConversationRefs } from '../../core/ports/conversation-refs.ts';
import type { ApproverNoticeView } from '../../core/views/approver-notice-view.ts';
import { ApproverMessages, type ApproverMessagesDeps } from '../chat/approver-messages.ts';
import { loadTeamsRef, saveTeamsRef } from './teams-refs.ts';
import type { TeamsSender } from './teams-sender.ts';

/** Store key of a person's personal chat with the bot. */
const personalChatKey = (aadObjectId: string): string => `teams:personal:${aadObjectId.trim().toLowerCase()}`;

/** The parts of an activity that identify a personal chat. */
export interface PersonalOrigin {
  readonly serviceUrl?: string;
  readonly from?: { readonly aadObjectId?: string };
  readonly conversation?: { readonly id?: string; readonly conversationType?: string; readonly tenantId?: string };
}

/** Keeps the reference of a personal chat (so the bot can message that person later); false for other conversations. */
export async function capturePersonalChat(store: ConversationRefs, activity: PersonalOrigin, nowMs: number): Promise<boolean> {
  const serviceUrl = activity.serviceUrl?.replace(/\/+$/, '');
  const person = activity.from?.aadObjectId;
  const conversationId = activity.conversation?.id;
  if (activity.conversation?.conversationType !== 'personal' || !serviceUrl || !person || !conversationId) return false;
  const known = await loadTeamsRef(store, personalChatKey(person));
  if (known?.conversationId === conversationId && known.serviceUrl === serviceUrl) return false;
  await saveTeamsRef(store, personalChatKey(person), { serviceUrl, conversationId, tenantId: activity.conversation.tenantId ?? null, activityId: null, refreshUserIds: null }, nowMs);
  return true;
}

// The requester's justification is data: shown as plain text (no Markdown links or emphasis).
const plain = (s: string): string => s.replace(/[\\`*_[\]<>#|~]/g, (c) => `\\${c}`).replace(/\s*\n\s*/g, ' ');

interface ApproverChatsDeps extends ApproverMessagesDeps {
  /** Where people's personal chats are. */
  readonly refs: ConversationRefs;
  readonly sender: TeamsSender;
}

/** Personal-chat messages to approvers: new requests and one reminder before expiry. */
export class TeamsApproverChats extends ApproverMessages {
  private readonly deps: ApproverChatsDeps;

  constructor(deps: ApproverChatsDeps) {
    super('teams', deps);
    this.deps = deps;
  }

  protected async reach(person: EntraUser, notice: ApproverNoticeView): Promise<void> {
    const chat = await loadTeamsRef(this.deps.refs, personalChatKey(person.id));
    if (!chat) return;
    const text = [plain(notice.headline), '', `**Justification:** ${plain(notice.reason)}`, '', plain(notice.where)].join('\n');
    await this.deps.sender.postText({ serviceUrl: chat.serviceUrl, conversationId: chat.conversationId }, text);
  }
}
