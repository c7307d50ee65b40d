// The batch use cases bound to their dependencies, as the surfaces call them.
import { countMembers, memberStateOf } from '../../core/batch/batch-counts.ts';
import { auditRecord } from '../../core/approval/audit-record.ts';
import type { BatchCounts, BatchMember, BatchRequest } from '../../core/model/batch.ts';
import { LicenseDoctorError } from '../../core/errors.ts';
import { inContext } from '../audit.ts';
import { announce, nowIso, type BatchDeps } from './batch-deps.ts';
import { createBatch, type CreateBatchInput } from './create-batch.ts';
import { decideBatch, type DecideBatchInput, type DecideBatchResult } from './decide-batch.ts';
import { retryBatch, splitBatch, type BatchActionInput } from './retry-batch.ts';
import { cancelBySystem, OPEN_BATCH_STATUSES } from '../../core/batch/batch-decision.ts';
import { changeBatch, finishIfSettled, runBatch } from './run-batch.ts';

/** A batch with its users and live counts. */
export interface BatchState {
  readonly batch: BatchRequest;
  readonly members: readonly BatchMember[];
  readonly counts: BatchCounts;
}

export interface BatchService {
  create(input: CreateBatchInput): Promise<BatchRequest>;
  decide(input: DecideBatchInput): Promise<DecideBatchResult>;
  /** Runs (or resumes) an approved batch here; resolves when every user has an outcome. */
  run(batchId: string): Promise<BatchRequest>;
  /** The same, in the background (cards follow through onChange). */
  runInBackground(batchId: string): void;
  retry(input: BatchActionInput): Promise<BatchRequest>;
  /** Records the retry (refusals throw) and runs the failed users in the background; resolves with the batch then. */
  retryInBackground(input: BatchActionInput): Promise<BatchRequest>;
  split(input: BatchActionInput & { readonly reason?: string }): Promise<BatchRequest>;
  /** The batch now: users whose request ended elsewhere (another instance, maintenance) are recorded first. */
  state(batchId: string): Promise<BatchState | null>;
  /** The batch record as stored (null: no such batch). */
  get(batchId: string): Promise<BatchRequest | null>;
  list(): Promise<BatchRequest[]>;
  /**
   * Maintenance: runs approved batches nobody started (approved with --no-execute, or on an instance that stopped) and
   * resumes running ones whose users wait (an instance died mid-batch); batches this process runs are left alone. Users
   * are claimed one by one in the store, so instances resuming one batch at once never run a user twice.
   */
  resume(): Promise<string[]>;
  /**
   * Cancels every batch waiting for approval, approved or running, for `reason` (audited as batch.cancelled with it):
   * running batches start no more users, and those already running finish their change (idle() waits for them).
   */
  cancelOpen(reason: string): Promise<string[]>;
  /** Waits for background runs (tests, shutdown). */
  idle(): Promise<void>;
}

/** Records the outcome of running users whose request has ended (it may have run on another instance). */
async function syncMembers(deps: BatchDeps, batch: BatchRequest): Promise<void> {
  for (const m of await deps.batches.members(batch.id)) {
    if ((m.state !== 'running' && m.state !== 'manual') || m.requestId === null) continue;
    const request = await deps.service.requests.get(m.requestId);
    const state = request ? memberStateOf(request.status) : null;
    // A user left with manual steps is done once a Re-check finished their request.
    if (!request || state === null || state === m.state) continue;
    const now = nowIso(deps);
    const audit = auditRecord(now, 'batch.user-finished', { system: deps.service.instanceId }, batch.id, { user: m.userPrincipalName, state, requestId: m.requestId, detail: request.outcome?.message ?? null });
    if (await deps.batches.updateMember({ ...m, state, detail: request.outcome?.message ?? null, updatedAt: now }, m.state, inContext(deps.service, [audit]))) await announce(deps, 'member', batch);
  }
  if (batch.status === 'running') await finishIfSettled(deps, batch.id);
}

export function createBatchService(deps: BatchDeps): BatchService {
  const running = new Set<Promise<unknown>>();
  const runningIds = new Set<string>();
  const run = (id: string) => {
    const p = runBatch(deps, id);
    running.add(p);
    runningIds.add(id);
    void p.finally(() => {
      running.delete(p);
      runningIds.delete(id);
    }).catch(() => undefined);
    return p;
  };
  const runInBackground = (id: string) => {
    void run(id).catch((err: unknown) => deps.service.logger.error({ err, batchId: id }, 'the batch could not run'));
  };
  return {
    create: (input) => createBatch(deps, input),
    decide: (input) => decideBatch(deps, input),
    run,
    runInBackground,
    retry: (input) => retryBatch(deps, input, run),
    retryInBackground: (input) => retryBatch(deps, input, async (id) => {
      runInBackground(id);
      const batch = await deps.batches.getBatch(id);
      if (!batch) throw new LicenseDoctorError('not-found', `There is no batch ${id}.`);
      return batch;
    }),
    split: (input) => splitBatch(deps, input),
    state: async (id) => {
      const batch = await deps.batches.getBatch(id);
      if (!batch) return null;
      await syncMembers(deps, batch);
      const members = await deps.batches.members(id);
      return { batch: (await deps.batches.getBatch(id)) ?? batch, members, counts: countMembers(members) };
    },
    get: (id) => deps.batches.getBatch(id),
    list: () => deps.batches.listBatches(),
    resume: async () => {
      const resumed: string[] = [];
      if (deps.service.policy.readOnly) return resumed;
      for (const b of await deps.batches.listBatches(200)) {
        if ((b.status !== 'approved' && b.status !== 'running') || runningIds.has(b.id) || !b.approval || b.approval.readOnly) continue;
        const waiting = (await deps.batches.members(b.id)).some((m) => m.state === 'pending' || m.state === 'running');
        if (!waiting && b.status === 'running') {
          await finishIfSettled(deps, b.id);
          continue;
        }
        resumed.push(b.id);
        runInBackground(b.id);
      }
      return resumed;
    },
    cancelOpen: async (reason) => {
      const cancelled: string[] = [];
      // The newest batches (an open one is recent: a pending batch expires after REQUEST_TTL_HOURS).
      for (const b of await deps.batches.listBatches(1000)) {
        if (!OPEN_BATCH_STATUSES.has(b.status)) continue;
        const done = await changeBatch(deps, b.id, (current) => {
          const step = cancelBySystem(current, reason, nowIso(deps), deps.service.instanceId);
          return step ? { next: step.batch, audit: [...step.audit] } : null;
        });
        if (done) cancelled.push(b.id);
      }
      return cancelled;
    },
    idle: async () => {
      while (running.size > 0) await Promise.allSettled([...running]);
    },
  };
}
