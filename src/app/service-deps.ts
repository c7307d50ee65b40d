// What the request use cases need; main.ts builds it.
import type { DiagnosisReport } from '../core/model/diagnosis.ts';
import type { AuditLog } from '../core/ports/audit-log.ts';
import type { Claims } from '../core/ports/claims.ts';
import type { Clock } from '../core/ports/clock.ts';
import type { ExecutionStore } from '../core/ports/execution-store.ts';
import type { PermissionReader } from '../core/ports/permission-reader.ts';
import type { Requests } from '../core/ports/requests.ts';
import type { WorkflowsFlow } from '../core/ports/workflows-flow.ts';
import type { StepTable } from '../core/steps/step-table.ts';
import type { AppLogger } from './app-logger.ts';
import type { ApproverPolicy } from './approvers.ts';
import type { DiagnoseDeps } from './diagnose-user.ts';
import type { HelpdeskGate } from './helpdesk-gate.ts';
import type { RequestEvents } from './request-events.ts';

export interface ExecutionSettings {
  /** How long an execution lease lasts without renewal (a crashed instance's plan is resumed after it). */
  readonly leaseMs: number;
  /** How long verification waits for Okta's push and Graph's group licensing to agree. */
  readonly verifyTimeoutMs: number;
  /** First pause between verification reads of Okta's app user; each later pause is 1.5 times longer, up to verifyMaxIntervalMs. */
  readonly verifyIntervalMs: number;
  readonly verifyMaxIntervalMs: number;
  /** How long a write's effect may take to show (e.g. a direct license path) before the plan stops. */
  readonly effectTimeoutMs: number;
  /** Pause between reads of a write's effect. */
  readonly effectIntervalMs: number;
  /** Deadline of one vendor write (shorter than the lease): past it, the outcome is unknown and is read back. */
  readonly callTimeoutMs: number;
  /** A request waiting for manual steps this long since its last change expires (MANUAL_STEPS_TTL_DAYS). */
  readonly manualStepsTtlMs: number;
  /** Maintenance retries a request whose execution failed after retryBaseMs, doubling each time up to retryCapMs. */
  readonly retryBaseMs: number;
  readonly retryCapMs: number;
}

export const DEFAULT_EXECUTION: ExecutionSettings = {
  leaseMs: 60_000, verifyTimeoutMs: 90_000, verifyIntervalMs: 10_000, verifyMaxIntervalMs: 15_000, effectTimeoutMs: 30_000, effectIntervalMs: 2_000, callTimeoutMs: 30_000,
  manualStepsTtlMs: 7 * 24 * 3_600_000, retryBaseMs: 15_000, retryCapMs: 10 * 60_000,
};

/** The sandbox tenant answers at once: short pauses keep the demo lively. */
export const SANDBOX_EXECUTION: Partial<ExecutionSettings> = { verifyTimeoutMs: 20_000, verifyIntervalMs: 250, verifyMaxIntervalMs: 1_000, effectTimeoutMs: 10_000, effectIntervalMs: 100 };

export interface ServiceDeps {
  readonly diagnose: DiagnoseDeps;
  /** The same tenant for executions: vendor calls that wait out rate limits instead of failing (default `diagnose`). */
  readonly executionDiagnose?: DiagnoseDeps;
  /** What the credentials are granted (`check`, /readyz, the pre-execution check); absent: not checked. */
  readonly permissions?: PermissionReader;
  readonly workflows: WorkflowsFlow | null;
  /** The store's narrow ports (one Kysely store implements them all): the requests themselves, what executions keep
   *  (leases and the journal), the audit log, and things done once across instances (notices). */
  readonly requests: Requests;
  readonly executionStore: ExecutionStore;
  readonly auditLog: AuditLog;
  readonly claims: Claims;
  readonly events: RequestEvents;
  readonly logger: AppLogger;
  readonly clock: Clock;
  /** Who may diagnose, preview and request (HELPDESK_GROUP_ID). */
  readonly helpdesk: HelpdeskGate;
  /**
   * `approvalTtlHours`: how long an approved request may wait to start (APPROVAL_TTL_HOURS); `cliDecisions`: whether
   * approve, reject and cancel are accepted from the command line (CLI_DECISIONS; always in sandbox mode).
   */
  readonly policy: ApproverPolicy & { readonly readOnly: boolean; readonly requestTtlHours: number; readonly approvalTtlHours: number; readonly cliDecisions: boolean };
  readonly execution: ExecutionSettings;
  /** The one work queue every chat surface shares, and the per-person limit on diagnoses. */
  readonly work: { readonly concurrency: number; readonly queueLimit: number; readonly diagnosesPerMinute: number };
  /** Identifies this process in leases and the journal. */
  readonly instanceId: string;
  /** New request ids. */
  newRequestId(): string;
  /** Aborted when the process is asked to stop: executions finish the vendor call in flight, journal it and stop. */
  readonly stopSignal?: AbortSignal;
  /** Extra identity recorded with every audit entry this process writes (e.g. the OS user running the CLI). */
  readonly auditContext: Readonly<Record<string, string | null>>;
  /** The step kinds executions know (default: every built-in kind, src/core/steps/step-table.ts). */
  readonly stepKinds?: StepTable;
  /** Sees each chat diagnosis's report after it is answered (alerts resolve users whose failure is gone). */
  readonly onDiagnosed?: (report: DiagnosisReport) => Promise<unknown>;
}
