// Before every write of a plan that has already changed something (a resume after a crash, a re-check, a retry, or
// simply the next step), the live state must still be what the plan's finished steps left and what its next steps
// rely on. The premise check of the first write compares with the plan's diagnosis; once steps have run, that
// diagnosis is expected to differ, so this check compares with the plan's own expectations instead: the user is the
// same, Okta holds what the plan set (a re-push would otherwise strip licenses), every license the plan keeps is
// still granted, nothing new appeared that Okta's push would take away, and finished steps' effects are still there.
import type { Diagnosis, DiagnosisReport } from '../model/diagnosis.ts';
import type { Plan } from '../model/plan.ts';
import { STEP_KINDS, stepKindOf, type StepTable } from '../steps/step-table.ts';
import type { PremiseCheck } from './check-premises.ts';

const GRANTING: ReadonlySet<string> = new Set(['Active', 'ActiveWithError']);
const norm = (v: string): string => v.trim().toLowerCase();
const shown = (values: readonly string[]): string => (values.length === 0 ? 'none' : values.join(', '));

function grantedSkus(report: DiagnosisReport): Map<string, string> {
  return new Map(report.licenses.filter((r) => GRANTING.has(r.state)).map((r) => [norm(r.skuId), r.productName] as const));
}

/** The license values Okta must hold for the user now: what the plan set, or what it held when the plan was made. */
function expectedOktaValues(plan: Plan, done: ReadonlySet<string>, table: StepTable): readonly string[] | null {
  for (const s of plan.steps) {
    const after = stepKindOf(table, s.action).oktaLicensesAfter?.(s.action, done.has(s.id));
    if (after) return after;
  }
  return plan.diagnosis.report.okta?.managedLicenses ?? null;
}

function oktaChanges(plan: Plan, done: ReadonlySet<string>, fresh: Diagnosis, name: string, table: StepTable): string[] {
  const was = plan.diagnosis.report.okta;
  const is = fresh.report.okta;
  if (was === null) return [];
  if (is === null || norm(is.appId) !== norm(was.appId)) return [`${name} is no longer provisioned by the Office 365 app ${was.appId} in Okta`];
  const changes: string[] = [];
  if (is.scope !== was.scope) changes.push(`Okta assigns the app to ${name} with scope ${is.scope ?? 'none'} now (was ${was.scope ?? 'none'})`);
  const turnedOff = plan.steps.some((s) => done.has(s.id) && stepKindOf(table, s.action).provisioningWhenDone === 'disabled');
  const provisioning = turnedOff ? 'disabled' : was.provisioning;
  if (is.provisioning !== provisioning) changes.push(`Okta's provisioning of the app is ${is.provisioning} now (expected ${provisioning})`);
  const expected = expectedOktaValues(plan, done, table);
  // Provisioning off: Okta no longer pushes, so what it holds cannot take a license away.
  if (expected !== null && is.provisioning === 'enabled') {
    const held = new Set(is.managedLicenses.map(norm));
    const missing = expected.filter((v) => !held.has(norm(v)));
    if (missing.length > 0) changes.push(`Okta's licenses for ${name} are now ${shown(is.managedLicenses)} (expected ${shown(expected)}), so a push from Okta would remove ${shown(missing)}`);
  }
  return changes;
}

function licenseChanges(plan: Plan, fresh: Diagnosis, name: string): string[] {
  const live = grantedSkus(fresh.report);
  const removed = new Set(plan.removedLicenses.map((l) => norm(l.skuId)));
  // The variant with a gap in service accepts that a license taken from the group comes back only with Okta's push.
  const gapped = new Set(plan.options.allowServiceGap ? plan.before.filter((l) => l.sources.some((s) => s.kind === 'group')).map((l) => norm(l.skuId)) : []);
  const changes: string[] = [];
  for (const line of plan.before) {
    const sku = norm(line.skuId);
    if (line.sources.length === 0 || removed.has(sku) || gapped.has(sku) || live.has(sku)) continue;
    changes.push(`${name} no longer has ${line.productName}`);
  }
  const known = new Set([...plan.before, ...plan.after].map((l) => norm(l.skuId)));
  for (const [sku, product] of live) if (!known.has(sku)) changes.push(`${name} now has ${product}, which the plan did not account for`);
  return changes;
}

/** Finished steps whose effect is gone (a direct assignment someone removed, say), in words. */
function lostEffects(plan: Plan, done: ReadonlySet<string>, fresh: Diagnosis, name: string, table: StepTable): string[] {
  return plan.steps.flatMap((s) => {
    const lost = done.has(s.id) ? stepKindOf(table, s.action).effectLost?.(s.action, fresh.input, name, s.id) : null;
    return lost ? [lost] : [];
  });
}

/**
 * 'hold' when `fresh` (read just now) is consistent with the plan after the steps in `done` (ids of steps finished
 * or found done); otherwise every difference that matters, in words, for the person who must act.
 */
export function checkProgress(plan: Plan, done: ReadonlySet<string>, fresh: Diagnosis, table: StepTable = STEP_KINDS): PremiseCheck {
  const user = plan.diagnosis.report.user;
  const name = user?.displayName ?? 'the user';
  const now = fresh.report.user;
  if (now === null) return { kind: 'changed', changes: [`${name} no longer exists in Entra ID`] };
  if (user && norm(user.entraObjectId) !== norm(now.entraObjectId)) return { kind: 'changed', changes: [`${name} is a different Entra ID object now`] };
  const changes = [...oktaChanges(plan, done, fresh, name, table), ...licenseChanges(plan, fresh, name), ...lostEffects(plan, done, fresh, name, table)];
  return changes.length === 0 ? { kind: 'hold' } : { kind: 'changed', changes: [...new Set(changes)] };
}

