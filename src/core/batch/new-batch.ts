// Asking for a batch: a pending batch of users with their plans, or a refusal the requester can fix.
import { LicenseDoctorError } from '../errors.ts';
import { auditRecord } from '../approval/audit-record.ts';
import type { Refusal } from '../approval/refusal-reason.ts';
import type { BatchBlastRadius, BatchKind, BatchMember, BatchMemberPlan, BatchRequest, BatchSource } from '../model/batch.ts';
import type { PathId } from '../model/diagnosis.ts';
import type { AuditRecord } from '../model/journal.ts';
import type { Plan, PlanOptions } from '../model/plan.ts';
import type { Actor } from '../model/request.ts';
import { pathModule } from '../paths/path-registry.ts';

const HOUR_MS = 3_600_000;

/** A batch reaches many users: two approvers, neither of them the requester. */
export const BATCH_APPROVALS_REQUIRED = 2;

export interface NewBatchInput {
  readonly id: string;
  readonly kind: BatchKind;
  readonly path: PathId;
  readonly options: PlanOptions;
  readonly group: BatchRequest['group'];
  readonly sku: string | null;
  readonly source: BatchSource;
  readonly requestedBy: Actor;
  readonly reason: string;
  readonly removalAcknowledged: boolean;
  /** One plan per user (kind users), or the one group- or app-level plan. */
  readonly plans: readonly { readonly userPrincipalName: string; readonly displayName: string; readonly plan: Plan }[];
  readonly skipped: BatchRequest['skipped'];
  readonly now: string;
  readonly ttlHours: number;
}

export type NewBatchResult =
  | { readonly kind: 'created'; readonly batch: BatchRequest; readonly members: readonly BatchMember[]; readonly audit: readonly AuditRecord[] }
  | { readonly kind: 'refused'; readonly refusal: Refusal; readonly audit: readonly AuditRecord[] };

/** What a plan shows for one user in the batch. */
function memberPlan(plan: Plan): BatchMemberPlan {
  return {
    before: plan.before.map((l) => l.skuPartNumber), after: plan.after.map((l) => l.skuPartNumber), removed: plan.removedLicenses.map((l) => l.skuPartNumber),
    steps: plan.steps.map((s) => s.title), needsManualSteps: plan.needsManualSteps,
  };
}

/** The summed blast radius: each user once, or the group's members, or the app's users. */
function batchBlastRadius(kind: BatchKind, plans: readonly { readonly plan: Plan }[]): BatchBlastRadius {
  const first = plans[0]?.plan.blastRadius;
  if (kind === 'group' && first?.kind === 'group') return { users: first.memberCount, description: `every member of '${first.groupName}' (${first.memberCount})` };
  if (kind === 'app' && first?.kind === 'app') return { users: first.assignedUsers, description: `every user of ${first.appLabel} (${first.assignedUsers}${first.assignedUsersMore ? '+' : ''})` };
  return { users: plans.length, description: `${plans.length} user${plans.length === 1 ? '' : 's'}, one change each` };
}

function check(input: NewBatchInput): Refusal | null {
  if (input.reason.trim() === '') return { reason: 'justification-required', message: 'A justification is required: say why this change is needed.' };
  if (input.plans.length === 0) return { reason: 'invalid-transition', message: 'No user in this selection needs the change now: there is nothing to ask for.' };
  // A plan that removes a license, or whose path asks for a confirmation of its own (path 1's gap in service).
  const losing = input.plans.filter((p) => p.plan.removedLicenses.length > 0 || (pathModule(p.plan.path).acknowledgement?.(p.plan, p.displayName) ?? null) !== null);
  if (losing.length > 0 && !input.removalAcknowledged) {
    return { reason: 'removal-not-acknowledged', message: `${losing.length} of these plans remove a license (or leave a gap): confirm the loss (acknowledge the removal) to ask for the batch.` };
  }
  return null;
}

/** A new `pending` batch (version 1) with its members, expiring `ttlHours` after `now`; or a refusal. */
export function newBatch(input: NewBatchInput): NewBatchResult {
  const start = Date.parse(input.now);
  if (Number.isNaN(start)) throw new LicenseDoctorError('usage', `The batch time must be an ISO 8601 time (got "${input.now}").`);
  const subject = { actor: input.requestedBy };
  const refusal = check(input);
  if (refusal) return { kind: 'refused', refusal, audit: [auditRecord(input.now, 'batch.refused', subject, null, { id: input.id, path: input.path, reason: refusal.reason, message: refusal.message })] };
  const blastRadius = batchBlastRadius(input.kind, input.plans);
  const batch: BatchRequest = {
    id: input.id, status: 'pending', version: 1, kind: input.kind, path: input.path, options: input.options, group: input.group, sku: input.sku, source: input.source,
    approvalsRequired: BATCH_APPROVALS_REQUIRED, requestedBy: input.requestedBy, reason: input.reason.trim(), removalAcknowledged: input.removalAcknowledged,
    blastRadius, memberCount: input.plans.length, skipped: input.skipped, decisions: [], createdAt: input.now,
    expiresAt: new Date(start + input.ttlHours * HOUR_MS).toISOString(), updatedAt: input.now, outcome: null,
  };
  const members = input.plans.map((p, position): BatchMember => ({
    batchId: input.id, position, userPrincipalName: p.userPrincipalName, displayName: p.displayName, requestId: null, state: 'pending', detail: null,
    plan: memberPlan(p.plan), updatedAt: input.now,
  }));
  const audit = [auditRecord(input.now, 'batch.created', subject, batch.id, {
    kind: batch.kind, path: batch.path, group: batch.group?.id ?? null, sku: batch.sku, source: batch.source, users: members.map((m) => m.userPrincipalName),
    blastRadius: blastRadius.users, reason: batch.reason, removalAcknowledged: batch.removalAcknowledged, expiresAt: batch.expiresAt,
  })];
  return { kind: 'created', batch, members, audit };
}
