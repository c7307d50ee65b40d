// Okta System Log events the sandbox records, in Okta's LogEvent shape (specs/okta-management-openapi.yaml).
// Where Okta puts the Microsoft error text is UNCONFIRMED (reference/okta.md §4): the sandbox puts it in
// outcome.reason and debugContext.debugData, and keeps displayMessage generic, as the event catalog shows.
import { createHash } from 'node:crypto';
import type { SandboxLogEvent } from './state.ts';

/**
 * Where a failed push puts Microsoft's text, all UNCONFIRMED shapes Okta is reported to use: `reason` (outcome.reason
 * plus debugData errorMessage, the default), `debug-data` (no outcome.reason; debugData app_error_code and
 * error_message), `app-target` (as debug-data, and the event targets the app and the app user, not the Okta user).
 */
export type PushFailureShape = 'reason' | 'debug-data' | 'app-target';

export interface PushEventInput {
  readonly shape?: PushFailureShape;
  readonly now: Date;
  readonly app: { readonly id: string; readonly label: string };
  readonly user: { readonly id: string; readonly login: string; readonly displayName: string };
  /** The Office 365 user name (the target user principal name). */
  readonly userName: string;
  /** Absent for a successful push. */
  readonly failure?: {
    readonly httpStatus: number;
    readonly errorCode: string;
    readonly errorMessage: string;
    readonly requestId: string;
    readonly clientRequestId: string;
  };
}

/** Deterministic UUID-shaped id from a seed string (the sandbox must be reproducible). */
export function sandboxUuid(seed: string): string {
  const h = createHash('sha256').update(seed).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The Okta dashboard / Tasks text for a failed Office 365 push, as the KB article quotes it. */
function pushFailureText(userName: string, f: NonNullable<PushEventInput['failure']>, at: Date): string {
  return (
    `Could not push profile for Office 365 user ${userName}, received error: Received response with HTTP status code ${f.httpStatus}. ` +
    `httpStatusCode=${f.httpStatus} errorCode=${f.errorCode} errorMessage="${f.errorMessage}" ` +
    `client-request-id=${f.clientRequestId} request-id=${f.requestId} timestamp='${at.toUTCString()}' method=POST`
  );
}

/** A System Log event for one Office 365 profile push, failed or successful. */
export function pushEvent(input: PushEventInput): SandboxLogEvent {
  const { now, app, user, userName, failure } = input;
  const published = now.toISOString();
  const uuid = sandboxUuid(`${published}|${app.id}|${user.id}|${failure ? 'f' : 's'}`);
  const targets = [
    { id: user.id, type: 'User', alternateId: user.login, displayName: user.displayName, detailEntry: null },
    { id: app.id, type: 'AppInstance', alternateId: app.label, displayName: 'Microsoft Office 365', detailEntry: null },
    { id: `${app.id}_${user.id}`, type: 'AppUser', alternateId: userName, displayName: user.displayName, detailEntry: null },
  ];
  const base = {
    uuid,
    published,
    version: '0',
    actor: { id: app.id, type: 'PublicClientApp', alternateId: app.label, displayName: app.label, detailEntry: null },
    client: { userAgent: null, zone: 'null', device: null, id: null, ipAddress: null, geographicalContext: null },
    authenticationContext: { authenticationStep: 0, externalSessionId: 'unknown' },
    securityContext: { asNumber: null, asOrg: null, isp: null, domain: null, isProxy: null },
    transaction: { type: 'JOB', id: sandboxUuid(`tx|${uuid}`), detail: {} },
    target: targets,
  };
  if (!failure) {
    return {
      ...base,
      eventType: 'application.provision.user.push_profile',
      legacyEventType: 'app.user_management.push_profile_success',
      displayMessage: "Push user's profile to external application",
      severity: 'INFO',
      outcome: { result: 'SUCCESS', reason: null },
      debugContext: { debugData: { appname: 'office365', userName } },
    };
  }
  const text = pushFailureText(userName, failure, now);
  const shape = input.shape ?? 'reason';
  if (shape !== 'reason') {
    return {
      ...base,
      ...(shape === 'app-target' ? { target: targets.slice(1) } : {}),
      eventType: 'app.office365.api.error.push.profile',
      legacyEventType: 'app.office365.api.error.push.profile',
      displayMessage: 'Could not push profile for Office 365 user, received error.',
      severity: 'ERROR',
      outcome: { result: 'FAILURE', reason: null },
      debugContext: { debugData: { appname: 'office365', userName, app_error_code: failure.errorCode, error_message: failure.errorMessage, requestId: failure.requestId } },
    };
  }
  return {
    ...base,
    eventType: 'app.office365.api.error.push.profile',
    legacyEventType: 'app.office365.api.error.push.profile',
    displayMessage: 'Could not push profile for Office 365 user, received error.',
    severity: 'ERROR',
    outcome: { result: 'FAILURE', reason: `${failure.errorCode}: ${failure.errorMessage}`.slice(0, 255) },
    debugContext: {
      debugData: {
        appname: 'office365',
        userName,
        errorCode: failure.errorCode,
        errorMessage: failure.errorMessage,
        requestId: failure.requestId,
        details: text,
      },
    },
  };
}
