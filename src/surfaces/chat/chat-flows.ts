// The conversation steps every chat surface offers, over the application services: diagnose what was typed,
// preview a path's plan, request it, decide, cancel, re-check. Each returns a view (or a message for the person);
// surfaces only render. Vendor and policy errors become messages a person can act on; unexpected ones end here too,
// logged with a correlation id that the person is shown.
import { isLicenseDoctorError, LicenseDoctorError } from '../../core/errors.ts';
import type { PathId } from '../../core/model/diagnosis.ts';
import type { PlanOptions } from '../../core/model/plan.ts';
import type { LicenseRequest } from '../../core/model/request.ts';
import { diagnosisView } from '../../core/views/diagnosis-view.ts';
import { planView } from '../../core/views/plan-view.ts';
import { requestListView, type RequestListView } from '../../core/views/request-list-view.ts';
import { requestView } from '../../core/views/request-view.ts';
import type { DiagnosisView, PlanView, RequestView } from '../../core/views/view-model.ts';
import type { AppLogger } from '../../app/app-logger.ts';
import type { ChatServices } from '../../app/services.ts';
import type { ChatPerson } from './chat-person.ts';
import { reportUnexpected } from './report-unexpected.ts';

/** What the flows use: the services, and the logger unexpected errors end in. */
export interface ChatFlowDeps {
  readonly services: ChatServices;
  readonly logger: AppLogger;
}

/** A result for the person: the view, or a one-paragraph message (refusal, unusable input, vendor trouble). */
export type ChatResult<T> = { readonly kind: 'ok'; readonly value: T } | { readonly kind: 'message'; readonly message: string; readonly refused: boolean };

/**
 * Runs one flow step. A LicenseDoctorError is an outcome the person can act on (its message); anything else is a bug
 * or an outage nobody foresaw: logged with a correlation id, and the person is given that id.
 */
async function attempt<T>(chat: ChatFlowDeps, flow: string, work: () => Promise<T>): Promise<ChatResult<T>> {
  try {
    return { kind: 'ok', value: await work() };
  } catch (err) {
    if (isLicenseDoctorError(err)) return { kind: 'message', message: err.message, refused: err.code === 'policy' };
    return { kind: 'message', message: reportUnexpected(chat.logger, err, { flow }), refused: false };
  }
}

const asker = (person: ChatPerson) => ({ upnOrId: person.entraIdentity, surface: person.surface, surfaceUserId: person.surfaceUserId });

/** Diagnoses a UPN or pasted error for `person` (who must be in the helpdesk group; the diagnosis is audited). */
export function diagnoseText(chat: ChatFlowDeps, person: ChatPerson, text: string): Promise<ChatResult<DiagnosisView>> {
  return attempt(chat, 'diagnose', async () => {
    const outcome = await chat.services.diagnose(text, asker(person));
    if (outcome.kind === 'unusable-input') throw new LicenseDoctorError('usage', outcome.message);
    return diagnosisView(outcome.diagnosis.report);
  });
}

/** The plan `path` would run for the user `query` names (built from the live state now). */
export function previewPath(chat: ChatFlowDeps, person: ChatPerson, query: string, path: PathId, options: PlanOptions = {}): Promise<ChatResult<PlanView>> {
  return attempt(chat, 'preview', async () => planView((await chat.services.previewPlan(query, path, options, asker(person))).plan));
}

export interface SubmitInput {
  readonly query: string;
  readonly path: PathId;
  readonly justification: string;
  readonly acknowledgeRemoval: boolean;
  readonly options?: PlanOptions;
}

/** Creates the request (someone else must approve it). */
export function submitRequest(chat: ChatFlowDeps, person: ChatPerson, input: SubmitInput): Promise<ChatResult<{ request: LicenseRequest; view: RequestView }>> {
  return attempt(chat, 'request', async () => {
    const request = await chat.services.createRequest({
      query: input.query,
      path: input.path,
      options: input.options ?? {},
      requester: { upnOrId: person.entraIdentity, surface: person.surface, surfaceUserId: person.surfaceUserId },
      reason: input.justification,
      acknowledgeRemoval: input.acknowledgeRemoval,
    });
    return { request, view: requestView(request) };
  });
}

/** Approve / reject / cancel, authorised on the server; when the quorum is reached the plan runs in the background. */
export function decide(
  chat: ChatFlowDeps,
  person: ChatPerson,
  requestId: string,
  decision: 'approve' | 'reject' | 'cancel',
  reason?: string,
): Promise<ChatResult<{ request: LicenseRequest; view: RequestView; notices: readonly string[] }>> {
  return attempt(chat, decision, async () => {
    const result = await chat.services.decide({
      requestId,
      decision,
      actor: { upnOrId: person.entraIdentity, surface: person.surface, surfaceUserId: person.surfaceUserId },
      ...(reason !== undefined ? { reason } : {}),
    });
    if (result.shouldExecute) chat.services.executeInBackground(requestId);
    return { request: result.request, view: requestView(result.request), notices: result.notices };
  });
}

/** Re-checks a request waiting for manual steps (runs in the background; progress arrives as events). */
export function recheckRequest(chat: ChatFlowDeps, requestId: string): Promise<ChatResult<RequestView>> {
  return attempt(chat, 'recheck', async () => {
    const request = await chat.services.get(requestId);
    if (!request) throw new LicenseDoctorError('not-found', `There is no request ${requestId}.`);
    if (request.status === 'needs-manual-steps') {
      void chat.services.recheck(requestId).catch((err: unknown) => chat.logger.error({ err, requestId }, 're-check failed'));
    }
    return requestView(request);
  });
}

/**
 * Retries a failed plan from its failed step for `person` (the requester or an approver, checked by the services and
 * audited). Answers once the retry is recorded (or refused); the plan then runs on and its progress arrives as events.
 */
export function retryRequest(chat: ChatFlowDeps, person: ChatPerson, requestId: string): Promise<ChatResult<RequestView>> {
  return attempt(chat, 'retry', () => new Promise<RequestView>((resolve, reject) => {
    let recorded = false;
    const onRecorded = (request: LicenseRequest) => {
      recorded = true;
      resolve(requestView(request));
    };
    chat.services.retry({ requestId, actor: asker(person), onRecorded }).then(
      (request) => resolve(requestView(request)),
      (err: unknown) => {
        // After the retry was recorded, a failure belongs to the execution (its outcome is on the request): log it.
        if (recorded) chat.logger.error({ err, requestId }, 'retried execution failed');
        else reject(err);
      },
    );
  }));
}

/** The current view of a request (for card refreshes). */
export async function showRequest(chat: ChatFlowDeps, requestId: string): Promise<RequestView | null> {
  const request = await chat.services.get(requestId);
  return request ? requestView(request) : null;
}

/** `my requests` for the person: their requests and what waits for their approval. */
export function myRequests(chat: ChatFlowDeps, person: ChatPerson): Promise<ChatResult<RequestListView>> {
  return attempt(chat, 'my-requests', async () => {
    const found = await chat.services.requestsOf({ upnOrId: person.entraIdentity, surface: person.surface, surfaceUserId: person.surfaceUserId });
    return requestListView(found.mine, found.awaitingMe);
  });
}

/** `status LD-…`: where one request stands. */
export function requestStatus(chat: ChatFlowDeps, requestId: string): Promise<ChatResult<RequestView>> {
  return attempt(chat, 'status', async () => {
    const request = await chat.services.get(requestId);
    if (!request) throw new LicenseDoctorError('not-found', `There is no request ${requestId}.`);
    return requestView(request);
  });
}
