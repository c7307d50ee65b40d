// Use case: ask for a batch from the latest scan (or a list of users, e.g. an aggregated alert's): the users of one
// licensing group and SKU, each with the plan they would get now, or the one group- or app-level plan.
import { OPEN_STATUSES, openRequestForTarget } from '../../core/approval/open-request-for-target.ts';
import { openMembers } from '../../core/alerts/alert-rules.ts';
import { newBatch } from '../../core/batch/new-batch.ts';
import { isLicenseDoctorError, LicenseDoctorError } from '../../core/errors.ts';
import type { BatchKind, BatchRequest, BatchSource } from '../../core/model/batch.ts';
import type { PathId } from '../../core/model/diagnosis.ts';
import type { Plan, PlanOptions } from '../../core/model/plan.ts';
import { pathModule } from '../../core/paths/path-registry.ts';
import { defaultOptions } from '../../core/paths/plan-options.ts';
import type { ScanUserRow } from '../../core/model/scan.ts';
import type { CliIdentity, Surface } from '../../core/model/request.ts';
import { requireApprovers } from '../approvers.ts';
import { inContext, writeAudit } from '../audit.ts';
import { previewPlan } from '../preview-plan.ts';
import { resolveActor } from '../resolve-actor.ts';
import { scanRows } from '../scan/scan-report.ts';
import { announce, eachBounded, newBatchId, nowIso, type BatchDeps } from './batch-deps.ts';

const CONFLICTS = new Set(['group-inherited-license-conflict', 'dual-managed-license']);

export interface CreateBatchInput {
  /** The latest finished scan, or the users still failing on an aggregated alert (its cause's group and SKU). */
  readonly from: { readonly kind: 'scan' } | { readonly kind: 'alert'; readonly alertId: string };
  /** Only users whose conflict comes from this licensing group / concerns this SKU part number. */
  readonly groupId: string | null;
  readonly sku: string | null;
  readonly path: PathId;
  /** Path 1's group variant: remove the license from the group itself (one group-level plan; needs groupId). */
  readonly groupLevel: boolean;
  readonly requester: { readonly upnOrId: string; readonly surface: Surface; readonly surfaceUserId?: string | null; readonly cli?: CliIdentity };
  readonly reason: string;
  readonly acknowledgeRemoval: boolean;
}

interface Candidate { readonly userPrincipalName: string; readonly groupName: string | null }

async function candidates(deps: BatchDeps, input: CreateBatchInput): Promise<{ users: Candidate[]; source: BatchSource; cause?: { group: { id: string; displayName: string } | null; sku: string | null } }> {
  const sku = input.sku?.toLowerCase() ?? null;
  const fits = (row: ScanUserRow) => CONFLICTS.has(row.verdict)
    && (input.groupId === null || row.groups.some((g) => g.id.toLowerCase() === input.groupId?.toLowerCase()))
    && (sku === null || row.conflictSkus.some((s) => s.toLowerCase() === sku));
  const groupName = (row: ScanUserRow) => row.groups.find((g) => g.id.toLowerCase() === input.groupId?.toLowerCase())?.displayName ?? null;
  if (input.from.kind === 'alert') {
    const alert = await deps.alerts?.alert(input.from.alertId);
    if (!alert) throw new LicenseDoctorError('not-found', `There is no alert ${input.from.alertId}.`);
    const failing = openMembers(alert).map((m) => ({ userPrincipalName: m.userPrincipalName, groupName: alert.cause.group?.displayName ?? null }));
    return { users: failing, source: { kind: 'alert', alertId: alert.id }, cause: { group: alert.cause.group, sku: alert.cause.sku?.partNumber ?? null } };
  }
  const run = await deps.scans.latestFinishedScan();
  if (!run) throw new LicenseDoctorError('usage', 'There is no finished scan to take users from: run license-doctor scan first.');
  const users: Candidate[] = [];
  for await (const row of scanRows(deps.scans as Parameters<typeof scanRows>[0], run)) if (fits(row)) users.push({ userPrincipalName: row.userPrincipalName, groupName: groupName(row) });
  return { users, source: { kind: 'scan', scanId: run.id, scannedAt: run.finishedAt ?? run.startedAt } };
}

function kindOf(input: CreateBatchInput): BatchKind {
  if (pathModule(input.path).scope === 'app') return 'app';
  return input.groupLevel ? 'group' : 'users';
}

/** Creates a pending batch (two approvers, neither the requester); refusals throw a policy error and are audited. */
export async function createBatch(deps: BatchDeps, input: CreateBatchInput): Promise<BatchRequest> {
  const svc = deps.service;
  await svc.helpdesk.admit(input.requester);
  requireApprovers(svc.policy, 'take batch requests');
  if (input.groupLevel && input.groupId === null) throw new LicenseDoctorError('usage', 'The group variant changes one group: name it (--group <id>).');
  const requester = await resolveActor(svc.diagnose.entra, input.requester);
  const { users, source, cause } = await candidates(deps, input);
  if (users.length === 0) {
    throw new LicenseDoctorError('usage', input.from.kind === 'alert' ? 'Every user on this alert is resolved: there is nothing to fix.' : 'No user of the latest scan matches this selection (a conflict verdict, the group and SKU given).');
  }
  const kind = kindOf(input);
  // A batch's one variant is path 1's group variant; the other paths take path 1's options at their defaults (ignored).
  const pathOne = defaultOptions(pathModule('okta-owns-licenses'));
  const options: PlanOptions = kind === 'group' ? { ...pathOne, removeLicenseFromGroup: true } : pathOne;
  const open = await svc.requests.list({ statuses: OPEN_STATUSES });
  const plans: { userPrincipalName: string; displayName: string; plan: Plan }[] = [];
  const skipped: { userPrincipalName: string; reason: string }[] = [];
  const planOne = async (u: Candidate) => {
    try {
      const { diagnosis, plan } = await previewPlan(svc, u.userPrincipalName, input.path, options);
      const user = diagnosis.report.user;
      if (!user) throw new LicenseDoctorError('usage', diagnosis.report.explanation);
      if (kind === 'group' && (plan.blastRadius.kind !== 'group' || plan.blastRadius.groupId.toLowerCase() !== input.groupId?.toLowerCase())) {
        throw new LicenseDoctorError('usage', 'the group variant of this user\'s plan changes another group');
      }
      const busy = openRequestForTarget(open, plan, user.entraObjectId);
      if (busy) throw new LicenseDoctorError('policy', `request ${busy.id} is already open for this user`);
      plans.push({ userPrincipalName: user.userPrincipalName, displayName: user.displayName, plan });
    } catch (err) {
      if (!isLicenseDoctorError(err)) throw err;
      skipped.push({ userPrincipalName: u.userPrincipalName, reason: err.message });
    }
  };
  if (kind === 'users') {
    await eachBounded(users, deps.concurrency, planOne).then((errors) => { if (errors[0] !== undefined) throw errors[0]; });
  } else {
    // One plan for the whole group or app: the first user for whom it is offered stands for everyone.
    for (const u of users) {
      await planOne(u);
      if (plans.length > 0) break;
    }
  }
  // Members in the scan's (user name) order, whatever order their plans arrived in.
  const order = new Map(users.map((u, i) => [u.userPrincipalName.toLowerCase(), i]));
  plans.sort((a, b) => (order.get(a.userPrincipalName.toLowerCase()) ?? 0) - (order.get(b.userPrincipalName.toLowerCase()) ?? 0));
  const groupName = users.find((u) => u.groupName !== null)?.groupName ?? null;
  const result = newBatch({
    id: newBatchId(deps), kind, path: input.path, options,
    group: cause ? cause.group : input.groupId === null ? null : { id: input.groupId, displayName: groupName ?? input.groupId },
    sku: cause ? cause.sku : input.sku, source, requestedBy: requester, reason: input.reason, removalAcknowledged: input.acknowledgeRemoval, plans, skipped,
    now: nowIso(deps), ttlHours: svc.policy.requestTtlHours,
  });
  if (result.kind === 'refused') {
    await writeAudit(svc, result.audit);
    const detail = result.refusal.reason === 'invalid-transition' && skipped.length > 0 ? ` (${skipped.map((s) => `${s.userPrincipalName}: ${s.reason}`).slice(0, 3).join('; ')})` : '';
    throw new LicenseDoctorError('policy', `${result.refusal.message}${detail}`, { reason: result.refusal.reason });
  }
  await deps.batches.createBatch(result.batch, result.members, inContext(svc, result.audit));
  svc.logger.info({ batchId: result.batch.id, users: result.members.length, by: requester.userPrincipalName }, 'batch created');
  await announce(deps, 'created', result.batch);
  return result.batch;
}
