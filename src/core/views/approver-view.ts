// What one person sees on a request's approval card: the buttons the request's state offers (RequestView.actions)
// that this person may press now (core/approval/decision-options.ts), and a line for them. Platform-neutral: Teams
// renders it as a user-specific view of the card.
import type { DecisionOptions } from '../approval/decision-options.ts';
import type { RequestView } from './view-model.ts';

export interface ApproverView {
  /** Approve and Reject (with the reason to reject). */
  readonly decide: boolean;
  readonly cancel: boolean;
  readonly retry: boolean;
  /** A line for this person (why they see no Approve, READ_ONLY, what their click did), else null. */
  readonly notice: string | null;
}

/** `view` as the person with `options` should see it; `notice` replaces the reason they cannot approve. */
export function approverView(view: RequestView, options: Pick<DecisionOptions, 'decide' | 'cancel' | 'retry'> & { readonly whyNot?: string | null }, notice?: string): ApproverView {
  return {
    decide: options.decide && view.actions.approve,
    cancel: options.cancel && view.actions.cancel,
    retry: options.retry && view.actions.retry,
    notice: notice ?? options.whyNot ?? null,
  };
}
