// The plan preview modal's option inputs, rendered from the path's declarations (PlanView.options) and read back from
// the submitted view state: a switch is a one-box checkbox group, a choice a select; block and action ids are
// `option:<name>`. Nothing here names an option.
import type { Block } from './block-kit.ts';
import { label, plain } from './block-kit.ts';
import type { PlanOptionField } from '../../core/views/view-model.ts';
import { optionInputId, optionInputs } from '../chat/plan-option-inputs.ts';

/** Slack's limit on an option object's text (checkboxes and selects). */
const OPTION_TEXT = 75;

function optionBlock(f: PlanOptionField): Block {
  const id = optionInputId(f.name);
  const common = { type: 'input', block_id: id, optional: true, label: plain(label(f.label, 2000)), hint: plain(label(f.help, 2000)) } as const;
  if (f.kind === 'boolean') {
    const on = { text: plain(label(f.label, OPTION_TEXT)), value: 'on' };
    return { ...common, element: { type: 'checkboxes', action_id: id, options: [on], ...(f.value ? { initial_options: [on] } : {}) } };
  }
  const options = f.choices.map((c) => ({ text: plain(label(c.label, OPTION_TEXT)), value: c.value }));
  const initial = options.find((o) => o.value === f.value);
  return { ...common, optional: false, element: { type: 'static_select', action_id: id, options, ...(initial ? { initial_option: initial } : {}) } };
}

/** One input per declared option, with the value the previewed plan was built with. */
export const optionBlocks = (fields: readonly PlanOptionField[]): Block[] => fields.map(optionBlock);

interface StateValue {
  readonly type?: string;
  readonly selected_options?: readonly { readonly value?: string }[] | null;
  readonly selected_option?: { readonly value?: string } | null;
}

/** The option values in a submitted view's state, by option name (a checkbox group sends whether its box is ticked). */
export function submittedOptions(values: Readonly<Record<string, Readonly<Record<string, StateValue>>>>): Record<string, unknown> {
  const raw: Record<string, unknown> = {};
  for (const [blockId, actions] of Object.entries(values)) {
    const value = actions[blockId];
    if (!value) continue;
    raw[blockId] = value.type === 'checkboxes' ? (value.selected_options ?? []).some((o) => o.value === 'on') : (value.selected_option?.value ?? null);
  }
  return optionInputs(raw);
}
