// Okta's error envelope (`ModelError` in the management OpenAPI) and the answers the sandbox Okta server gives
// for injected faults and unknown routes. Codes and summaries are Okta's (reference/okta.md §7).
import { randomBytes } from 'node:crypto';
import type { SandboxRequest, SandboxResponse, SandboxServerOptions } from '../http.ts';

const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** An errorId as Okta's look: `oae` and letters and digits (base64url's `-` and `_` never appear in them). */
const errorId = (): string => `oae${[...randomBytes(19)].map((b) => ID_ALPHABET[b % ID_ALPHABET.length]).join('')}`;

/** An Okta error answer: `{ errorCode, errorSummary, errorLink, errorId, errorCauses }`. */
export function oktaError(status: number, errorCode: string, errorSummary: string, causes: readonly string[] = [], headers: Record<string, string> = {}): SandboxResponse {
  return {
    status,
    headers,
    body: {
      errorCode,
      errorSummary,
      errorLink: errorCode,
      errorId: errorId(),
      errorCauses: causes.map((errorSummary) => ({ errorSummary })),
    },
  };
}

/** 404 E0000007 as Okta words it: `Not found: Resource not found: <what> (<type>)`. */
export function notFound(what: string, type: string): SandboxResponse {
  return oktaError(404, 'E0000007', `Not found: Resource not found: ${what} (${type})`);
}

/** 400 E0000001 "Api validation failed: <field>" with the causes. */
export function validationFailed(field: string, ...causes: string[]): SandboxResponse {
  return oktaError(400, 'E0000001', `Api validation failed: ${field}`, causes);
}

/** 400 E0000003: the body is not JSON. */
export function malformedBody(): SandboxResponse {
  return oktaError(400, 'E0000003', 'The request body was not well-formed.');
}

/** Headers of a 429: no calls left, the reset in epoch seconds, and the Date the SDK subtracts it from. */
function throttleHeaders(nowMs: number, retryAfterSeconds: number): Record<string, string> {
  const nowSeconds = Math.floor(nowMs / 1000);
  return {
    'X-Rate-Limit-Limit': '600',
    'X-Rate-Limit-Remaining': '0',
    'X-Rate-Limit-Reset': String(nowSeconds + retryAfterSeconds),
    Date: new Date(nowSeconds * 1000).toUTCString(),
  };
}

/** The envelopes `startSandboxServer` sends for faults and unknown routes. */
export const oktaFaultErrors: SandboxServerOptions['errors'] = {
  notFound: (req: SandboxRequest) => oktaError(404, 'E0000007', `Not found: Resource not found: ${req.path} (Resource)`),
  methodNotAllowed: () => oktaError(405, 'E0000022', 'The endpoint does not support the provided HTTP method'),
  throttled: (_req: SandboxRequest, retryAfterSeconds: number) =>
    oktaError(429, 'E0000047', 'API call exceeded rate limit due to too many requests.', [], throttleHeaders(Date.now(), retryAfterSeconds)),
  serverError: () => oktaError(500, 'E0000009', 'Internal Server Error'),
  // What a load balancer in front of Okta answers during an outage: not Okta JSON (the SDK raises HttpError).
  unavailable: (_req: SandboxRequest, retryAfterSeconds: number) => ({
    status: 503,
    headers: { 'Content-Type': 'text/html', 'Retry-After': String(retryAfterSeconds) },
    body: '<html><body><h1>503 Service Unavailable</h1></body></html>',
  }),
};
