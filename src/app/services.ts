// The application services the surfaces (CLI, Slack, Teams, demo page) call. No business rule lives in a surface.
import type { AuditVerification } from '../core/model/journal.ts';
import type { PathId } from '../core/model/diagnosis.ts';
import type { PlanOptions } from '../core/model/plan.ts';
import type { DecisionOptions } from '../core/approval/decision-options.ts';
import type { LicenseRequest, RequestStatus, Surface } from '../core/model/request.ts';
import { assessCapabilities, type CapabilityLine, type GrantedPermissions } from '../core/permissions/capabilities.ts';
import { approversToNotify, claimAnnouncement, dueNotices } from './approver-notices.ts';
import { createRequest, type CreateRequestInput } from './create-request.ts';
import { mayApprove, optionsOf, type Viewer } from './decision-options.ts';
import { decideRequest, type DecideInput, type DecideResult } from './decide-request.ts';
import { diagnoseAs } from './diagnose-as.ts';
import { diagnoseUser, type DiagnoseOutcome } from './diagnose-user.ts';
import type { Asker } from './helpdesk-gate.ts';
import { executeRequest } from './execute-request.ts';
import { planFor, previewPlan } from './preview-plan.ts';
import { recheckRequest } from './recheck-request.ts';
import { RequestBackoff } from './request-backoff.ts';
import { retryRequest, type RetryInput } from './retry-request.ts';
import { requestsOfPerson } from './requests-of-person.ts';
import { runMaintenance } from './run-maintenance.ts';
import type { ServiceDeps } from './service-deps.ts';
import { Coalescer } from './work/coalesce.ts';
import { RateLimit } from './work/rate-limit.ts';
import { takeTurn } from './work/turns.ts';
import { WorkQueue, type WorkLoad } from './work/work-queue.ts';

/**
 * Identical diagnoses share a round only while it is in flight (a round is at least two vendor round trips, so "asked
 * within a few seconds"): a finished one is never reused, so a Re-check right after a plan ran reads the new state.
 */
const COALESCE_AFTER_MS = 0;

export interface Services {
  readonly deps: ServiceDeps;
  /** Diagnoses `query`; with `asker` (the chat surfaces) the helpdesk group is checked and the diagnosis audited. */
  diagnose(query: string, asker?: Asker): Promise<DiagnoseOutcome>;
  /** The plan `path` would run; with `asker` the helpdesk group is checked first. */
  previewPlan(query: string, path: PathId, options: PlanOptions, asker?: Asker): ReturnType<typeof previewPlan>;
  planFor: (...args: Parameters<typeof planFor> extends [unknown, ...infer R] ? R : never) => ReturnType<typeof planFor>;
  createRequest(input: CreateRequestInput): Promise<LicenseRequest>;
  decide(input: DecideInput): Promise<DecideResult>;
  /** Runs the plan now in this process (when this instance gets the lease). */
  execute(requestId: string): Promise<LicenseRequest | null>;
  /** Runs the plan in the background; progress arrives as events. */
  executeInBackground(requestId: string): void;
  recheck(requestId: string): Promise<LicenseRequest>;
  /** Retries a failed plan from its failed step (the requester or an approver), after a live premise check. */
  retry(input: RetryInput): Promise<LicenseRequest>;
  get(requestId: string): Promise<LicenseRequest | null>;
  list(statuses?: readonly RequestStatus[]): Promise<LicenseRequest[]>;
  /** The approvers to tell that `request` needs them (direct messages). */
  approversToNotify(request: LicenseRequest): ReturnType<typeof approversToNotify>;
  /** Notices due on `channel` now: announcements not made yet and reminders before expiry (each claimed once, across instances). */
  dueNotices(channel: string): ReturnType<typeof dueNotices>;
  /** Claims the announcement of a new request on `channel`; false when an instance already made it. */
  claimAnnouncement(channel: string, requestId: string): Promise<boolean>;
  /** What `viewer` may do with `request` now (which buttons a card shows them; nothing is recorded). */
  decisionOptions(viewer: Viewer, request: LicenseRequest): Promise<DecisionOptions>;
  /** Whether the Entra user `upnOrId` may approve requests at all. */
  mayApprove(upnOrId: string, surface: Surface): Promise<boolean>;
  /** `my requests`: what the person asked for, and the pending requests waiting for their approval. */
  requestsOf(who: Parameters<typeof requestsOfPerson>[1]): ReturnType<typeof requestsOfPerson>;
  verifyAudit(): Promise<AuditVerification>;
  maintenance(): ReturnType<typeof runMaintenance>;
  /** The shared work queue's load (readiness). */
  workload(): WorkLoad;
  /** What the credentials allow, read live: one line per capability. */
  checkPermissions(options?: { readonly probeWrites?: boolean }): Promise<{ granted: GrantedPermissions; lines: CapabilityLine[] }>;
  /** Waits for background executions (tests, shutdown). */
  idle(): Promise<void>;
}

/** Binds the use cases to their dependencies. */
export function createServices(deps: ServiceDeps): Services {
  const running = new Set<Promise<unknown>>();
  const backoff = new RequestBackoff({ baseMs: deps.execution.retryBaseMs, capMs: deps.execution.retryCapMs });
  const track = <T>(p: Promise<T>): Promise<T> => {
    running.add(p);
    void p.finally(() => running.delete(p)).catch(() => undefined);
    return p;
  };
  // What people ask from chat goes through one bounded queue, identical diagnoses share a vendor round, and each person
  // has a per-minute budget. The CLI (no asker) runs directly: its operator is one process.
  const queue = new WorkQueue(deps.work.concurrency, deps.work.queueLimit);
  const coalescer = new Coalescer<DiagnoseOutcome>(deps.clock, COALESCE_AFTER_MS);
  const perPerson = new RateLimit(deps.clock, deps.work.diagnosesPerMinute);
  const sharedDiagnosis = (query: string) =>
    coalescer.run(query.trim().toLowerCase(), () => queue.run(() => diagnoseUser(deps.diagnose, query)));
  // Executions (and what resumes them) read and write through adapters that wait out a rate limit.
  const executing: ServiceDeps = deps.executionDiagnose ? { ...deps, diagnose: deps.executionDiagnose } : deps;
  return {
    deps,
    diagnose: async (query, asker) => {
      if (!asker) return diagnoseUser(deps.diagnose, query);
      // Behind the acknowledgements waiting on the loop (work/turns.ts): nothing of a diagnosis runs before them.
      await takeTurn('work');
      perPerson.take(asker.upnOrId);
      return diagnoseAs(deps, asker, query, sharedDiagnosis, (work) => void track(work));
    },
    previewPlan: async (query, path, options, asker) => {
      if (!asker) return previewPlan(deps, query, path, options);
      perPerson.take(asker.upnOrId);
      await deps.helpdesk.admit(asker);
      return queue.run(() => previewPlan(deps, query, path, options));
    },
    planFor: (diagnosis, path, options) => planFor(deps, diagnosis, path, options),
    createRequest: (input) => (input.requester.surface === 'cli' ? createRequest(deps, input) : queue.run(() => createRequest(deps, input))),
    decide: (input) => decideRequest(deps, input),
    execute: (id) => track(executeRequest(executing, id)),
    executeInBackground: (id) => {
      void track(executeRequest(executing, id)).catch((err: unknown) => deps.logger.error({ err, requestId: id }, 'execution failed'));
    },
    recheck: (id) => track(recheckRequest(executing, id)),
    retry: (input) => track(retryRequest(executing, input)),
    get: (id) => deps.requests.get(id),
    list: (statuses) => deps.requests.list(statuses ? { statuses } : {}),
    requestsOf: (who) => requestsOfPerson(deps, who),
    decisionOptions: (viewer, request) => optionsOf(deps, viewer, request),
    mayApprove: (upnOrId, surface) => mayApprove(deps, upnOrId, surface),
    approversToNotify: (request) => approversToNotify(deps, request),
    dueNotices: (channel) => dueNotices(deps, channel),
    claimAnnouncement: (channel, requestId) => claimAnnouncement(deps, channel, requestId),
    verifyAudit: () => deps.auditLog.verifyAudit(),
    maintenance: () => track(runMaintenance(executing, backoff)),
    workload: () => queue.load(),
    checkPermissions: async (options) => {
      const granted = deps.permissions ? await deps.permissions.readGranted(options) : { graphRoles: null, oktaScopes: null };
      return { granted, lines: assessCapabilities(granted) };
    },
    idle: async () => {
      await queue.idle();
      while (running.size > 0) await Promise.allSettled([...running]);
    },
  };
}

/** The services as a chat surface sees them: the use cases, never their dependencies. */
export type ChatServices = Omit<Services, 'deps'>;
