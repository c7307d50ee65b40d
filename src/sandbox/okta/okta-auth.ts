// Credentials of the sandbox Okta server: `Authorization: SSWS <API token>`, or a Bearer (or DPoP) access
// token from its /oauth2/v1/token. The token endpoint and the Workflows invoke route check their own.
import type { SandboxRequest, SandboxResponse } from '../http.ts';
import type { OAuthTokens } from './oauth-token-route.ts';
import { oktaError } from './okta-errors.ts';

/** Checks a request's credentials: null to proceed, or Okta's 401. */
export function oktaAuthenticator(apiToken: string, tokens: OAuthTokens): (req: SandboxRequest) => SandboxResponse | null {
  return (req) => {
    if (req.path === '/oauth2/v1/token' || req.path.startsWith('/api/flo/')) return null;
    const header = req.headers.authorization ?? '';
    const m = /^(SSWS|Bearer|DPoP)\s+(\S+)\s*$/i.exec(header);
    if (!m) return oktaError(401, 'E0000005', 'Invalid session');
    const scheme = (m[1] ?? '').toUpperCase();
    const credential = m[2] ?? '';
    const valid = scheme === 'SSWS' ? credential === apiToken : tokens.valid(credential);
    return valid ? null : oktaError(401, 'E0000011', 'Invalid token provided');
  };
}
