// The lease an execution holds, with its fencing token. Every change the executor makes to the request or its
// journal names the token, and the token is checked again right before each vendor write: an executor that was
// paused past its lease and taken over stops without writing anything, and without recording success.
import { LicenseDoctorError, isLicenseDoctorError } from '../core/errors.ts';
import type { JournalEntry, LeaseFence } from '../core/model/journal.ts';
import type { ServiceDeps } from './service-deps.ts';

/** Thrown where an execution finds that another one has taken its request over. */
export function leaseLost(requestId: string, fence: LeaseFence): LicenseDoctorError {
  return new LicenseDoctorError('conflict', `Another execution took request ${requestId} over; this one stops without writing.`, { reason: 'lease-lost', requestId, token: fence.token });
}

/** True for the error `leaseLost` makes. */
export const isLeaseLost = (err: unknown): boolean => isLicenseDoctorError(err, 'conflict') && err.details['reason'] === 'lease-lost';

/** Thrown inside an execution when the process is asked to stop: the execution ends where it is, lease released. */
export class ExecutionStopped extends Error {
  override readonly name = 'ExecutionStopped';
}

/** Throws ExecutionStopped once `signal` is aborted. */
export function checkStop(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new ExecutionStopped('the process is stopping');
}

/** Waits `ms`, or less when `signal` is aborted (then throws ExecutionStopped). */
export async function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  await new Promise<void>((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
  checkStop(signal);
}

/** A held lease: renew it (checks the token), journal under it, release it. With takeTarget, also its target's lease,
 *  renewed and released with it. */
export class ExecutionLease {
  readonly #deps: Pick<ServiceDeps, 'executionStore' | 'clock' | 'execution'>;
  readonly requestId: string;
  readonly fence: LeaseFence;
  #target: { readonly key: string; readonly fence: LeaseFence } | null = null;

  constructor(deps: Pick<ServiceDeps, 'executionStore' | 'clock' | 'execution'>, requestId: string, fence: LeaseFence) {
    this.#deps = deps;
    this.requestId = requestId;
    this.fence = fence;
  }

  /** Takes the lease of `targetKey` for this execution's owner; false while another execution holds it. */
  async takeTarget(targetKey: string): Promise<boolean> {
    const { executionStore, clock, execution } = this.#deps;
    const token = await executionStore.acquireLease(`target:${targetKey}`, this.fence.owner, clock.now(), execution.leaseMs);
    if (token !== null) this.#target = { key: targetKey, fence: { owner: this.fence.owner, token } };
    return token !== null;
  }

  /** Extends the lease (and the target's); throws `leaseLost` when another execution holds the request or target now. */
  async hold(): Promise<void> {
    const { executionStore, clock, execution } = this.#deps;
    if (!(await executionStore.renewLease(`request:${this.requestId}`, this.fence, clock.now(), execution.leaseMs))) throw leaseLost(this.requestId, this.fence);
    const target = this.#target;
    if (target && !(await executionStore.renewLease(`target:${target.key}`, target.fence, clock.now(), execution.leaseMs))) throw leaseLost(this.requestId, target.fence);
  }

  /** True when another execution holds the request or target now (the store is asked; an error there counts as not). */
  async takenOver(): Promise<boolean> {
    try {
      await this.hold();
      return false;
    } catch (err) {
      return isLeaseLost(err);
    }
  }

  /** Writes a journal row under the lease; throws `leaseLost` when it was taken over (nothing written). */
  async journal(entry: JournalEntry): Promise<void> {
    if (!(await this.#deps.executionStore.writeJournal(entry, this.fence))) throw leaseLost(this.requestId, this.fence);
  }

  /** Frees the leases so that another instance can resume at once (nothing when they were taken over). */
  async release(): Promise<void> {
    const target = this.#target;
    this.#target = null;
    try {
      if (target) await this.#deps.executionStore.releaseLease(`target:${target.key}`, target.fence);
    } finally {
      await this.#deps.executionStore.releaseLease(`request:${this.requestId}`, this.fence);
    }
  }
}
