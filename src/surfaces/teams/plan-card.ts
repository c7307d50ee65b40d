// The plan preview for a chosen path, with the justification the request needs (input `justification`), the
// acknowledgement when the plan removes licenses (input `acknowledgeRemoval`) or its variant needs one
// (`acknowledgeVariant`: path 1's gap in service), the path's options (inputs
// `option:<name>`, with "Show this variant": verb `path`), and Request approval (verb `request`).
import type { IAdaptiveCard } from '@microsoft/teams.cards';
import type { PlanView } from '../../core/views/view-model.ts';
import { fitCard } from './card-budget.ts';
import { actionSet, adaptiveCard, banner, caption, clip, execute, heading, text, type CardElement } from './card-elements.ts';
import { optionInputsOf } from './plan-option-inputs.ts';
import { planSections } from './plan-sections.ts';

/** Input ids the `request` verb reads (CONTRACT.md "Chat actions"). */
export const PLAN_INPUTS = { justification: 'justification', acknowledgeRemoval: 'acknowledgeRemoval', acknowledgeVariant: 'acknowledgeVariant' } as const;

/** The preview card for `view`; `query` is the user the plan is for (carried to the `request` action). */
export function planPreviewCard(view: PlanView, query: string): IAdaptiveCard {
  const options = optionInputsOf(view.options ?? []);
  const inputs: CardElement[] = [
    ...options,
    {
      type: 'Input.Text', id: PLAN_INPUTS.justification, label: 'Justification (what the approver reads)', isMultiline: true,
      isRequired: true, maxLength: 1000, errorMessage: 'Say why this change is needed.', placeholder: 'e.g. INC0012345: Okta pushes fail for this user',
    },
  ];
  if (view.removalNeedsAcknowledgement) {
    inputs.push({
      type: 'Input.Toggle', id: PLAN_INPUTS.acknowledgeRemoval, label: 'Licenses removed', title: 'I understand that the user loses the licenses marked (removed).',
      valueOn: 'true', valueOff: 'false', value: 'false', isRequired: true, errorMessage: 'Confirm that the removed licenses may go.',
    });
  }
  if (view.variantAcknowledgement) {
    inputs.push({
      type: 'Input.Toggle', id: PLAN_INPUTS.acknowledgeVariant, label: clip(view.variantAcknowledgement, 600), title: 'I confirm it.',
      valueOn: 'true', valueOff: 'false', value: 'false', isRequired: true, errorMessage: 'Confirm what this variant does.',
    });
  }
  const buttons = actionSet([
    execute('Request approval', 'request', { path: view.path, query }, { style: 'positive' }),
    // It needs only the options, but Action.Execute sends every input or none: the required ones must be filled.
    ...(options.length > 0 ? [execute('Show this variant', 'path', { path: view.path, query })] : []),
    execute('Back', 'recheck', { query }, { withoutInputs: true }),
  ]);
  return fitCard((maxRows) => adaptiveCard(
    [
      banner([heading(view.title), text(clip(view.summary, 2000), { spacing: 'Small' })], 'neutral'),
      ...planSections(view, maxRows, { withEffects: true }),
      ...(view.needsManualSteps ? [caption('Some steps are manual: the request waits for them and Re-check confirms them.')] : []),
      ...inputs,
      buttons,
    ],
    { fallbackText: `${view.title}: ${clip(view.summary, 500)}` },
  ));
}
