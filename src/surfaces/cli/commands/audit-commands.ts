// license-doctor audit verify | export — the audit log's checks and its export for a SIEM.
import { checkAuditCheckpoint } from '../../../app/audit-checkpoint.ts';
import type { AuditVerification } from '../../../core/model/journal.ts';
import { AUDIT_CSV_HEADER, formatAuditEntry, type AuditExportFormat } from '../audit-export-format.ts';
import type { CliIo } from '../cli-io.ts';
import { EXIT } from '../exit-codes.ts';
import { withRuntime } from '../with-runtime.ts';

/** How many entries export reads at a time. */
const PAGE = 1_000;

/** What the check covered beyond the chain itself, for stderr (stdout keeps its one line). */
function coverage(v: Extract<AuditVerification, { kind: 'intact' }>, keyed: boolean): string[] {
  const lines: string[] = [];
  if (v.keyedFrom !== undefined) lines.push(`Every MAC checked from entry ${v.keyedFrom} on (AUDIT_KEY).`);
  else if (!keyed) lines.push('Not keyed: set AUDIT_KEY so that a rewritten chain cannot be recomputed.');
  if (v.requests !== undefined) lines.push(`${v.requests} requests match the state their last audit entry recorded.`);
  return lines;
}

/** Checks the chain, its MACs and the requests (and, with `checkpoint`, an entry a shipped log recorded); exit 1 when broken. */
export function auditVerifyCommand(args: { json: boolean; sandbox: boolean; checkpoint: { seq: number; hash: string } | null }, io: CliIo): Promise<number> {
  return withRuntime(io, args, async (rt) => {
    const v = await rt.services.verifyAudit();
    const checkpoint = args.checkpoint === null ? null : await checkAuditCheckpoint(rt.services.deps, args.checkpoint);
    const ok = v.kind === 'intact' && (checkpoint === null || checkpoint.kind === 'matches');
    if (args.json) {
      io.stdout.write(`${JSON.stringify(checkpoint === null ? v : { ...v, checkpoint })}\n`);
      return ok ? EXIT.ok : EXIT.failure;
    }
    if (v.kind === 'intact') {
      io.stdout.write(`Audit log intact: ${v.entries} entries, every hash chained to the one before.\n`);
      for (const line of coverage(v, rt.config.audit.key !== null)) io.stderr.write(`${line}\n`);
    } else io.stdout.write(`Audit log BROKEN at entry ${v.firstBrokenSeq} of ${v.entries}: ${v.reason}\n`);
    if (checkpoint?.kind === 'matches') io.stdout.write(`Checkpoint: entry ${checkpoint.seq} has the hash the log recorded.\n`);
    if (checkpoint?.kind === 'differs') io.stdout.write(`Checkpoint MISMATCH: entry ${checkpoint.seq} no longer has the hash the log recorded: the audit log was rewritten.\n`);
    if (checkpoint?.kind === 'missing') io.stdout.write(`Checkpoint MISSING: the log recorded entry ${checkpoint.seq}, the audit table ends at ${checkpoint.entries}: it was truncated.\n`);
    return ok ? EXIT.ok : EXIT.failure;
  });
}

/** Writes the audit entries at or after `since` to stdout, in seq order, page by page. */
export function auditExportCommand(args: { sandbox: boolean; since: string | null; format: AuditExportFormat }, io: CliIo): Promise<number> {
  return withRuntime(io, args, async (rt) => {
    if (args.format === 'csv') io.stdout.write(AUDIT_CSV_HEADER);
    for (let afterSeq = 0; ; ) {
      const page = await rt.services.deps.auditLog.audit({ afterSeq, limit: PAGE, ...(args.since === null ? {} : { since: args.since }) });
      for (const entry of page) io.stdout.write(formatAuditEntry(entry, args.format));
      const last = page.at(-1);
      if (page.length < PAGE || last === undefined) return EXIT.ok;
      afterSeq = last.seq;
    }
  });
}
