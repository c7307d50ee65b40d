// "Reset the sandbox": the seeded tenant again, and empty demo conversations. Plans still running finish first (a plan
// half-run against a fresh tenant would fail in confusing ways), and so do the sandbox Okta's pending pushes (they
// would write into the fresh tenant). What the adapters cache about the tenant is dropped (a cached Okta apps list
// would still say provisioning is off after path 2). Requests stay in the store with their audit trail, but open ones
// are cancelled in their requester's name (audited like any cancel): their cards are gone, and an open request would
// otherwise hold its user against a new one (one change at a time per target). Open batches (waiting for approval,
// approved or running) are cancelled first, audited with the reason "sandbox reset": a running batch starts no more
// users, and the users it already started finish their change before the tenant is re-seeded (waited for like running
// plans). Open alerts are closed, so the same failures alert again on the fresh page.
import type { AppLogger } from '../../app/app-logger.ts';
import type { BatchService } from '../../app/batch/batch-service.ts';
import type { ChatServices } from '../../app/services.ts';
import type { RunningSandbox } from '../../sandbox/start-sandbox.ts';
import type { DemoConversations } from './demo-conversations.ts';

export interface ResetDeps {
  readonly services: Pick<ChatServices, 'idle' | 'list' | 'decide'>;
  readonly sandbox: Pick<RunningSandbox, 'tenant' | 'graph' | 'okta'>;
  readonly conversations: DemoConversations;
  /** The batch service (opened on first use). */
  readonly batches: () => Promise<Pick<BatchService, 'cancelOpen' | 'idle'>>;
  /** Closes the open alerts (their cards go with the conversations; the same failures alert again after the reset). */
  readonly closeAlerts: () => Promise<void>;
  /** Drops the adapters' caches of the tenant (Runtime.clearCaches). */
  readonly clearCaches: () => void;
  readonly logger: AppLogger;
  /** Longest wait for running plans (the sandbox verifies for up to 20 s). */
  readonly settleMs?: number;
}

/** Why the reset cancels what was open (the audit entries of the cancelled batches say so). */
const RESET_REASON = 'sandbox reset';

/** Resolves true when `work` finished within `ms`, false when the time ran out first. */
async function within(work: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([work.then(() => true), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Resets the sandbox tenant and the demo conversations; false when running plans did not finish in time. */
export async function resetDemo(deps: ResetDeps): Promise<boolean> {
  const batches = await deps.batches().catch((err: unknown) => {
    deps.logger.warn({ err }, 'demo reset: the batches could not be opened; open batches are left as they are');
    return null;
  });
  const cancelled = await batches?.cancelOpen(RESET_REASON).catch((err: unknown) => {
    deps.logger.warn({ err }, 'demo reset: could not cancel the open batches');
    return [];
  });
  if (cancelled && cancelled.length > 0) deps.logger.info({ batches: cancelled }, 'demo reset: open batches cancelled');
  // Plans running, and the users of the cancelled batches already started, finish before the tenant is re-seeded.
  const settled = await within(Promise.all([deps.services.idle(), batches?.idle()]), deps.settleMs ?? 30_000);
  if (!settled) deps.logger.warn({}, 'demo reset: plans were still running after the wait; resetting the sandbox under them');
  await deps.sandbox.okta.idle();
  for (const open of await deps.services.list(['pending', 'approved', 'needs-manual-steps'])) {
    const actor = { upnOrId: open.requestedBy.userPrincipalName, surface: 'web' as const, surfaceUserId: open.requestedBy.surfaceUserId };
    await deps.services.decide({ requestId: open.id, decision: 'cancel', actor }).catch((err: unknown) => {
      deps.logger.warn({ err, requestId: open.id }, 'demo reset: could not cancel an open request');
    });
  }
  await deps.closeAlerts().catch((err: unknown) => deps.logger.warn({ err }, 'demo reset: could not close the open alerts'));
  deps.sandbox.tenant.reset();
  deps.sandbox.graph.faults.clear();
  deps.sandbox.okta.faults.clear();
  deps.clearCaches();
  deps.conversations.clear();
  deps.logger.info({}, 'demo reset: sandbox tenant re-seeded, conversations cleared');
  return settled;
}
