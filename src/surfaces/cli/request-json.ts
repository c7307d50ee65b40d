// The JSON documents of `plan --json` and the request commands (CONTRACT.md "Request JSON").
import type { LicenseLine, Plan } from '../../core/model/plan.ts';
import { approvalsOf, type LicenseRequest } from '../../core/model/request.ts';

const line = (l: LicenseLine) => ({
  skuId: l.skuId,
  skuPartNumber: l.skuPartNumber,
  productName: l.productName,
  sources: l.sources.map((s) => (s.kind === 'direct' ? { kind: 'direct' } : { kind: 'group', groupId: s.groupId, groupName: s.groupName, groupKind: s.groupKind })),
  heldByOkta: l.heldByOkta,
});

/** `license-doctor plan --json`. */
export function planJson(plan: Plan) {
  return {
    path: plan.path,
    scope: plan.scope,
    approvalsRequired: plan.approvalsRequired,
    blastRadius: plan.blastRadius,
    verdict: plan.diagnosis.report.verdict,
    before: plan.before.map(line),
    after: plan.after.map(line),
    removedLicenses: plan.removedLicenses.map(line),
    steps: plan.steps.map((s) => ({
      id: s.id, kind: s.action.kind, title: s.title, automatic: s.automatic, precondition: s.precondition, effect: s.effect, verification: s.verification,
    })),
    needsManualSteps: plan.needsManualSteps,
    warnings: plan.warnings,
    alternatives: plan.alternatives,
    summary: plan.summary,
  };
}

/** The request document of `request`, `approve`, `reject`, `show --json` (and the items of `requests --json`). */
export function requestJson(r: LicenseRequest) {
  return {
    id: r.id,
    status: r.status,
    path: r.path,
    scope: r.scope,
    approvalsRequired: r.approvalsRequired,
    approvals: approvalsOf(r).map((d) => ({ by: d.by.userPrincipalName, at: d.at })),
    requestedBy: r.requestedBy.userPrincipalName,
    reason: r.reason,
    target: r.target,
    createdAt: r.createdAt,
    expiresAt: r.expiresAt,
    decisions: r.decisions.map((d) => ({ kind: d.kind, by: d.by.userPrincipalName, at: d.at, reason: d.reason })),
    plan: {
      before: r.plan.before.map(line),
      after: r.plan.after.map(line),
      removedLicenses: r.plan.removedLicenses.map(line),
      steps: r.plan.steps.map((s) => {
        const p = r.steps.find((x) => x.stepId === s.id);
        return { id: s.id, kind: s.action.kind, title: s.title, automatic: s.automatic, status: p?.status ?? 'pending', detail: p?.detail ?? null };
      }),
    },
    outcome: r.outcome,
  };
}
