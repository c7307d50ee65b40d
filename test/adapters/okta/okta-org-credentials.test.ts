import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createOktaOrg } from '../../../src/adapters/okta/create-okta-org.ts';
import { OKTA_TOKEN, startOktaHarness, type OktaHarness } from '../../sandbox/okta/okta-harness.ts';
import { failure } from '../../support/expect-failure.ts';

const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 });
const CLIENT_ID = '0oaLicenseDoctor';
const SCOPES = ['okta.users.read', 'okta.apps.read'];
const pem = (key: typeof rsa.privateKey) => key.export({ type: 'pkcs8', format: 'pem' }).toString();

let h: OktaHarness;
beforeAll(async () => {
  h = await startOktaHarness({ oauthClients: [{ clientId: CLIENT_ID, publicJwk: rsa.publicKey.export({ format: 'jwk' }) }] });
});
afterAll(() => h.close());

describe('Okta credentials', () => {
  it.each([
    ['a PEM key', () => pem(rsa.privateKey)],
    ['a JWK as JSON', () => JSON.stringify({ ...rsa.privateKey.export({ format: 'jwk' }), kid: 'key-1' })],
  ])('authenticates with private-key JWT from %s, getting one access token for several calls', async (_what, key) => {
    const org = createOktaOrg({ orgUrl: h.okta.url, auth: { kind: 'private-key', clientId: CLIENT_ID, privateKey: key(), keyId: 'key-1', scopes: SCOPES } });
    const tokensBefore = h.okta.calls.filter((c) => c.path === '/oauth2/v1/token').length;
    expect((await org.findUser('adele.vance@contoso.com'))?.login).toBe('adele.vance@contoso.com');
    expect(await org.listOffice365Apps()).toHaveLength(3);
    expect(h.okta.calls.filter((c) => c.path === '/oauth2/v1/token').length - tokensBefore).toBe(1);
  });

  it('reports a key Okta does not know as refused client credentials, without the key', async () => {
    const key = pem(stranger.privateKey);
    const org = createOktaOrg({ orgUrl: h.okta.url, auth: { kind: 'private-key', clientId: CLIENT_ID, privateKey: key, scopes: SCOPES } });
    const err = await failure(org.findUser('adele.vance@contoso.com'));
    expect(err.code).toBe('okta-unavailable');
    expect(err.message).toMatch(/client credentials \(401 from \/oauth2\/v1\/token\): check OKTA_CLIENT_ID, OKTA_PRIVATE_KEY/);
    expect(JSON.stringify({ m: err.message, d: err.details })).not.toContain('PRIVATE KEY');
  });

  it('reports a wrong API token with what to check, without the token', async () => {
    const org = createOktaOrg({ orgUrl: h.okta.url, auth: { kind: 'ssws', token: 'not-the-token' } });
    const err = await failure(org.findUser('adele.vance@contoso.com'));
    expect(err.code).toBe('okta-unavailable');
    expect(err.message).toBe("Okta refused License Doctor's API token (401 E0000011 Invalid token provided): check OKTA_API_TOKEN, or OKTA_CLIENT_ID/OKTA_PRIVATE_KEY and the service app's scopes and admin role");
    expect(err.details).toMatchObject({ vendor: 'okta', status: 401, vendorCode: 'E0000011', requestId: expect.any(String) });
    expect(JSON.stringify({ m: err.message, d: err.details })).not.toContain('not-the-token');
  });
});

describe("the Okta SDK's own configuration sources have no effect", () => {
  const saved = { ...process.env };
  const cwd = process.cwd();
  let dir = '';
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'okta-yaml-'));
  });
  afterEach(() => {
    process.chdir(cwd);
    rmSync(dir, { recursive: true, force: true });
    for (const k of Object.keys(process.env)) {
      if (!k.startsWith('OKTA_CLIENT_')) continue;
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
  });

  it('ignores OKTA_CLIENT_* variables', async () => {
    Object.assign(process.env, {
      OKTA_CLIENT_TOKEN: OKTA_TOKEN, OKTA_CLIENT_ORGURL: 'http://127.0.0.1:9', OKTA_CLIENT_AUTHORIZATIONMODE: 'PrivateKey',
      OKTA_CLIENT_CLIENTID: 'someone', OKTA_CLIENT_SCOPES: 'okta.users.manage', OKTA_CLIENT_PRIVATEKEY: 'junk',
    });
    // The right token in the environment does not rescue a wrong one given explicitly...
    const wrong = createOktaOrg({ orgUrl: h.okta.url, auth: { kind: 'ssws', token: 'wrong' } });
    expect((await failure(wrong.findUser('adele.vance@contoso.com'))).code).toBe('okta-unavailable');
    // ...and the right one given explicitly is used as given, with the org URL given.
    const right = createOktaOrg({ orgUrl: h.okta.url, auth: { kind: 'ssws', token: OKTA_TOKEN } });
    expect((await right.findUser('adele.vance@contoso.com'))?.id).toBeTruthy();
  });

  it('ignores an okta.yaml in the working directory', async () => {
    writeFileSync(join(dir, 'okta.yaml'), `okta:\n  client:\n    orgUrl: "http://127.0.0.1:9"\n    token: "${OKTA_TOKEN}"\n    authorizationMode: "PrivateKey"\n    clientId: "yaml"\n    scopes: "okta.users.manage"\n    privateKey: "junk"\n`);
    process.chdir(dir);
    const wrong = createOktaOrg({ orgUrl: h.okta.url, auth: { kind: 'ssws', token: 'wrong' } });
    expect((await failure(wrong.findUser('adele.vance@contoso.com'))).code).toBe('okta-unavailable');
    const right = createOktaOrg({ orgUrl: h.okta.url, auth: { kind: 'ssws', token: OKTA_TOKEN } });
    expect((await right.findUser('adele.vance@contoso.com'))?.id).toBeTruthy();
  });

  // The SDK's Client read okta.yaml at construction (an unreadable one was a configuration error); the adapter now
  // uses only the SDK's HTTP layer, which reads no file at all.
  it('ignores an unreadable okta.yaml too', async () => {
    writeFileSync(join(dir, 'okta.yaml'), 'okta: [unbalanced\n');
    process.chdir(dir);
    const org = createOktaOrg({ orgUrl: h.okta.url, auth: { kind: 'ssws', token: OKTA_TOKEN } });
    expect((await org.findUser('adele.vance@contoso.com'))?.id).toBeTruthy();
  });
});
