// The body of a request card, shared by the approval card (approvals channel) and the status card (the agent's
// conversation): where it stands, who asked and why, approvals, the plan with each step's progress, the outcome.
import type { RequestView } from '../../core/views/view-model.ts';
import { banner, caption, clip, facts, heading, plainText, section, type CardElement } from './card-elements.ts';
import { planSections } from './plan-sections.ts';

const utc = (iso: string): string => (Number.isNaN(Date.parse(iso)) ? iso : `${iso.slice(0, 16).replace('T', ' ')} UTC`);

/** The request's sections; `maxRows` limits each list (see fitCard). */
export function requestSections(view: RequestView, maxRows: number, options: { title: string; notice?: string }): CardElement[] {
  const pending = view.status === 'pending';
  const body: CardElement[] = [
    // Status lines, names, the requester's reason and outcomes can carry text people typed: never Markdown.
    banner([heading(options.title, view.tone), plainText(clip(view.statusLine, 600))], view.tone),
    facts([
      ['Request', view.id],
      ['Status', view.status],
      // Approvers' names come from the directory, in the approvals count line ("1 of 2: Patti Fernandez").
      ['Approvals', view.approvals],
      ...(pending ? [['Expires', utc(view.expiresAt)] as const] : []),
    ]),
    plainText(view.requestedBy, { label: 'Requested by' }),
    plainText(clip(view.reason, 500), { label: 'Reason' }),
  ];
  if (options.notice) body.push(plainText(clip(options.notice, 600), { color: 'Warning' }));
  if (view.outcome) body.push(section('Outcome', [plainText(clip(view.outcome, 1500), { color: view.tone === 'good' ? 'Good' : view.tone === 'attention' ? 'Attention' : 'Default' })]));
  body.push(section(clip(view.plan.title, 200), [caption(clip(view.plan.summary, 1200)), ...planSections(view.plan, maxRows, { withEffects: false })]));
  return body;
}
