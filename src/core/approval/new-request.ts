// Asking for a change: a pending request built from a plan, or a refusal the requester can fix.
import { APPROVALS_REQUIRED } from '../paths/approvals-required.ts';
import { pathModule } from '../paths/path-registry.ts';
import { LicenseDoctorError } from '../errors.ts';
import type { AuditRecord } from '../model/journal.ts';
import type { Plan } from '../model/plan.ts';
import type { Actor, LicenseRequest } from '../model/request.ts';
import { joinNames } from './actor-label.ts';
import { auditRecord } from './audit-record.ts';
import type { Refusal, RefusalReason } from './refusal-reason.ts';

const HOUR_MS = 3_600_000;

/** What a requester submits, with the moment and the configured time to live (REQUEST_TTL_HOURS, default 24). */
export interface NewRequestInput {
  readonly id: string;
  readonly plan: Plan;
  readonly requestedBy: Actor;
  /** The justification. */
  readonly reason: string;
  /** The requester confirmed the user loses the plan's removed licenses. */
  readonly removalAcknowledged: boolean;
  readonly target: LicenseRequest['target'];
  readonly now: string;
  readonly ttlHours: number;
}

export type NewRequestResult =
  | { readonly kind: 'created'; readonly request: LicenseRequest; readonly audit: readonly AuditRecord[] }
  | { readonly kind: 'refused'; readonly reason: RefusalReason; readonly message: string; readonly audit: readonly AuditRecord[] };

function check(input: NewRequestInput): Refusal | null {
  if (input.reason.trim() === '') return { reason: 'justification-required', message: 'A justification is required: say why this change is needed.' };
  const removed = input.plan.removedLicenses;
  if (removed.length > 0 && !input.removalAcknowledged) {
    const names = joinNames(removed.map((l) => l.productName));
    return {
      reason: 'removal-not-acknowledged',
      message: `This plan removes ${names} from ${input.target.displayName}: confirm that ${removed.length === 1 ? 'this license is' : 'these licenses are'} lost (acknowledge the removal) to ask for it.`,
    };
  }
  const other = pathModule(input.plan.path).acknowledgement?.(input.plan, input.target.displayName) ?? null;
  if (other !== null && !input.removalAcknowledged) return { reason: 'removal-not-acknowledged', message: other };
  return null;
}

/**
 * A new `pending` request (version 1) for `input.plan`, expiring `ttlHours` after `now`; or a refusal when the
 * justification is blank or the plan removes licenses the requester did not acknowledge. Throws only on a bad
 * `now` or `ttlHours` (a programming or configuration error, not a person's input).
 */
export function newRequest(input: NewRequestInput): NewRequestResult {
  const start = Date.parse(input.now);
  if (Number.isNaN(start)) throw new LicenseDoctorError('usage', `The request time must be an ISO 8601 time (got "${input.now}").`);
  if (!Number.isFinite(input.ttlHours) || input.ttlHours <= 0) {
    throw new LicenseDoctorError('configuration', `REQUEST_TTL_HOURS must be a positive number of hours (got ${input.ttlHours}).`);
  }
  const subject = { actor: input.requestedBy };
  const refusal = check(input);
  if (refusal) {
    const data = { reason: refusal.reason, message: refusal.message, id: input.id, path: input.plan.path, target: input.target.userPrincipalName };
    return { kind: 'refused', ...refusal, audit: [auditRecord(input.now, 'request.refused', subject, null, data)] };
  }
  // The policy's minimum wins over the plan's number: a plan cannot lower the approvals its scope needs.
  const approvalsRequired = Math.max(input.plan.approvalsRequired, APPROVALS_REQUIRED[input.plan.scope]);
  const request: LicenseRequest = {
    id: input.id,
    status: 'pending',
    version: 1,
    path: input.plan.path,
    scope: input.plan.scope,
    approvalsRequired,
    requestedBy: input.requestedBy,
    reason: input.reason.trim(),
    removalAcknowledged: input.removalAcknowledged,
    target: input.target,
    plan: input.plan,
    decisions: [],
    steps: input.plan.steps.map((s) => ({ stepId: s.id, status: 'pending', detail: null, at: null })),
    createdAt: input.now,
    expiresAt: new Date(start + input.ttlHours * HOUR_MS).toISOString(),
    updatedAt: input.now,
    outcome: null,
  };
  const audit = [auditRecord(input.now, 'request.created', subject, request.id, {
    path: request.path, scope: request.scope, approvalsRequired, target: request.target.userPrincipalName,
    reason: request.reason, removalAcknowledged: request.removalAcknowledged,
    removedLicenses: input.plan.removedLicenses.map((l) => l.skuPartNumber), expiresAt: request.expiresAt,
  })];
  return { kind: 'created', request, audit };
}
