// Audit checkpoints: the head of the audit log (seq, hash, MAC) written to the application log from time to time. The
// log is shipped elsewhere (a SIEM), out of reach of whoever can change the database, so a later check against a
// checkpoint reveals a truncated or rebuilt audit table, which the chain alone cannot (a shortened chain still links).
import type { AuditHead } from '../core/model/journal.ts';
import type { ServiceDeps } from './service-deps.ts';

/** What checking a checkpoint found. */
export type CheckpointCheck =
  | { readonly kind: 'matches'; readonly seq: number }
  | { readonly kind: 'missing'; readonly seq: number; readonly entries: number }
  | { readonly kind: 'differs'; readonly seq: number };

/** Logs the audit head when it moved since `last` (null: log it anyway); resolves with the head now. */
export async function logAuditCheckpoint(deps: Pick<ServiceDeps, 'auditLog' | 'logger'>, last: AuditHead | null): Promise<AuditHead | null> {
  const head = await deps.auditLog.auditHead();
  if (head !== null && (last === null || head.seq !== last.seq || head.hash !== last.hash)) {
    deps.logger.info({ auditCheckpoint: head }, `audit checkpoint: ${head.seq} entries, head ${head.hash}`);
  }
  return head;
}

/** Whether entry `seq` of the stored log still has the hash a checkpoint recorded for it. */
export async function checkAuditCheckpoint(deps: Pick<ServiceDeps, 'auditLog'>, checkpoint: { readonly seq: number; readonly hash: string }): Promise<CheckpointCheck> {
  const [entry] = await deps.auditLog.audit({ afterSeq: checkpoint.seq - 1, limit: 1 });
  if (entry === undefined || entry.seq !== checkpoint.seq) {
    const head = await deps.auditLog.auditHead();
    return { kind: 'missing', seq: checkpoint.seq, entries: head?.seq ?? 0 };
  }
  return entry.hash === checkpoint.hash ? { kind: 'matches', seq: checkpoint.seq } : { kind: 'differs', seq: checkpoint.seq };
}

/** Logs a checkpoint now, every `intervalMs` while the head moves (0: never), and once more on stop. */
export function startAuditCheckpoints(deps: Pick<ServiceDeps, 'auditLog' | 'logger'>, intervalMs: number): { stop(): Promise<void> } {
  if (intervalMs <= 0) return { stop: async () => undefined };
  let last: AuditHead | null = null;
  let pending: Promise<void> = Promise.resolve();
  const tick = () => {
    pending = pending.then(() => logAuditCheckpoint(deps, last)).then(
      (head) => {
        last = head;
      },
      // The store may be away (readiness reports it); the next tick tries again.
      (err: unknown) => deps.logger.warn({ err }, 'audit checkpoint skipped: the store did not answer'),
    );
  };
  tick();
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      tick();
      await pending;
    },
  };
}
