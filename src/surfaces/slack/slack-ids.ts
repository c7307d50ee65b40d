// The names of License Doctor's Slack interactive elements (CONTRACT.md "Chat actions") and of the conversation
// references it keeps. Audit trails, analytics and tests follow a conversation by these names: change none of them.
import type { PathId } from '../../core/model/diagnosis.ts';

/** Block Kit action ids (CONTRACT.md "Chat actions"). */
export const ACTION = {
  /** Prefix of a resolution-path button: `path:<path-id>`, value = the user query. */
  pathPrefix: 'path:',
  recheck: 'recheck',
  approve: 'approve',
  reject: 'reject',
  cancel: 'cancel',
  /** Retry a failed plan from its failed step (value: the request id). */
  retry: 'retry',
  /** A batch card's buttons (value: the batch id); Reject opens the request's rejection modal. */
  batchApprove: 'batch_approve',
  batchReject: 'batch_reject',
  batchRetry: 'batch_retry',
  batchSplit: 'batch_split',
  /** "Fix these N users" on an aggregated alert (value: the alert id): opens the batch form. */
  batchFromAlert: 'batch_from_alert',
} as const;

/** Modal callback ids: the plan preview with the justification, and the reason for a rejection. */
export const CALLBACK = { request: 'request', reject: 'reject', batch: 'batch_request' } as const;

/** Block and action ids of modal inputs (the justification keeps the id CONTRACT.md gives it). */
export const INPUT = {
  justification: 'justification',
  acknowledge: 'acknowledge',
  /** The plan's variant needs a confirmation of its own (path 1's gap in service). */
  acknowledgeVariant: 'acknowledge-variant',
  reason: 'reason',
} as const;

/** Block ids that tell a diagnosis's Re-check from a request's. */
export const BLOCK = { diagnosisActions: 'diagnosis-actions', requestActions: 'request-actions', batchActions: 'batch-actions' } as const;

/** `path:okta-owns-licenses` */
export const pathActionId = (path: PathId): string => `${ACTION.pathPrefix}${path}`;

/** Where a request's approval card is (channel + ts). */
export const approvalCardKey = (requestId: string): string => `request:${requestId}:slack-approval`;

/** Where the requester's thread and its status line are. */
export const agentThreadKey = (requestId: string): string => `request:${requestId}:slack-thread`;
