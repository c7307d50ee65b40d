// What each card action does, over the shared chat flows: preview a path, request it (posting the approval card and
// keeping both cards' references), re-check, decide, refresh a person's view of an approval card. Returns the card
// or message for the person who clicked; policy refusals come back as messages (the services audit them).
import type { IAdaptiveCard } from '@microsoft/teams.cards';
import type { AppLogger } from '../../app/app-logger.ts';
import type { BatchHub } from '../../app/batch/batch-hub.ts';
import { isLicenseDoctorError } from '../../core/errors.ts';
import type { PlanOptions } from '../../core/model/plan.ts';
import type { ChatServices } from '../../app/services.ts';
import type { ConversationRefs } from '../../core/ports/conversation-refs.ts';
import type { LicenseRequest } from '../../core/model/request.ts';
import { approverView } from '../../core/views/approver-view.ts';
import { requestView } from '../../core/views/request-view.ts';
import type { RequestView } from '../../core/views/view-model.ts';
import { decide, diagnoseText, previewPath, recheckRequest, retryRequest, submitRequest } from '../chat/chat-flows.ts';
import type { ChatPerson } from '../chat/chat-person.ts';
import { REQUEST_SLOTS, requestSubject, type CardFollower } from '../chat/card-follower.ts';
import type { ChatCard } from '../chat/chat-platform.ts';
import { readPlanOptions } from '../chat/plan-option-inputs.ts';
import { approvalCard } from './approval-card.ts';
import { approvalsDestination } from './approvals-channel.ts';
import { diagnosisCard } from './diagnosis-card.ts';
import { planPreviewCard } from './plan-card.ts';
import { refreshUserIds } from './refresh-user-ids.ts';
import { statusCard } from './status-card.ts';
import { runBatchAction } from './teams-batch-actions.ts';
import type { TeamsAction } from './teams-action.ts';
import type { TeamsRef } from './teams-refs.ts';
import type { TeamsPlace } from './teams-platform.ts';
import type { TeamsConversation, TeamsSender } from './teams-sender.ts';

export interface TeamsContext {
  readonly services: ChatServices;
  /** Where the approvals channel is. */
  readonly refs: ConversationRefs;
  readonly sender: TeamsSender;
  /** Posts request cards and keeps them current. */
  readonly cards: CardFollower<TeamsPlace, TeamsRef>;
  readonly logger: AppLogger;
  /** Where approval cards go (null: no approvals conversation configured). */
  readonly approvalsConversation: string | null;
  /** Batches: the service the batch buttons call. */
  readonly batches: BatchHub;
}

/** Who clicked, where. */
export interface TeamsTurn {
  readonly person: ChatPerson;
  readonly here: TeamsConversation & { readonly tenantId: string | null };
  /** The message whose card was clicked (the invoke's replyToId). */
  readonly cardActivityId: string | null;
}

/**
 * The answer for the clicker. `everyone`: the conversation's cards already show it for everyone (the action replaced
 * the clicked message, or the card updater follows the change); `clicker`: only the clicker's card changes.
 */
export type ActionReply =
  | { readonly kind: 'card'; readonly card: IAdaptiveCard; readonly scope: 'clicker' | 'everyone' }
  | { readonly kind: 'message'; readonly text: string };

const message = (text: string): ActionReply => ({ kind: 'message', text });
const card = (c: IAdaptiveCard, scope: 'clicker' | 'everyone' = 'clicker'): ActionReply => ({ kind: 'card', card: c, scope });

/** Posts the approval card for a new request; returns a notice for the agent when it could not. */
async function postApprovalCard(ctx: TeamsContext, turn: TeamsTurn, request: LicenseRequest, view: RequestView): Promise<string | undefined> {
  const destination = await approvalsDestination(ctx.refs, ctx.approvalsConversation, turn.here.serviceUrl);
  if (!destination) {
    return `No Teams approvals channel is configured (TEAMS_APPROVALS_CONVERSATION), so no approval card was posted: an approver can run "license-doctor approve ${request.id}".`;
  }
  try {
    const userIds = await refreshUserIds(ctx.services, ctx.sender, destination, turn.person, ctx.logger);
    await ctx.cards.post(requestSubject(request.id), REQUEST_SLOTS.approval, { ...destination, refreshUserIds: userIds }, { kind: 'request-approval', view });
    return undefined;
  } catch (err) {
    ctx.logger.error({ err, requestId: request.id, conversationId: destination.conversationId }, 'could not post the approval card');
    return `The request is recorded, but the approval card could not be posted to the approvals channel (${err instanceof Error ? err.message : String(err)}). An approver can run "license-doctor approve ${request.id}".`;
  }
}

/** Creates the request, posts its approval card, and turns the clicked plan card into its status card for everyone. */
async function request(ctx: TeamsContext, turn: TeamsTurn, action: Extract<TeamsAction, { verb: 'request' }>, options: PlanOptions): Promise<ActionReply> {
  const submitted = await submitRequest(ctx, turn.person, {
    query: action.query, path: action.path, justification: action.justification, acknowledgeRemoval: action.acknowledgeRemoval, options,
  });
  if (submitted.kind === 'message') return message(submitted.message);
  const { request: created, view } = submitted.value;
  const notice = await postApprovalCard(ctx, turn, created, view);
  const status = statusCard(view, notice);
  const subject = requestSubject(created.id);
  const here = { ...turn.here, refreshUserIds: null };
  const shown: ChatCard = { kind: 'request-status', view, ...(notice ? { notice } : {}) };
  // The clicked plan card becomes the status card for everyone in the conversation (else a new one is posted).
  let ref: TeamsRef | null = turn.cardActivityId ? { ...here, activityId: turn.cardActivityId } : null;
  try {
    if (ref) await ctx.cards.platform.update(ref, shown);
    else ref = await ctx.cards.platform.post(here, shown);
  } catch (err) {
    // The clicker still gets the status card as the invoke response; the others see it at the next change.
    ctx.logger.error({ err, requestId: created.id, conversationId: turn.here.conversationId }, 'could not show the status card to the conversation');
  }
  if (ref) await ctx.cards.remember(subject, REQUEST_SLOTS.status, ref);
  await ctx.cards.announced(created);
  return card(status, 'everyone');
}

/** The approval card as `person` should see it now. */
async function personalApprovalCard(ctx: TeamsContext, person: ChatPerson, current: LicenseRequest, notice?: string): Promise<IAdaptiveCard> {
  const [ref] = await ctx.cards.posted(requestSubject(current.id), REQUEST_SLOTS.approval);
  const options = await ctx.services.decisionOptions({ upnOrId: person.entraIdentity, surface: person.surface, surfaceUserId: person.surfaceUserId }, current);
  const view = requestView(current);
  // Says why someone sees no Approve button (e.g. they asked for the change), unless a more specific notice is shown.
  return approvalCard(view, { refreshUserIds: ref?.refreshUserIds ?? null, viewer: approverView(view, options, notice) });
}

/** Runs `action` for `turn`. */
export async function runTeamsAction(ctx: TeamsContext, turn: TeamsTurn, action: TeamsAction): Promise<ActionReply> {
  switch (action.verb) {
    case 'path':
    case 'request': {
      let options: PlanOptions;
      try {
        options = readPlanOptions(action.path, action.options ?? {});
      } catch (err) {
        if (isLicenseDoctorError(err)) return message(err.message);
        throw err;
      }
      if (action.verb === 'request') return request(ctx, turn, action, options);
      const preview = await previewPath(ctx, turn.person, action.query, action.path, options);
      return preview.kind === 'ok' ? card(planPreviewCard(preview.value, action.query)) : message(preview.message);
    }
    case 'recheck': {
      if (action.target.kind === 'query') {
        const diagnosis = await diagnoseText(ctx, turn.person, action.target.query);
        return diagnosis.kind === 'ok' ? card(diagnosisCard(diagnosis.value)) : message(diagnosis.message);
      }
      const rechecked = await recheckRequest(ctx, action.target.requestId);
      return rechecked.kind === 'ok' ? card(statusCard(rechecked.value)) : message(rechecked.message);
    }
    case 'approve':
    case 'reject':
    case 'cancel': {
      const decided = await decide(ctx, turn.person, action.requestId, action.verb, action.verb === 'reject' ? action.reason : undefined);
      if (decided.kind === 'message') return message(decided.message);
      const notice = decided.value.notices.length > 0 ? decided.value.notices.join(' ') : undefined;
      const reply = action.card === 'approval'
        ? await personalApprovalCard(ctx, turn.person, decided.value.request, notice)
        : statusCard(decided.value.view, notice);
      return card(reply, 'everyone');
    }
    case 'retry': {
      const retried = await retryRequest(ctx, turn.person, action.requestId);
      if (retried.kind === 'message') return message(retried.message);
      const current = (await ctx.services.get(action.requestId)) ?? null;
      if (!current) return message(`There is no request ${action.requestId}.`);
      return card(action.card === 'approval' ? await personalApprovalCard(ctx, turn.person, current) : statusCard(requestView(current)), 'everyone');
    }
    case 'refresh': {
      const current = await ctx.services.get(action.requestId);
      if (!current) return message(`There is no request ${action.requestId}.`);
      return card(await personalApprovalCard(ctx, turn.person, current));
    }
    case 'batch-approve':
    case 'batch-reject':
    case 'batch-retry':
    case 'batch-split':
    case 'batch-from-alert': {
      const reply = await runBatchAction(ctx.batches, ctx.logger, turn.person, action);
      return reply.kind === 'message' ? message(reply.text) : card(reply.card, 'everyone');
    }
  }
}
