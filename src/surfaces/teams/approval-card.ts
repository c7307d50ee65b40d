// The approval card in the approvals channel. Everyone sees the base card (where the request stands); its `refresh`
// (verb `refresh`, Universal Actions user-specific views) asks the bot for a per-person view (core/views/approver-view.ts:
// Approve / Reject for approvers who are not the requester, Cancel for the requester or an approver, Retry on a failed
// plan for either). The server re-checks every click.
import type { IAdaptiveCard, IExecuteAction, IRefreshDefinition } from '@microsoft/teams.cards';
import type { ApproverView } from '../../core/views/approver-view.ts';
import type { RequestView } from '../../core/views/view-model.ts';
import { fitCard } from './card-budget.ts';
import { adaptiveCard, execute, type CardAction, type CardElement } from './card-elements.ts';
import { requestSections } from './request-sections.ts';

/** Input id of the rejection reason on the approver's view. */
export const REJECT_REASON_INPUT = 'reason';

/** Teams shows user-specific views to at most 60 users per card. */
export const MAX_REFRESH_USERS = 60;

export interface ApprovalCardOptions {
  /** MRIs (29:...) whose clients refresh the card automatically; null lets Teams decide (every member of a small conversation). */
  readonly refreshUserIds: readonly string[] | null;
  /** What the person viewing may do, and a line for them (null: the base card everyone sees). */
  readonly viewer: ApproverView | null;
}

function refresh(view: RequestView, userIds: readonly string[] | null): IRefreshDefinition {
  const action: IExecuteAction = { type: 'Action.Execute', title: 'Refresh', verb: 'refresh', data: { requestId: view.id } };
  return userIds ? { action, userIds: userIds.slice(0, MAX_REFRESH_USERS) } : { action };
}

/** The approval card for `view`, for everyone (viewer null) or for one person. */
export function approvalCard(view: RequestView, options: ApprovalCardOptions): IAdaptiveCard {
  const live = view.actions.approve || view.actions.cancel || view.actions.retry;
  const decide = options.viewer?.decide === true;
  const notice = options.viewer?.notice ?? null;
  const data = { requestId: view.id, card: 'approval' };
  const actions: CardAction[] = [
    ...(decide ? [execute('Approve', 'approve', data, { style: 'positive' }), execute('Reject', 'reject', data, { style: 'destructive' })] : []),
    ...(options.viewer?.cancel === true ? [execute('Cancel request', 'cancel', data, { withoutInputs: true })] : []),
    ...(options.viewer?.retry === true ? [execute('Retry', 'retry', data, { style: 'positive', withoutInputs: true })] : []),
    ...(view.followUp ? [execute(view.followUp.label, 'path', { path: view.followUp.path, query: view.followUp.query }, { withoutInputs: true })] : []),
  ];
  const reason: CardElement[] = decide
    ? [{ type: 'Input.Text', id: REJECT_REASON_INPUT, label: 'Reason (needed to reject)', isMultiline: true, maxLength: 1000, placeholder: 'Why not, and what to change' }]
    : [];
  return fitCard((maxRows) => adaptiveCard(
    [...requestSections(view, maxRows, { title: `Approval: ${view.title}`, ...(notice ? { notice } : {}) }), ...reason],
    {
      actions,
      ...(live ? { refresh: refresh(view, options.refreshUserIds) } : {}),
      fallbackText: `Approval ${view.id}: ${view.statusLine}`,
    },
  ));
}
