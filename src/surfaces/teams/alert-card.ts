// An alert as an Adaptive Card: what fails and why, how many users (the first few, then "and M more"), then the
// diagnosis card of the first user still failing, with its path buttons (verb `path`) and Re-check.
import type { IAdaptiveCard } from '@microsoft/teams.cards';
import type { AlertUserView, AlertView } from '../../core/views/alert-view.ts';
import { alertBatchOffer } from '../../core/views/alert-batch-offer.ts';
import { actionSet, adaptiveCard, banner, caption, clip, execute, heading, plainText, section, text, type CardElement } from './card-elements.ts';

/** Input id of the justification for "Fix these N users". */
const BATCH_JUSTIFICATION_INPUT = 'justification';
import { diagnosisCard } from './diagnosis-card.ts';

const userLine = (u: AlertUserView): CardElement =>
  text(u.resolved ? `~~${u.displayName}~~ · ${u.userPrincipalName} · resolved` : `**${u.displayName}** · ${u.userPrincipalName}`, { spacing: 'None', isSubtle: u.resolved });

/** The card for an alert view. */
export function alertCard(view: AlertView): IAdaptiveCard {
  const tone = view.failing === 0 ? 'good' : 'attention';
  const head: CardElement[] = [
    banner([heading(clip(view.headline, 300), tone), plainText(view.summary, { size: 'Small', isSubtle: true })], tone),
    section('Users', [...view.users.map(userLine), ...(view.more > 0 ? [caption(`…and ${view.more} more`)] : [])]),
    ...fixThese(view),
  ];
  const fallbackText = `${view.headline}. ${view.summary}.`;
  if (!view.diagnosis) return adaptiveCard([...head, text('Every user on this alert is resolved: nothing to do.')], { fallbackText });
  const diagnosis = diagnosisCard(view.diagnosis);
  const note = caption(`The diagnosis of ${view.diagnosis.subject ?? 'the first user still failing'}; the paths act on this user.`);
  return adaptiveCard([...head, note, ...(diagnosis.body ?? [])], { ...(diagnosis.actions ? { actions: diagnosis.actions } : {}), fallbackText });
}

/** "Fix these N users": a justification and the button that asks for one batch for the users still failing. */
function fixThese(view: AlertView): CardElement[] {
  const offer = alertBatchOffer(view);
  if (!offer) return [];
  return [
    { type: 'Input.Text', id: BATCH_JUSTIFICATION_INPUT, label: 'Justification for a batch fix (the approvers read it)', isMultiline: true, maxLength: 2000, placeholder: 'Why these users, why now' },
    actionSet([execute(offer, 'batch-from-alert', { alertId: view.alertId }, { style: 'positive' })]),
  ];
}
