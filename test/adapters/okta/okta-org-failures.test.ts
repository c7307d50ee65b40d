import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createOktaOrg, type OktaOrgOptions } from '../../../src/adapters/okta/create-okta-org.ts';
import { OKTA_APP, seededOktaUserId } from '../../../src/sandbox/seed.ts';
import { OKTA_TOKEN, startOktaHarness, type OktaHarness } from '../../sandbox/okta/okta-harness.ts';
import { failure } from '../../support/expect-failure.ts';

let h: OktaHarness;
beforeAll(async () => {
  h = await startOktaHarness();
});
afterAll(() => h.close());
afterEach(() => {
  h.okta.faults.clear();
  h.okta.calls.length = 0;
});

const org = (extra: Partial<OktaOrgOptions> = {}) => createOktaOrg({ orgUrl: h.okta.url, auth: { kind: 'ssws', token: OKTA_TOKEN }, ...extra });

describe('Okta adapter failures', () => {
  it('waits out a 429 as X-Rate-Limit-Reset says and succeeds on the retry', async () => {
    h.okta.faults.add({ kind: 'throttle', path: '^/api/v1/users/', times: 1, retryAfterSeconds: 0 });
    const user = await org().findUser('adele.vance@contoso.com');
    expect(user?.id).toBe(seededOktaUserId(1));
    expect(h.okta.calls.map((c) => c.status)).toEqual([429, 200]);
  });

  it('gives up as throttled when the wait would exceed the time budget', async () => {
    h.okta.faults.add({ kind: 'throttle', path: '^/api/v1/users/', retryAfterSeconds: 30 });
    const err = await failure(org({ requestTimeoutMs: 2_000 }).findUser('adele.vance@contoso.com'));
    expect(err.code).toBe('throttled');
    expect(err.details).toMatchObject({ vendor: 'okta', status: 429, retryAfterSeconds: 30, requestId: expect.any(String) });
    expect(err.message).toBe('Okta is rate-limiting License Doctor: try again in 30 s');
    expect(h.okta.calls).toHaveLength(1);
  });

  it('does not retry a 429 with maxRetries 0, and reports the wait Okta asked for', async () => {
    h.okta.faults.add({ kind: 'throttle', path: '^/api/v1/apps$', retryAfterSeconds: 4 });
    const err = await failure(org({ maxRetries: 0 }).listOffice365Apps());
    expect(err.code).toBe('throttled');
    expect(err.details).toMatchObject({ status: 429, vendorCode: 'E0000047', retryAfterSeconds: 4 });
    expect(h.okta.calls).toHaveLength(1);
  });

  it.each([
    ['a 500', 'server-error' as const, /^Okta could not read the app user \(500 E0000009 Internal Server Error\): Okta is having trouble/],
    ['a 503 that is not JSON', 'unavailable' as const, /^Okta could not read the app user \(503\)/],
    ['a malformed body', 'malformed' as const, /cannot read: check that OKTA_ORG_URL points at an Okta org$/],
  ])('reports %s as okta-unavailable', async (_what, kind, message) => {
    h.okta.faults.add({ kind, path: '/users/', times: 1 });
    const err = await failure(org().getAppUser(OKTA_APP.MAIN, seededOktaUserId(1)));
    expect(err.code).toBe('okta-unavailable');
    expect(err.message).toMatch(message);
    expect(h.okta.calls).toHaveLength(1);
  });

  it('reports an org nobody answers at as okta-unavailable, naming the host', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((r) => closed.close(() => r()));
    const err = await failure(createOktaOrg({ orgUrl: `http://127.0.0.1:${port}`, auth: { kind: 'ssws', token: 't' } }).findUser('x'));
    expect(err.code).toBe('okta-unavailable');
    expect(err.message).toBe(`Could not reach Okta at 127.0.0.1:${port} (ECONNREFUSED): check OKTA_ORG_URL and the network`);
  });

  it("reports a refused write as okta-request-failed with Okta's code, summary, error id and request id", async () => {
    const err = await failure(org().updateGroupAssignmentProfile(OKTA_APP.MAIN, '00gnothere', { licenses: [] }));
    expect(err.code).toBe('okta-request-failed');
    expect(err.details).toMatchObject({
      vendor: 'okta', operation: 'update the group assignment profile', status: 404, vendorCode: 'E0000007',
      vendorMessage: 'Not found: Resource not found: 00gnothere (ApplicationGroupAssignment)', errorId: expect.stringMatching(/^oae/), requestId: expect.any(String),
    });
  });

  it('reports a read of something that does not exist as not-found', async () => {
    const err = await failure(org().getProvisioning('0oanothere'));
    expect(err.code).toBe('not-found');
    expect(err.details).toMatchObject({ vendorCode: 'E0000007' });
  });

  it('does not keep a failed apps list in its cache', async () => {
    const o = org({ maxRetries: 0 });
    h.okta.faults.add({ kind: 'server-error', path: '^/api/v1/apps$', times: 1 });
    expect((await failure(o.listOffice365Apps())).code).toBe('okta-unavailable');
    expect(await o.listOffice365Apps()).toHaveLength(3);
  });
});
