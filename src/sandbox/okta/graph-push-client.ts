// How the sandbox Okta push engine calls Microsoft Graph, as Okta's Office 365 app does: read the user's
// licenses, then `assignLicense`. Graph errors come back with status, code, message and request ids.
import { randomUUID } from 'node:crypto';
import type { AssignedLicense } from '../../core/model/entra.ts';

/** Where Microsoft Graph is and the bearer token to call it with. */
export interface GraphTarget {
  readonly baseUrl: string;
  readonly token: string;
}

/** A failed Graph call: Graph's answer, or `httpStatus` 0 when Graph could not be reached. */
export interface GraphFailure {
  readonly httpStatus: number;
  readonly errorCode: string;
  readonly errorMessage: string;
  readonly requestId: string;
  readonly clientRequestId: string;
}

/** A Graph call's value, or how it failed. */
export type GraphResult<T> = { ok: true; value: T } | { ok: false; failure: GraphFailure };

const record = (v: unknown): Record<string, unknown> => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
const text = (v: unknown, fallback: string): string => (typeof v === 'string' && v !== '' ? v : fallback);

async function call(graph: GraphTarget, method: string, path: string, body: unknown, signal: AbortSignal): Promise<GraphResult<unknown>> {
  const clientRequestId = randomUUID();
  let res: Response;
  try {
    res = await fetch(`${graph.baseUrl.replace(/\/+$/, '')}${path}`, {
      method,
      headers: { Authorization: `Bearer ${graph.token}`, Accept: 'application/json', 'Content-Type': 'application/json', 'client-request-id': clientRequestId },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal,
    });
  } catch (err) {
    return { ok: false, failure: { httpStatus: 0, errorCode: 'ConnectionFailure', errorMessage: `Could not reach Microsoft Graph: ${(err as Error).message}`, requestId: '', clientRequestId } };
  }
  const raw = await res.text();
  let json: unknown = null;
  try {
    json = raw === '' ? null : JSON.parse(raw);
  } catch {
    json = null;
  }
  if (res.ok) return { ok: true, value: json };
  const error = record(record(json).error);
  const inner = record(error.innerError);
  return {
    ok: false,
    failure: {
      httpStatus: res.status,
      errorCode: text(error.code, `HTTP${res.status}`),
      errorMessage: text(error.message, raw.slice(0, 200)),
      requestId: text(inner['request-id'], res.headers.get('request-id') ?? ''),
      clientRequestId: text(inner['client-request-id'], res.headers.get('client-request-id') ?? clientRequestId),
    },
  };
}

/** The user's directly and group-assigned licenses (`assignedLicenses`). */
export async function readAssignedLicenses(graph: GraphTarget, userId: string, signal: AbortSignal): Promise<GraphResult<AssignedLicense[]>> {
  const select = 'id,userPrincipalName,usageLocation,assignedLicenses,licenseAssignmentStates';
  const r = await call(graph, 'GET', `/users/${encodeURIComponent(userId)}?$select=${select}`, undefined, signal);
  if (!r.ok) return r;
  const list = record(r.value).assignedLicenses;
  const licenses = (Array.isArray(list) ? list : []).map(record).map((l) => ({
    skuId: text(l.skuId, ''),
    disabledPlans: Array.isArray(l.disabledPlans) ? l.disabledPlans.filter((p): p is string => typeof p === 'string') : [],
  }));
  return { ok: true, value: licenses.filter((l) => l.skuId !== '') };
}

/** `POST /users/{id}/assignLicense` with both arrays present, as Okta sends it. */
export async function assignLicense(
  graph: GraphTarget,
  userId: string,
  change: { addLicenses: readonly AssignedLicense[]; removeLicenses: readonly string[] },
  signal: AbortSignal,
): Promise<GraphResult<unknown>> {
  return call(graph, 'POST', `/users/${encodeURIComponent(userId)}/assignLicense`, change, signal);
}
