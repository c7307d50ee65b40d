// The bearer token check of the sandbox Graph server, with Graph's 401 InvalidAuthenticationToken texts.
import { timingSafeEqual } from 'node:crypto';
import type { SandboxRequest, SandboxResponse } from '../http.ts';
import { GraphFailure, graphError } from './graph-response.ts';

// Graph sends this challenge with every 401 (the client id is Microsoft Graph's own application id).
const CHALLENGE = 'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"';

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Checks `Authorization: Bearer <token>`; returns the 401 answer, or null when the token is right. */
export function graphAuthenticator(token: string, now: () => Date): (req: SandboxRequest) => SandboxResponse | null {
  return (req) => {
    const raw = req.headers.authorization;
    const value = (Array.isArray(raw) ? raw[0] : raw) ?? '';
    const presented = /^Bearer\s+(.*)$/i.exec(value)?.[1]?.trim() ?? '';
    if (presented === '') {
      return graphError(req, now(), new GraphFailure(401, 'InvalidAuthenticationToken', 'Access token is empty.', { 'WWW-Authenticate': CHALLENGE }));
    }
    if (!sameToken(presented, token)) {
      return graphError(req, now(), new GraphFailure(401, 'InvalidAuthenticationToken', 'Access token validation failure. Invalid audience.', { 'WWW-Authenticate': CHALLENGE }));
    }
    return null;
  };
}
