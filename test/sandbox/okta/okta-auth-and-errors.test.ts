import { OKTA_APP } from '../../../src/sandbox/seed.ts';
import { startOktaHarness, type OktaHarness } from './okta-harness.ts';

let h: OktaHarness;
beforeAll(async () => {
  h = await startOktaHarness();
});
afterAll(() => h.close());
afterEach(() => h.okta.faults.clear());

describe('sandbox Okta server: credentials', () => {
  it.each([
    ['no Authorization header', undefined, 'E0000005', 'Invalid session'],
    ['a wrong SSWS token', 'SSWS nope', 'E0000011', 'Invalid token provided'],
    ['an unknown Bearer token', 'Bearer nope', 'E0000011', 'Invalid token provided'],
    ['a Basic header', 'Basic dTpw', 'E0000005', 'Invalid session'],
  ])('answers 401 to %s', async (_what, authorization, code, summary) => {
    const res = await fetch(`${h.okta.url}/api/v1/apps`, authorization ? { headers: { Authorization: authorization } } : {});
    expect(res.status).toBe(401);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ errorCode: code, errorSummary: summary, errorLink: code, errorCauses: [] });
    expect(body.errorId).toMatch(/^oae[A-Za-z0-9]{19}$/);
    expect(res.headers.get('x-okta-request-id')).toBeTruthy();
  });

  it('accepts the SSWS token and stamps request id and rate-limit headers on every answer', async () => {
    const a = await h.call('/api/v1/apps');
    const b = await h.call('/api/v1/apps');
    expect(a.status).toBe(200);
    const ids = [a.headers.get('x-okta-request-id'), b.headers.get('x-okta-request-id')];
    expect(ids[0]).not.toEqual(ids[1]);
    expect(a.headers.get('x-rate-limit-limit')).toBe('600');
    expect(Number(b.headers.get('x-rate-limit-remaining'))).toBeLessThan(600);
    expect(Number(a.headers.get('x-rate-limit-reset'))).toBeGreaterThan(Date.now() / 1000 - 1);
  });
});

describe('sandbox Okta server: errors', () => {
  it('answers unknown paths with 404 E0000007 and wrong methods with 405 E0000022', async () => {
    const missing = await h.json<Record<string, unknown>>('/api/v1/nothing-here');
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ errorCode: 'E0000007' });
    const method = await h.json<Record<string, unknown>>(`/api/v1/apps/${OKTA_APP.MAIN}`, { method: 'DELETE' });
    expect(method.status).toBe(405);
    expect(method.body).toMatchObject({ errorCode: 'E0000022', errorSummary: 'The endpoint does not support the provided HTTP method' });
    expect(method.headers.get('x-okta-request-id')).toBeTruthy();
  });

  it('throttles with E0000047, no calls left, and a reset counted from its Date header', async () => {
    h.okta.faults.add({ kind: 'throttle', path: '^/api/v1/apps$', retryAfterSeconds: 7, times: 1 });
    const res = await h.json<Record<string, unknown>>('/api/v1/apps');
    expect(res.status).toBe(429);
    expect(res.body).toMatchObject({ errorCode: 'E0000047', errorSummary: 'API call exceeded rate limit due to too many requests.' });
    expect(res.headers.get('x-rate-limit-remaining')).toBe('0');
    const date = Date.parse(res.headers.get('date') ?? '');
    expect(Number(res.headers.get('x-rate-limit-reset')) * 1000 - date).toBe(7000);
    expect((await h.call('/api/v1/apps')).status).toBe(200);
  });

  it('answers injected server errors as Okta (500 E0000009) and a load balancer (503, not JSON) do', async () => {
    h.okta.faults.add({ kind: 'server-error', times: 1 });
    const res500 = await h.json<Record<string, unknown>>('/api/v1/apps');
    expect(res500).toMatchObject({ status: 500, body: { errorCode: 'E0000009', errorSummary: 'Internal Server Error' } });
    h.okta.faults.add({ kind: 'unavailable', times: 1, retryAfterSeconds: 3 });
    const res503 = await h.call('/api/v1/apps');
    expect(res503.status).toBe(503);
    expect(res503.headers.get('retry-after')).toBe('3');
    expect(res503.headers.get('content-type')).toContain('text/html');
  });

  it('refuses a POST whose body is not JSON with E0000003', async () => {
    const res = await h.json<Record<string, unknown>>(`/api/v1/apps/${OKTA_APP.MAIN}/users/00usbx00000000000009`, { method: 'POST', body: '{not json' });
    expect(res).toMatchObject({ status: 400, body: { errorCode: 'E0000003' } });
  });
});
