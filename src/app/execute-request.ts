// Use case: run an approved plan. Exactly one execution runs it at a time (an expiring lease with a fencing token);
// before every write the live state is read and checked against the plan (never the journal alone), every write is
// journaled before and after under the token and read back after, and a process that dies mid-plan leaves a journal
// from which the next start resumes without repeating a completed write.
import { targetKey } from '../core/approval/open-request-for-target.ts';
import type { LicenseRequest } from '../core/model/request.ts';
import { ExecutionLease, ExecutionStopped, isLeaseLost } from './execution-lease.ts';
import { runPlan } from './run-plan.ts';
import type { ServiceDeps } from './service-deps.ts';

let executions = 0;

/** Runs (or resumes) the request's plan if this instance gets the lease; resolves with the request as it ends, or null. */
export async function executeRequest(deps: ServiceDeps, requestId: string): Promise<LicenseRequest | null> {
  // One owner per attempt, not per instance: a store lease is re-entrant for its owner, and the maintenance pass and
  // a click on the same instance must not both run the plan.
  executions += 1;
  const owner = `${deps.instanceId}/${executions}`;
  const token = await deps.executionStore.acquireLease(`request:${requestId}`, owner, deps.clock.now(), deps.execution.leaseMs);
  if (token === null) {
    deps.logger.info({ requestId }, 'another execution is running this request');
    return null;
  }
  const lease = new ExecutionLease(deps, requestId, { owner, token });
  try {
    // One execution per target too: two requests for one user (or group, or app), say a retried one and a new one,
    // never run at the same time. Taken after the request lease, and never waited for while holding it.
    const request = await deps.requests.get(requestId);
    const target = request ? targetKey(request.plan, request.target.entraObjectId) : null;
    if (target !== null && !(await lease.takeTarget(target))) {
      deps.logger.info({ requestId, target }, 'another execution is changing the same target; this request runs after it');
      return null;
    }
    return await runPlan(deps, lease);
  } catch (err) {
    if (err instanceof ExecutionStopped) {
      deps.logger.info({ requestId }, 'stopped at a step boundary (the process is stopping); another instance resumes the plan');
      return deps.requests.get(requestId);
    }
    // An execution paused past its lease may meet any error once it runs again (a vendor connection the server closed
    // meanwhile, say): when another execution took the request over, that error is moot, and the request is reported
    // as the other one left it, as when the token check stops it.
    if (!isLeaseLost(err) && !(await lease.takenOver())) throw err;
    deps.logger.warn({ requestId, token, ...(isLeaseLost(err) ? {} : { err }) }, 'another execution took this request over; stopped without writing');
    return deps.requests.get(requestId);
  } finally {
    await lease.release().catch((err: unknown) => deps.logger.warn({ err, requestId }, 'could not release the lease'));
  }
}
