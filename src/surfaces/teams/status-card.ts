// The request's status in the agent's conversation, updated at every change: Cancel while it can still be stopped,
// Re-check while it waits for manual steps, Retry when the plan failed (the server checks who clicked).
import type { IAdaptiveCard } from '@microsoft/teams.cards';
import type { RequestView } from '../../core/views/view-model.ts';
import { fitCard } from './card-budget.ts';
import { adaptiveCard, execute, type CardAction } from './card-elements.ts';
import { requestSections } from './request-sections.ts';

/** The status card for `view` (`notice`: a line for the agent, e.g. where the approval card went). */
export function statusCard(view: RequestView, notice?: string): IAdaptiveCard {
  const data = { requestId: view.id, card: 'status' };
  const actions: CardAction[] = [
    ...(view.actions.recheck ? [execute('Re-check', 'recheck', { requestId: view.id })] : []),
    ...(view.actions.cancel ? [execute('Cancel request', 'cancel', data, { withoutInputs: true })] : []),
    ...(view.actions.retry ? [execute('Retry', 'retry', data, { style: 'positive', withoutInputs: true })] : []),
    ...(view.followUp ? [execute(view.followUp.label, 'path', { path: view.followUp.path, query: view.followUp.query }, { withoutInputs: true })] : []),
  ];
  return fitCard((maxRows) => adaptiveCard(
    requestSections(view, maxRows, { title: view.title, ...(notice ? { notice } : {}) }),
    { actions, fallbackText: `Request ${view.id}: ${view.statusLine}` },
  ));
}
