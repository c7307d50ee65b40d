// The view of a plan: before → after per license (removed ones flagged), steps, blast radius, approvals, warnings.
import type { BlastRadius, LicenseLine, LicenseSource, Plan } from '../model/plan.ts';
import type { StepProgress } from '../model/request.ts';
import { pathModule } from '../paths/path-registry.ts';
import { approvalsLabel } from './path-labels.ts';
import type { LicenseChangeView, PlanOptionField, PlanView } from './view-model.ts';

const source = (s: LicenseSource) => (s.kind === 'direct' ? 'direct' : `group ${s.groupName}`);
const describe = (l: LicenseLine | undefined) =>
  !l || l.sources.length === 0 ? '—' : `${l.sources.map(source).join(' + ')}${l.heldByOkta ? ' (Okta holds it)' : ''}`;

function blastRadius(b: BlastRadius): string {
  switch (b.kind) {
    case 'user':
      return `One user: ${b.userPrincipalName}`;
    case 'group':
      return `Group ${b.groupName}: ${b.memberCount} member${b.memberCount === 1 ? '' : 's'}`;
    case 'app':
      return `Every user of ${b.appLabel}: ${b.assignedUsersMore ? 'more than ' : ''}${b.assignedUsers} user${b.assignedUsers === 1 && !b.assignedUsersMore ? '' : 's'}`;
  }
}

function licenseChanges(plan: Plan): LicenseChangeView[] {
  const ids = [...new Set([...plan.before.map((l) => l.skuId), ...plan.after.map((l) => l.skuId)])];
  return ids.map((id) => {
    const before = plan.before.find((l) => l.skuId === id);
    const after = plan.after.find((l) => l.skuId === id);
    return {
      product: (before ?? after)?.productName ?? id,
      before: describe(before),
      after: describe(after),
      removed: plan.removedLicenses.some((l) => l.skuId === id),
    };
  });
}

/** The chat view of a plan, with each step's progress when the plan belongs to a request. */
export function planView(plan: Plan, progress: readonly StepProgress[] = []): PlanView {
  const path = pathModule(plan.path);
  const confirm = path.acknowledgement?.(plan, plan.diagnosis.report.user?.displayName ?? 'the user') ?? null;
  return {
    path: plan.path,
    title: `${path.labels.title} (${path.labels.reference})`,
    summary: plan.summary,
    scope: plan.scope,
    blastRadius: blastRadius(plan.blastRadius),
    approvals: approvalsLabel(plan.approvalsRequired),
    licenses: licenseChanges(plan),
    steps: plan.steps.map((s, i) => {
      const p = progress.find((x) => x.stepId === s.id);
      return { n: i + 1, title: s.title, automatic: s.automatic, effect: s.effect, status: p?.status ?? 'pending', detail: p?.detail ?? null };
    }),
    warnings: plan.warnings,
    alternatives: plan.alternatives,
    removalNeedsAcknowledgement: plan.removedLicenses.length > 0,
    needsManualSteps: plan.needsManualSteps,
    ...(confirm === null ? {} : { variantAcknowledgement: confirm }),
    options: path.options.map((o): PlanOptionField => {
      const value = plan.options[o.name];
      return o.kind === 'boolean'
        ? { kind: 'boolean', name: o.name, label: o.label, help: o.help, value: typeof value === 'boolean' ? value : o.default }
        : { kind: 'choice', name: o.name, label: o.label, help: o.help, value: typeof value === 'string' ? value : o.default, choices: o.choices };
    }),
  };
}
