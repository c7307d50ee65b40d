// The application services the surfaces (CLI, Slack, Teams, demo page) call. No business rule lives in a surface.
import type { AuditVerification } from '../core/model/journal.ts';
import type { PathId } from '../core/model/diagnosis.ts';
import type { PlanOptions } from '../core/model/plan.ts';
import type { LicenseRequest, RequestStatus } from '../core/model/request.ts';
import { assessCapabilities, type CapabilityLine, type GrantedPermissions } from '../core/permissions/capabilities.ts';
import { createRequest, type CreateRequestInput } from './create-request.ts';
import { decideRequest, type DecideInput, type DecideResult } from './decide-request.ts';
import { diagnoseUser, type DiagnoseOutcome } from './diagnose-user.ts';
import { executeRequest } from './execute-request.ts';
import { planFor, previewPlan } from './preview-plan.ts';
import { recheckRequest } from './recheck-request.ts';
import { runMaintenance } from './run-maintenance.ts';
import type { ServiceDeps } from './service-deps.ts';

export interface Services {
  readonly deps: ServiceDeps;
  diagnose(query: string): Promise<DiagnoseOutcome>;
  previewPlan(query: string, path: PathId, options: PlanOptions): ReturnType<typeof previewPlan>;
  planFor: (...args: Parameters<typeof planFor> extends [unknown, ...infer R] ? R : never) => ReturnType<typeof planFor>;
  createRequest(input: CreateRequestInput): Promise<LicenseRequest>;
  decide(input: DecideInput): Promise<DecideResult>;
  /** Runs the plan now in this process (when this instance gets the lease). */
  execute(requestId: string): Promise<LicenseRequest | null>;
  /** Runs the plan in the background; progress arrives as events. */
  executeInBackground(requestId: string): void;
  recheck(requestId: string): Promise<LicenseRequest>;
  get(requestId: string): Promise<LicenseRequest | null>;
  list(statuses?: readonly RequestStatus[]): Promise<LicenseRequest[]>;
  verifyAudit(): Promise<AuditVerification>;
  maintenance(): ReturnType<typeof runMaintenance>;
  /** What the credentials allow, read live: one line per capability. */
  checkPermissions(options?: { readonly probeWrites?: boolean }): Promise<{ granted: GrantedPermissions; lines: CapabilityLine[] }>;
  /** Waits for background executions (tests, shutdown). */
  idle(): Promise<void>;
}

/** Binds the use cases to their dependencies. */
export function createServices(deps: ServiceDeps): Services {
  const running = new Set<Promise<unknown>>();
  const track = <T>(p: Promise<T>): Promise<T> => {
    running.add(p);
    void p.finally(() => running.delete(p)).catch(() => undefined);
    return p;
  };
  // Executions (and what resumes them) read and write through adapters that wait out a rate limit.
  const executing: ServiceDeps = deps.executionDiagnose ? { ...deps, diagnose: deps.executionDiagnose } : deps;
  return {
    deps,
    diagnose: (query) => diagnoseUser(deps.diagnose, query),
    previewPlan: (query, path, options) => previewPlan(deps, query, path, options),
    planFor: (diagnosis, path, options) => planFor(deps, diagnosis, path, options),
    createRequest: (input) => createRequest(deps, input),
    decide: (input) => decideRequest(deps, input),
    execute: (id) => track(executeRequest(executing, id)),
    executeInBackground: (id) => {
      void track(executeRequest(executing, id)).catch((err: unknown) => deps.logger.error({ err, requestId: id }, 'execution failed'));
    },
    recheck: (id) => track(recheckRequest(executing, id)),
    get: (id) => deps.store.get(id),
    list: (statuses) => deps.store.list(statuses ? { statuses } : {}),
    verifyAudit: () => deps.store.verifyAudit(),
    maintenance: () => track(runMaintenance(executing)),
    checkPermissions: async (options) => {
      const granted = deps.permissions ? await deps.permissions.readGranted(options) : { graphRoles: null, oktaScopes: null };
      return { granted, lines: assessCapabilities(granted) };
    },
    idle: async () => {
      while (running.size > 0) await Promise.allSettled([...running]);
    },
  };
}
