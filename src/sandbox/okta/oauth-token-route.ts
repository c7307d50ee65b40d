// `POST /oauth2/v1/token`: the client-credentials grant with a private_key_jwt client assertion, as the Okta
// SDK sends it (src/oauth.js, src/jwt.js): the assertion is verified against the service app's registered
// public JWK (RS256 or ES256), `iss` = `sub` = client id, `aud` = this token URL, not expired. The DPoP proof
// the SDK always attaches is accepted and ignored: tokens are plain Bearer tokens.
import { createPublicKey, randomBytes, verify, type JsonWebKey as NodeJsonWebKey } from 'node:crypto';
import type { Router, SandboxRequest, SandboxResponse } from '../http.ts';
import { orgUrl } from './okta-context.ts';

/** An OAuth service app: its client id and the public key its client assertions are signed with. */
export interface OAuthClientRegistration {
  readonly clientId: string;
  readonly publicJwk: JsonWebKey;
}

const LIFETIME_SECONDS = 3600;

/** Access tokens issued by the sandbox's token endpoint. */
export class OAuthTokens {
  private readonly issued = new Map<string, number>();

  /** A new access token valid for an hour. */
  issue(nowMs: number = Date.now()): string {
    const token = `sbx.${randomBytes(24).toString('base64url')}`;
    this.issued.set(token, nowMs + LIFETIME_SECONDS * 1000);
    return token;
  }

  /** Whether the token was issued here and has not expired. */
  valid(token: string, nowMs: number = Date.now()): boolean {
    const expires = this.issued.get(token);
    return expires !== undefined && expires > nowMs;
  }
}

const oauthError = (status: number, error: string, description: string): SandboxResponse => ({
  status,
  headers: { 'Cache-Control': 'no-store', Pragma: 'no-cache' },
  body: { error, error_description: description },
});
const invalidClient = (description: string) => oauthError(401, 'invalid_client', description);

function decodePart(part: string | undefined): Record<string, unknown> | null {
  try {
    const value = JSON.parse(Buffer.from(part ?? '', 'base64url').toString('utf8')) as unknown;
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** Whether the JWT's signature verifies with the JWK (RS256 or ES256 only). */
function signatureValid(jwt: string, alg: unknown, jwk: JsonWebKey): boolean {
  const [h, p, s] = jwt.split('.');
  if (h === undefined || p === undefined || s === undefined) return false;
  try {
    const key = createPublicKey({ key: jwk as NodeJsonWebKey, format: 'jwk' });
    const data = Buffer.from(`${h}.${p}`);
    const sig = Buffer.from(s, 'base64url');
    if (alg === 'RS256' && key.asymmetricKeyType === 'rsa') return verify('sha256', data, key, sig);
    if (alg === 'ES256' && key.asymmetricKeyType === 'ec') return verify('sha256', data, { key, dsaEncoding: 'ieee-p1363' }, sig);
    return false;
  } catch {
    return false;
  }
}

function issueToken(req: SandboxRequest, clients: readonly OAuthClientRegistration[], tokens: OAuthTokens): SandboxResponse {
  const form = new URLSearchParams(req.body);
  if (form.get('grant_type') !== 'client_credentials') return oauthError(400, 'unsupported_grant_type', 'The authorization grant type is not supported by the authorization server.');
  const assertion = form.get('client_assertion');
  if (form.get('client_assertion_type') !== 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer' || !assertion) {
    return invalidClient('Client authentication failed. Either the client or the client credentials are invalid.');
  }
  const [h, p] = assertion.split('.');
  const header = decodePart(h);
  const claims = decodePart(p);
  if (!header || !claims) return invalidClient('The client_assertion token is invalid.');
  const client = clients.find((c) => c.clientId === claims.iss);
  if (!client) return invalidClient('The client_assertion token has an invalid issuer: no such client.');
  if (claims.sub !== client.clientId) return invalidClient("The client_assertion token's subject must be the client id.");
  const aud = `${orgUrl(req)}/oauth2/v1/token`;
  if (!(claims.aud === aud || (Array.isArray(claims.aud) && claims.aud.includes(aud)))) {
    return invalidClient('The audience claim for client_assertion must be the endpoint invoked for the request.');
  }
  if (typeof claims.exp !== 'number' || claims.exp * 1000 <= Date.now()) return invalidClient('The client_assertion token is expired.');
  if (!signatureValid(assertion, header.alg, client.publicJwk)) return invalidClient('The client_assertion signature is invalid.');
  const scope = (form.get('scope') ?? '').trim();
  if (scope === '') return oauthError(400, 'invalid_scope', "The authorization server resource does not have any configured default scopes, 'scope' must be provided.");
  if (scope.split(/\s+/).some((s) => !s.startsWith('okta.'))) return oauthError(400, 'invalid_scope', 'One or more scopes are not configured for the authorization server resource.');
  return {
    status: 200,
    headers: { 'Cache-Control': 'no-store', Pragma: 'no-cache' },
    body: { token_type: 'Bearer', expires_in: LIFETIME_SECONDS, access_token: tokens.issue(), scope },
  };
}

/** Registers the token endpoint. */
export function registerOAuthTokenRoute(router: Router, clients: readonly OAuthClientRegistration[], tokens: OAuthTokens): void {
  router.on('POST', '/oauth2/v1/token', (req) => issueToken(req, clients, tokens));
}
