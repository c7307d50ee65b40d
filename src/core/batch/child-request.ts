// One user's change in an approved batch: an ordinary request, created already approved by the batch's approvers
// (their decisions are copied, so the request shows who approved it), run by the executor like any other.
import { newRequest } from '../approval/new-request.ts';
import { auditRecord } from '../approval/audit-record.ts';
import type { Refusal } from '../approval/refusal-reason.ts';
import type { BatchRequest } from '../model/batch.ts';
import type { AuditRecord } from '../model/journal.ts';
import type { Plan } from '../model/plan.ts';
import { approvalsOf, type LicenseRequest } from '../model/request.ts';

export interface ChildRequestInput {
  readonly id: string;
  readonly batch: BatchRequest;
  readonly plan: Plan;
  readonly target: LicenseRequest['target'];
  readonly now: string;
  readonly ttlHours: number;
}

/** The approved request for one user of `batch` (approved and within its window), or why it cannot be made. */
export function childRequest(input: ChildRequestInput): { readonly kind: 'created'; readonly request: LicenseRequest; readonly audit: readonly AuditRecord[] } | { readonly kind: 'refused'; readonly refusal: Refusal } {
  const { batch } = input;
  if (!batch.approval) return { kind: 'refused', refusal: { reason: 'invalid-transition', message: `Batch ${batch.id} is not approved.` } };
  const approvals = approvalsOf(batch);
  const created = newRequest({
    id: input.id, plan: input.plan, requestedBy: batch.requestedBy, reason: `Batch ${batch.id}: ${batch.reason}`,
    removalAcknowledged: batch.removalAcknowledged, target: input.target, now: input.now, ttlHours: input.ttlHours,
  });
  if (created.kind === 'refused') return { kind: 'refused', refusal: { reason: created.reason, message: created.message } };
  if (approvals.length < created.request.approvalsRequired) {
    return { kind: 'refused', refusal: { reason: 'invalid-transition', message: `This plan needs ${created.request.approvalsRequired} approvals; the batch has ${approvals.length}.` } };
  }
  const request: LicenseRequest = { ...created.request, status: 'approved', decisions: approvals, approval: batch.approval };
  const [createdRecord] = created.audit;
  const audit: AuditRecord[] = [
    ...(createdRecord ? [{ ...createdRecord, data: { ...createdRecord.data, batchId: batch.id } }] : []),
    auditRecord(input.now, 'request.approved', { system: null }, request.id, {
      approvedBy: approvals.map((d) => d.by.userPrincipalName), batchId: batch.id, readOnly: batch.approval.readOnly, runBy: batch.approval.runBy,
    }),
  ];
  return { kind: 'created', request, audit };
}
