// The bearer token check of the sandbox Graph server, with Graph's 401 InvalidAuthenticationToken texts.
import { timingSafeEqual } from 'node:crypto';
import type { SandboxRequest, SandboxResponse } from '../http.ts';
import { GraphFailure, graphError } from './graph-response.ts';
import { deniedGraphRoles } from './graph-roles.ts';

// Graph sends this challenge with every 401 (the client id is Microsoft Graph's own application id).
const CHALLENGE = 'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"';

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Checks `Authorization: Bearer <token>`; returns the 401 answer, or null when the token is right. `tokens` maps each
 * accepted token to the roles it is restricted to (null: every call allowed).
 */
export function graphAuthenticator(tokens: ReadonlyMap<string, readonly string[] | null>, now: () => Date): (req: SandboxRequest) => SandboxResponse | null {
  return (req) => {
    const raw = req.headers.authorization;
    const value = (Array.isArray(raw) ? raw[0] : raw) ?? '';
    const presented = /^Bearer\s+(.*)$/i.exec(value)?.[1]?.trim() ?? '';
    if (presented === '') {
      return graphError(req, now(), new GraphFailure(401, 'InvalidAuthenticationToken', 'Access token is empty.', { 'WWW-Authenticate': CHALLENGE }));
    }
    const match = [...tokens.entries()].find(([token]) => sameToken(presented, token));
    if (!match) {
      return graphError(req, now(), new GraphFailure(401, 'InvalidAuthenticationToken', 'Access token validation failure. Invalid audience.', { 'WWW-Authenticate': CHALLENGE }));
    }
    const denied = match[1] === null ? [] : deniedGraphRoles(req, match[1]);
    if (denied.length > 0) {
      return graphError(req, now(), new GraphFailure(403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.'));
    }
    return null;
  };
}
