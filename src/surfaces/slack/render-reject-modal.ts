// Rejecting needs a reason (the requester is told what to change): the Reject button opens this modal.
import type { types } from '@slack/bolt';
import { label, mrkdwnEscape as esc, plain, section } from './block-kit.ts';
import { encodeMeta, type RejectModalMeta } from './modal-metadata.ts';
import { CALLBACK, INPUT } from './slack-ids.ts';

/** The rejection modal for a request. */
export function rejectModal(meta: RejectModalMeta, title: string): types.ModalView {
  return {
    type: 'modal',
    callback_id: CALLBACK.reject,
    title: plain('Reject request'),
    submit: plain('Reject'),
    close: plain('Cancel'),
    private_metadata: encodeMeta(meta),
    blocks: [
      section(`*${label(esc(title), 2900)}*\nRequest ${esc(meta.requestId)}`),
      {
        type: 'input',
        block_id: INPUT.reason,
        label: plain('Reason'),
        hint: plain('The requester sees it; say what would make the change acceptable.'),
        element: { type: 'plain_text_input', action_id: INPUT.reason, multiline: true, min_length: 1, max_length: 2000 },
      },
    ],
  };
}
