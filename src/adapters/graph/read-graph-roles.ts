// The application permissions a Graph token carries: app-only tokens from Entra ID are JWTs whose `roles` claim lists
// them (the token is only decoded, never trusted for anything else: Graph checks it on every call).
import { LicenseDoctorError } from '../../core/errors.ts';

/** The token's roles, or null when it is not a JWT with a roles claim (e.g. an opaque token). */
function rolesOfToken(token: string): string[] | null {
  const payload = token.split('.')[1];
  if (payload === undefined) return null;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { roles?: unknown };
    return Array.isArray(claims.roles) ? claims.roles.filter((r): r is string => typeof r === 'string') : null;
  } catch {
    return null;
  }
}

/** The roles of a token from `getToken`; a failure to get one is Graph being unavailable (exit 3). */
export async function readGraphRoles(getToken: () => Promise<string>): Promise<string[] | null> {
  let token: string;
  try {
    token = await getToken();
  } catch (err) {
    throw new LicenseDoctorError('graph-unavailable', `Could not get a token for Microsoft Graph (${err instanceof Error ? err.message.slice(0, 200) : 'no token'}): check the AZURE_* settings.`, { vendor: 'graph', operation: 'read the token roles' }, { cause: err });
  }
  return rolesOfToken(token);
}
