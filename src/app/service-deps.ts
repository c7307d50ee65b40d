// What the request use cases need; main.ts builds it.
import type { Clock } from '../core/ports/clock.ts';
import type { PermissionReader } from '../core/ports/permission-reader.ts';
import type { RequestStore } from '../core/ports/request-store.ts';
import type { WorkflowsFlow } from '../core/ports/workflows-flow.ts';
import type { AppLogger } from './app-logger.ts';
import type { ApproverPolicy } from './approvers.ts';
import type { DiagnoseDeps } from './diagnose-user.ts';
import type { RequestEvents } from './request-events.ts';

export interface ExecutionSettings {
  /** How long an execution lease lasts without renewal (a crashed instance's plan is resumed after it). */
  readonly leaseMs: number;
  /** How long verification waits for Okta's push and Graph's group licensing to agree. */
  readonly verifyTimeoutMs: number;
  /** Pause between verification reads. */
  readonly verifyIntervalMs: number;
}

export const DEFAULT_EXECUTION: ExecutionSettings = { leaseMs: 60_000, verifyTimeoutMs: 90_000, verifyIntervalMs: 2_000 };

export interface ServiceDeps {
  readonly diagnose: DiagnoseDeps;
  /** The same tenant for executions: vendor calls that wait out rate limits instead of failing (default `diagnose`). */
  readonly executionDiagnose?: DiagnoseDeps;
  /** What the credentials are granted (`check`, /readyz, the pre-execution check); absent: not checked. */
  readonly permissions?: PermissionReader;
  readonly workflows: WorkflowsFlow | null;
  readonly store: RequestStore;
  readonly events: RequestEvents;
  readonly logger: AppLogger;
  readonly clock: Clock;
  readonly policy: ApproverPolicy & { readonly readOnly: boolean; readonly requestTtlHours: number };
  readonly execution: ExecutionSettings;
  /** Identifies this process in leases and the journal. */
  readonly instanceId: string;
  /** New request ids. */
  newRequestId(): string;
  /** Extra identity recorded with every audit entry this process writes (e.g. the OS user running the CLI). */
  readonly auditContext: Readonly<Record<string, string | null>>;
}
