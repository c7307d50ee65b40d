// Credentials of the sandbox Okta server: `Authorization: SSWS <API token>`, or a Bearer (or DPoP) access
// token from its /oauth2/v1/token. The token endpoint and the Workflows invoke route check their own.
import type { SandboxRequest, SandboxResponse } from '../http.ts';
import type { OAuthTokens } from './oauth-token-route.ts';
import { oktaError } from './okta-errors.ts';

/** The OAuth scope an Okta management call needs (an API token needs an admin role that allows the same). */
function requiredOktaScope(method: string, path: string): string | null {
  const write = method !== 'GET';
  if (path.startsWith('/api/v1/logs')) return 'okta.logs.read';
  if (path.startsWith('/api/v1/meta/schemas')) return write ? 'okta.schemas.manage' : 'okta.schemas.read';
  if (path.startsWith('/api/v1/users')) return write ? 'okta.users.manage' : 'okta.users.read';
  if (path.startsWith('/api/v1/groups')) return write ? 'okta.groups.manage' : 'okta.groups.read';
  if (path.startsWith('/api/v1/apps')) return write ? 'okta.apps.manage' : 'okta.apps.read';
  return null;
}

const MANAGE_INCLUDES_READ = (granted: ReadonlySet<string>, scope: string) => granted.has(scope) || granted.has(scope.replace(/\.read$/, '.manage'));

/**
 * Checks a request's credentials: null to proceed, or Okta's 401; with `scopes()` restricting what the credentials
 * may do (behaviour `oktaScopes`), a call outside them gets 403 E0000006.
 */
export function oktaAuthenticator(apiToken: string, tokens: OAuthTokens, scopes: () => readonly string[] | null = () => null): (req: SandboxRequest) => SandboxResponse | null {
  return (req) => {
    if (req.path === '/oauth2/v1/token' || req.path.startsWith('/api/flo/')) return null;
    const header = req.headers.authorization ?? '';
    const m = /^(SSWS|Bearer|DPoP)\s+(\S+)\s*$/i.exec(header);
    if (!m) return oktaError(401, 'E0000005', 'Invalid session');
    const scheme = (m[1] ?? '').toUpperCase();
    const credential = m[2] ?? '';
    const valid = scheme === 'SSWS' ? credential === apiToken : tokens.valid(credential);
    if (!valid) return oktaError(401, 'E0000011', 'Invalid token provided');
    const granted = scopes();
    const needed = requiredOktaScope(req.method, req.path);
    if (granted === null || needed === null || MANAGE_INCLUDES_READ(new Set(granted), needed)) return null;
    return oktaError(403, 'E0000006', 'You do not have permission to perform the requested action', [], {
      'WWW-Authenticate': `Bearer realm="IdpMyAccountAPI", error="insufficient_scope", error_description="The access token provided does not contain the required scopes.", resource="${req.path}"`,
    });
  };
}
