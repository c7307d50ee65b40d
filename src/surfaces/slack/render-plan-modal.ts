// The plan preview a path button opens: what the plan changes (licenses before → after, steps, blast radius,
// approvals needed) and a required justification; submitting it creates the request. Also the modal's other states
// (building the plan, submitting, the outcome).
import type { types } from '@slack/bolt';
import type { LicenseChangeView, PlanView, StepView } from '../../core/views/view-model.ts';
import { type Block, context, divider, LIMITS, label, mrkdwnEscape as esc, plain, section } from './block-kit.ts';
import { fitLines } from './fit-lines.ts';
import { optionBlocks } from './plan-option-blocks.ts';
import { encodeMeta, type RequestModalMeta } from './modal-metadata.ts';
import { CALLBACK, INPUT } from './slack-ids.ts';

type ModalView = types.ModalView;

const TITLE = 'Plan preview';
/** Blocks kept for the header, the inputs and the notes around the lists. */
const STEP_BLOCKS = 12;
const MAX_STEPS = 40;

const change = (l: LicenseChangeView): string =>
  `• *${esc(l.product)}*: ${esc(l.before)} → ${esc(l.after)}${l.removed ? ' — :warning: *removed*' : ''}`;

const step = (s: StepView): string =>
  `*${s.n}.* ${esc(s.title)}${s.automatic ? '' : ' _(manual)_'}\n      ${esc(label(s.effect, 500))}`;

/** A list under a bold title, fitted into `blocks` sections with a summary of what did not fit. */
function list(title: string, rows: readonly string[], blocks: number, more: (n: number) => string, maxLines?: number): Block[] {
  if (rows.length === 0) return [];
  const fitted = fitLines([`*${title}*`, ...rows], { maxChars: LIMITS.sectionText, maxChunks: blocks, more, ...(maxLines ? { maxLines: maxLines + 1 } : {}) });
  return fitted.chunks.map((text) => section(text));
}

/** The modal with the plan, its path's options, and the justification input; `notice` goes above the inputs. */
export function planModal(plan: PlanView, meta: RequestModalMeta, subject: string, notice?: string): ModalView {
  const options = plan.options ?? [];
  const seeCli = `license-doctor plan ${meta.query.length <= 200 ? esc(meta.query) : '<upn>'} --path ${plan.path}`;
  const blocks: Block[] = [
    section(`*${label(esc(plan.title), 2900)}*\n${esc(subject)}`),
    ...fitLines([esc(plan.summary)], { maxChars: LIMITS.sectionText, maxChunks: 1, more: () => `(full summary: \`${seeCli}\`)` }).chunks.map((t) => section(t)),
    context(`*Blast radius:* ${esc(plan.blastRadius)}`, `*Needs:* ${esc(plan.approvals)} from the approvers group`),
    ...list('Licenses (before → after)', plan.licenses.map(change), 3, (n) => `… and ${n} more (see \`${seeCli}\`)`, 30),
    ...list('Steps', plan.steps.map(step), STEP_BLOCKS, (n) => `… and ${n} more steps (see \`${seeCli}\`)`, MAX_STEPS),
    ...list('Warnings', plan.warnings.map((w) => `:warning: ${esc(w)}`), 3, (n) => `… and ${n} more warnings`),
    ...list('Alternatives', plan.alternatives.map((a) => `• ${esc(a)}`), 2, (n) => `… and ${n} more alternatives`),
  ];
  if (plan.needsManualSteps) {
    blocks.push(context(':raised_hand: Some steps are manual: the request waits for them until a re-check sees them done.'));
  }
  blocks.push(divider(), ...(notice ? [context(esc(notice))] : []), {
    type: 'input',
    block_id: INPUT.justification,
    label: plain('Justification'),
    hint: plain('Why this change is needed; the approvers see it and the audit log keeps it.'),
    element: {
      type: 'plain_text_input',
      action_id: INPUT.justification,
      multiline: true,
      min_length: 1,
      max_length: 2000,
      placeholder: plain('e.g. Ticket INC0012345: Okta pushes fail for this user'),
    },
  });
  if (plan.removalNeedsAcknowledgement) {
    blocks.push({
      type: 'input',
      block_id: INPUT.acknowledge,
      label: plain('Licenses removed'),
      element: {
        type: 'checkboxes',
        action_id: INPUT.acknowledge,
        options: [{ text: plain('I understand the user loses the licenses marked removed'), value: 'yes' }],
      },
    });
  }
  if (plan.variantAcknowledgement) {
    blocks.push({
      type: 'input',
      block_id: INPUT.acknowledgeVariant,
      label: plain('This variant'),
      hint: plain(label(plan.variantAcknowledgement, 2000)),
      element: { type: 'checkboxes', action_id: INPUT.acknowledgeVariant, options: [{ text: plain('I confirm it'), value: 'yes' }] },
    });
  }
  // The path's options come last: the justification stays the first input (a refusal is shown under it).
  blocks.push(...optionBlocks(options));
  return {
    type: 'modal',
    callback_id: CALLBACK.request,
    title: plain(TITLE),
    submit: plain('Request approval'),
    close: plain('Cancel'),
    private_metadata: encodeMeta(options.length > 0 ? { ...meta, options: Object.fromEntries(options.map((o) => [o.name, o.value])) } : meta),
    blocks,
  };
}

/** Opened at once (trigger ids expire in 3 s) while the plan is built from the live state. */
export function loadingModal(meta: RequestModalMeta): ModalView {
  return {
    type: 'modal',
    callback_id: CALLBACK.request,
    title: plain(TITLE),
    close: plain('Cancel'),
    private_metadata: encodeMeta(meta),
    blocks: [context(`:hourglass_flowing_sand: Building the plan for *${esc(label(meta.query, 200))}* from the live state…`)],
  };
}

/** A modal that only says something (the outcome, a refusal, a problem). */
export function noticeModal(text: string, title = 'License Doctor'): ModalView {
  return {
    type: 'modal',
    title: plain(label(title, LIMITS.modalTitle)),
    close: plain('Close'),
    blocks: [section(label(text, LIMITS.sectionText))],
  };
}
