// The plan preview card's option inputs, rendered from the path's declarations (PlanView.options): a switch is an
// Input.Toggle, a choice an Input.ChoiceSet; input ids are `option:<name>`. "Show this variant" (verb `path`) builds
// the preview again with the values set; Request approval requests them.
import type { PlanOptionField } from '../../core/views/view-model.ts';
import { optionInputId } from '../chat/plan-option-inputs.ts';
import type { CardElement } from './card-elements.ts';

function optionInput(f: PlanOptionField): CardElement {
  const id = optionInputId(f.name);
  if (f.kind === 'boolean') {
    return { type: 'Input.Toggle', id, label: f.help, title: f.label, valueOn: 'true', valueOff: 'false', value: f.value ? 'true' : 'false' };
  }
  return { type: 'Input.ChoiceSet', id, label: f.label, style: 'compact', isRequired: true, errorMessage: f.help, value: f.value, choices: f.choices.map((c) => ({ title: c.label, value: c.value })) };
}

/** One input per declared option, set to the value the previewed plan was built with. */
export const optionInputsOf = (fields: readonly PlanOptionField[]): CardElement[] => fields.map(optionInput);
