import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { WORKFLOWS_FLOW } from '../../../src/sandbox/seed.ts';
import { startOktaHarness, type OktaHarness } from './okta-harness.ts';

type Json = Record<string, unknown>;
const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const other = generateKeyPairSync('rsa', { modulusLength: 2048 });
const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

/** A client assertion as the Okta SDK builds it (src/jwt.js). */
function assertion(key: KeyObject, alg: 'RS256' | 'ES256', claims: Json): string {
  const data = `${b64({ alg, typ: 'JWT', kid: 'k1' })}.${b64(claims)}`;
  const sig = alg === 'RS256' ? sign('sha256', Buffer.from(data), key) : sign('sha256', Buffer.from(data), { key, dsaEncoding: 'ieee-p1363' });
  return `${data}.${sig.toString('base64url')}`;
}

let h: OktaHarness;
beforeAll(async () => {
  h = await startOktaHarness({
    oauthClients: [
      { clientId: '0oaRsaClient', publicJwk: rsa.publicKey.export({ format: 'jwk' }) },
      { clientId: '0oaEcClient', publicJwk: ec.publicKey.export({ format: 'jwk' }) },
    ],
  });
});
afterAll(() => h.close());

function tokenRequest(jwt: string, scope = 'okta.users.read okta.apps.read'): Promise<Response> {
  const body = new URLSearchParams({
    grant_type: 'client_credentials', scope,
    client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer', client_assertion: jwt,
  });
  // The SDK always sends a DPoP proof; the sandbox must accept it without requiring DPoP.
  return fetch(`${h.okta.url}/oauth2/v1/token`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', DPoP: 'x.y.z' }, body });
}

const claims = (clientId: string, extra: Json = {}): Json => {
  const now = Math.floor(Date.now() / 1000);
  return { aud: `${h.okta.url}/oauth2/v1/token`, iss: clientId, sub: clientId, iat: now, exp: now + 300, ...extra };
};

describe('POST /oauth2/v1/token', () => {
  it.each([
    ['RS256', '0oaRsaClient', rsa.privateKey],
    ['ES256', '0oaEcClient', ec.privateKey],
  ] as const)('issues a Bearer token for a valid %s client assertion, which the API then accepts', async (alg, clientId, key) => {
    const res = await tokenRequest(assertion(key, alg, claims(clientId)));
    expect(res.status).toBe(200);
    const body = (await res.json()) as Json;
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 3600, scope: 'okta.users.read okta.apps.read' });
    const api = await fetch(`${h.okta.url}/api/v1/apps`, { headers: { Authorization: `Bearer ${String(body.access_token)}` } });
    expect(api.status).toBe(200);
  });

  it.each([
    ['a signature by another key', () => assertion(other.privateKey, 'RS256', claims('0oaRsaClient'))],
    ['an unknown client', () => assertion(rsa.privateKey, 'RS256', claims('0oaSomeoneElse'))],
    ['sub differing from iss', () => assertion(rsa.privateKey, 'RS256', claims('0oaRsaClient', { sub: 'x' }))],
    ['another audience', () => assertion(rsa.privateKey, 'RS256', claims('0oaRsaClient', { aud: 'https://acme.okta.com/oauth2/v1/token' }))],
    ['an expired assertion', () => assertion(rsa.privateKey, 'RS256', claims('0oaRsaClient', { exp: Math.floor(Date.now() / 1000) - 5 }))],
    ['an algorithm that does not fit the key', () => assertion(ec.privateKey, 'ES256', claims('0oaRsaClient'))],
    ['something that is not a JWT', () => 'not-a-jwt'],
  ])('refuses %s with 401 invalid_client', async (_what, make) => {
    const res = await tokenRequest(make());
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: 'invalid_client' });
  });

  it('refuses a request without scopes, and other grant types', async () => {
    const noScope = await tokenRequest(assertion(rsa.privateKey, 'RS256', claims('0oaRsaClient')), '');
    expect(noScope.status).toBe(400);
    expect(await noScope.json()).toMatchObject({ error: 'invalid_scope' });
    const grant = await fetch(`${h.okta.url}/oauth2/v1/token`, { method: 'POST', body: new URLSearchParams({ grant_type: 'password' }) });
    expect(await grant.json()).toMatchObject({ error: 'unsupported_grant_type' });
  });
});

describe('POST /api/flo/{alias}/invoke', () => {
  const url = (query = '') => `${h.okta.url}/api/flo/${WORKFLOWS_FLOW.alias}/invoke${query}`;
  const input = { userPrincipalName: 'adele.vance@contoso.com', oktaUserId: '00u1', appId: '0oa1' };
  const invocations = () => h.tenant.state.okta.workflows[0]?.invocations ?? [];

  it('runs the flow with the client token in the header or the query, and records each invocation', async () => {
    const before = invocations().length;
    const viaHeader = await fetch(url(), { method: 'POST', headers: { 'x-api-client-token': WORKFLOWS_FLOW.clientToken, 'Content-Type': 'application/json' }, body: JSON.stringify(input) });
    expect(viaHeader.status).toBe(200);
    expect(await viaHeader.json()).toMatchObject({ result: 'pushed', input });
    const viaQuery = await fetch(url(`?clientToken=${WORKFLOWS_FLOW.clientToken}`), { method: 'POST', body: JSON.stringify(input) });
    expect(viaQuery.status).toBe(200);
    expect(invocations().slice(before).map((i) => i.body)).toEqual([input, input]);
  });

  it.each([
    ['no token', {}, '', 401],
    ['a wrong token', { 'x-api-client-token': 'nope' }, '', 401],
    ['both header and query', { 'x-api-client-token': WORKFLOWS_FLOW.clientToken }, `?clientToken=${WORKFLOWS_FLOW.clientToken}`, 400],
  ])('refuses %s', async (_what, headers, query, status) => {
    const before = invocations().length;
    const res = await fetch(url(query), { method: 'POST', headers, body: '{}' });
    expect(res.status).toBe(status);
    expect(invocations()).toHaveLength(before);
  });

  it('answers 404 for an unknown flow', async () => {
    const res = await fetch(`${h.okta.url}/api/flo/no-such-flow/invoke`, { method: 'POST', headers: { 'x-api-client-token': WORKFLOWS_FLOW.clientToken } });
    expect(res.status).toBe(404);
  });
});
