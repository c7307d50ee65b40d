// Checks shared by the end-to-end resolution tests: which writes the bot made, and what a resolved request looks
// like in the tenant, the journal and the audit log.
import type { Plan } from '../../src/core/model/plan.ts';
import type { LicenseRequest } from '../../src/core/model/request.ts';
import { appUser, licensePaths, provisioning, pushFailuresSince } from './sandbox-admin.ts';
import type { SandboxRuntime } from './test-runtime.ts';
import { clearCalls, planWrites, writesOf, type Write } from './vendor-writes.ts';

/** Whether a write went to Okta (or its Workflows), not to Graph. */
export const isOkta = (w: Write): boolean => w.includes(' /api/');
const GRANTING = new Set(['Active', 'ActiveWithError']);

/** Writes the bot made, per vendor: Graph from its own request log, Okta (and Workflows) from the Okta sandbox's. */
export function writesSoFar(rt: SandboxRuntime): { graph: Write[]; okta: Write[] } {
  return { graph: writesOf(rt.requests.filter((r) => r.vendor === 'graph')), okta: writesOf(rt.sandbox.okta.calls) };
}

/** Forgets the requests and calls recorded so far. */
export function forget(rt: SandboxRuntime): void {
  rt.requests.length = 0;
  clearCalls(rt.sandbox);
}

/**
 * Asserts a resolved request: succeeded, Okta's push after `startedAt` with no failure since and Graph showing the plan's
 * "after" (path 1), or provisioning off with licenses unchanged (paths 2 and 3); each write step journaled once; audit intact.
 */
export async function expectVerified(rt: SandboxRuntime, request: LicenseRequest, plan: Plan, startedAt: string): Promise<void> {
  const name = request.target.displayName;
  expect(request.status).toBe('succeeded');
  expect(request.steps.map((s) => s.status).every((s) => s === 'succeeded' || s === 'skipped')).toBe(true);
  const paths = (await licensePaths(rt.sandbox, request.target.entraObjectId)).filter((p) => GRANTING.has(p.state));
  if (plan.path === 'okta-owns-licenses') {
    expect(request.outcome?.message).toMatch(new RegExp(`^Verified: Okta pushed ${name}'s profile successfully at \\d\\d:\\d\\d UTC`));
    // Okta pushed after the change, and nothing failed since.
    const au = await appUser(rt.sandbox, request.target.oktaUserId ?? '');
    expect(au.syncState).toBe('SYNCHRONIZED');
    expect(Date.parse(au.lastSync ?? '')).toBeGreaterThan(Date.parse(startedAt));
    expect(pushFailuresSince(rt.sandbox, request.target.oktaUserId ?? '', startedAt)).toEqual([]);
    // Graph shows the plan's "after": every license assigned directly (by Okta), none from a group.
    expect(paths.map((p) => `${p.skuId} ${p.assignedByGroup ?? 'direct'}`).sort()).toEqual(plan.after.map((l) => `${l.skuId.toLowerCase()} direct`).sort());
  } else {
    expect(request.outcome?.message).toBe(`Verified: Okta's provisioning of Microsoft Office 365 is off, so Okta no longer pushes licenses; ${name} keeps the licenses Entra ID gives.`);
    expect(await provisioning(rt.sandbox)).toBe('DISABLED');
    // Licenses stay exactly as they were.
    const before = plan.before.flatMap((l) => l.sources.map((s) => `${l.skuId.toLowerCase()} ${s.kind === 'direct' ? 'direct' : s.groupId.toLowerCase()}`));
    expect(paths.map((p) => `${p.skuId} ${p.assignedByGroup ?? 'direct'}`).sort()).toEqual(before.sort());
  }
  // Every automatic write step ran exactly once, as the journal records.
  const journal = await rt.store.journal(request.id);
  const writeSteps = plan.steps.filter((s) => planWrites(plan, [s.id]).length > 0).map((s) => s.id);
  expect(journal.filter((j) => j.status === 'succeeded').map((j) => j.stepId).sort()).toEqual([...writeSteps].sort());
  expect(journal.filter((j) => j.status !== 'succeeded')).toEqual([]);
  const actions = (await rt.store.audit({ requestId: request.id })).map((e) => e.action);
  expect(actions).toEqual(expect.arrayContaining(['request.created', 'request.approved', 'execution.started', 'execution.finished']));
  expect(await rt.store.verifyAudit()).toMatchObject({ kind: 'intact' });
}
