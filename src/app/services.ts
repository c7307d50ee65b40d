// The application services the surfaces (CLI, Slack, Teams, demo page) call. No business rule lives in a surface.
import type { AuditVerification } from '../core/model/journal.ts';
import type { PathId } from '../core/model/diagnosis.ts';
import type { PlanOptions } from '../core/model/plan.ts';
import type { LicenseRequest, RequestStatus } from '../core/model/request.ts';
import { approversToNotify, claimAnnouncement, dueNotices } from './approver-notices.ts';
import { createRequest, type CreateRequestInput } from './create-request.ts';
import { decideRequest, type DecideInput, type DecideResult } from './decide-request.ts';
import { diagnoseUser, type DiagnoseOutcome } from './diagnose-user.ts';
import { executeRequest } from './execute-request.ts';
import { planFor, previewPlan } from './preview-plan.ts';
import { recheckRequest } from './recheck-request.ts';
import { requestsOfPerson } from './requests-of-person.ts';
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
  /** The approvers to tell that `request` needs them (direct messages). */
  approversToNotify(request: LicenseRequest): ReturnType<typeof approversToNotify>;
  /** Notices due on `channel` now: announcements not made yet and reminders before expiry (each claimed once, across instances). */
  dueNotices(channel: string): ReturnType<typeof dueNotices>;
  /** Claims the announcement of a new request on `channel`; false when an instance already made it. */
  claimAnnouncement(channel: string, requestId: string): Promise<boolean>;
  /** `my requests`: what the person asked for, and the pending requests waiting for their approval. */
  requestsOf(who: Parameters<typeof requestsOfPerson>[1]): ReturnType<typeof requestsOfPerson>;
  verifyAudit(): Promise<AuditVerification>;
  maintenance(): ReturnType<typeof runMaintenance>;
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
  return {
    deps,
    diagnose: (query) => diagnoseUser(deps.diagnose, query),
    previewPlan: (query, path, options) => previewPlan(deps, query, path, options),
    planFor: (diagnosis, path, options) => planFor(deps, diagnosis, path, options),
    createRequest: (input) => createRequest(deps, input),
    decide: (input) => decideRequest(deps, input),
    execute: (id) => track(executeRequest(deps, id)),
    executeInBackground: (id) => {
      void track(executeRequest(deps, id)).catch((err: unknown) => deps.logger.error({ err, requestId: id }, 'execution failed'));
    },
    recheck: (id) => track(recheckRequest(deps, id)),
    get: (id) => deps.store.get(id),
    list: (statuses) => deps.store.list(statuses ? { statuses } : {}),
    requestsOf: (who) => requestsOfPerson(deps, who),
    approversToNotify: (request) => approversToNotify(deps, request),
    dueNotices: (channel) => dueNotices(deps, channel),
    claimAnnouncement: (channel, requestId) => claimAnnouncement(deps, channel, requestId),
    verifyAudit: () => deps.store.verifyAudit(),
    maintenance: () => track(runMaintenance(deps)),
    idle: async () => {
      while (running.size > 0) await Promise.allSettled([...running]);
    },
  };
}
