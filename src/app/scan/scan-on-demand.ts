// Use case: a fleet scan asked for from chat (a person in the helpdesk group) or by the schedule. It is the CLI's scan
// (runScan: one at a time across instances through the scan lease, resumable), read back as its summary, and audited:
// who asked, from where, and how it ended (`scan-requested`, then `scan-finished`, `scan-busy` or `scan-failed`;
// `scan-refused` for someone outside the helpdesk group).
import { isLicenseDoctorError } from '../../core/errors.ts';
import type { ScanSummary } from '../../core/model/scan.ts';
import type { ScanRun } from '../../core/ports/scan-store.ts';
import { auditRecord, writeAudit } from '../audit.ts';
import type { Asker } from '../helpdesk-gate.ts';
import type { ServiceDeps } from '../service-deps.ts';
import type { ScanProgress } from '../../core/model/scan.ts';
import type { ScanDeps } from './scan-deps.ts';
import { scanSummary } from './scan-report.ts';
import { runScan } from './run-scan.ts';

/** A scan's dependencies opened for one run (runtime.fleet.createScanRuntime). */
export interface OpenedScan {
  readonly deps: ScanDeps;
  close(): Promise<void>;
}

/** Opens the scan's adapters and store for one run. */
export type OpenScan = (options: { readonly onProgress: (progress: ScanProgress) => void; readonly startedBy: string; readonly stopSignal?: AbortSignal }) => Promise<OpenedScan>;

export type ScanOnDemandOutcome =
  | { readonly kind: 'finished'; readonly run: ScanRun; readonly summary: ScanSummary; readonly resumed: boolean; readonly startedBy: string }
  | { readonly kind: 'busy'; readonly startedBy: string | null };

export type ScanAuditDeps = Pick<ServiceDeps, 'helpdesk' | 'auditLog' | 'auditContext' | 'clock'>;

export interface ScanOnDemandInput {
  /** The person (from chat), or null for the schedule. */
  readonly asker: Asker | null;
  /** How cards name the person (their chat display name); default who the helpdesk gate let in. */
  readonly displayName?: string | null;
  readonly open: OpenScan;
  readonly onProgress?: (progress: ScanProgress) => void;
  /** Called once the person is let in, before the scan starts (a surface posts its progress card); a throw stops it.
   *  `startedBy` names them on cards and to whoever asks for another scan meanwhile. */
  readonly onAdmitted?: (startedBy: string) => Promise<void>;
  readonly stopSignal?: AbortSignal;
}

/** Who the schedule is in the audit log and on cards. */
const SCHEDULE_ACTOR = 'schedule';

/** Runs (or resumes) the scan for `input.asker`; a refusal throws a policy error (audited), vendor and store failures theirs. */
export async function scanOnDemand(deps: ScanAuditDeps, input: ScanOnDemandInput): Promise<ScanOnDemandOutcome> {
  const { asker } = input;
  const at = () => new Date(deps.clock.now()).toISOString();
  const where = asker ? { surface: asker.surface, surfaceUserId: asker.surfaceUserId ?? null } : { surface: SCHEDULE_ACTOR };
  let who = SCHEDULE_ACTOR;
  if (asker) {
    try {
      who = (await deps.helpdesk.admit(asker)).who;
    } catch (err) {
      if (isLicenseDoctorError(err, 'policy')) {
        await writeAudit(deps, [auditRecord(at(), 'scan-refused', asker.upnOrId.toLowerCase(), null, { ...where, reason: err.message })]);
      }
      throw err;
    }
  }
  const startedBy = input.displayName?.trim() || who;
  await input.onAdmitted?.(startedBy);
  await writeAudit(deps, [auditRecord(at(), 'scan-requested', who, null, where)]);
  let scan: OpenedScan | null = null;
  try {
    scan = await input.open({ onProgress: (p) => input.onProgress?.(p), startedBy, ...(input.stopSignal ? { stopSignal: input.stopSignal } : {}) });
    const outcome = await runScan(scan.deps);
    if (outcome.kind === 'busy') {
      await writeAudit(deps, [auditRecord(at(), 'scan-busy', who, null, { ...where, runningFor: outcome.startedBy })]);
      return outcome;
    }
    const summary = await scanSummary(scan.deps.store, outcome.run);
    await writeAudit(deps, [auditRecord(at(), 'scan-finished', who, null, {
      ...where, scanId: outcome.run.id, resumed: outcome.resumed, oktaAppUsers: summary.oktaAppUsers, entraUsers: summary.entraUsers, byVerdict: summary.byVerdict,
    })]);
    return { kind: 'finished', run: outcome.run, summary, resumed: outcome.resumed, startedBy };
  } catch (err) {
    const code = isLicenseDoctorError(err) ? err.code : 'unexpected';
    await writeAudit(deps, [auditRecord(at(), 'scan-failed', who, null, { ...where, error: code })]).catch(() => undefined);
    throw err;
  } finally {
    await scan?.close();
  }
}
