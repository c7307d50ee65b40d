import { GROUP, SCENARIOS } from '../../../src/sandbox/seed.ts';
import { graphErrorOf, startTestGraph, type TestGraph } from './graph-test-server.ts';

let graph: TestGraph;

beforeAll(async () => {
  graph = await startTestGraph();
});
afterAll(() => graph.close());
beforeEach(() => graph.server.faults.clear());

const userPath = `/users/${SCENARIOS[0]?.userPrincipalName ?? ''}`;

describe('authentication', () => {
  it.each([
    ['no Authorization header', null, 'Access token is empty.'],
    ['an empty bearer token', '', 'Access token is empty.'],
    ['a wrong token', 'not-the-token', 'Access token validation failure. Invalid audience.'],
  ])('answers 401 InvalidAuthenticationToken for %s', async (_label, token, message) => {
    const reply = await graph.call('GET', userPath, { token });
    expect(reply.status).toBe(401);
    expect(graphErrorOf(reply)).toMatchObject({ code: 'InvalidAuthenticationToken', message });
    expect(reply.headers.get('www-authenticate')).toMatch(/^Bearer /);
  });
});

describe('envelope and request ids', () => {
  it('echoes the caller client-request-id in the header and the innerError', async () => {
    const reply = await graph.call('GET', '/users/nobody%40contoso.com', { headers: { 'client-request-id': 'c0ffee00-0000-4000-8000-000000000001' } });
    expect(reply.headers.get('client-request-id')).toBe('c0ffee00-0000-4000-8000-000000000001');
    const inner = graphErrorOf(reply).innerError;
    expect(inner).toEqual({ date: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/), 'request-id': reply.headers.get('request-id'), 'client-request-id': 'c0ffee00-0000-4000-8000-000000000001' });
  });

  it.each([
    ['/v1.0/nothingHere', 400, 'BadRequest', "Resource not found for the segment 'nothingHere'."],
    [`/v1.0/groups/${GROUP.E3}/owners`, 400, 'BadRequest', "Resource not found for the segment 'owners'."],
    ['/v2.0/users', 400, 'BadRequest', 'Invalid version: v2.0'],
  ])('answers an unknown route %s like Graph', async (path, status, code, message) => {
    const reply = await graph.call('GET', path, { rawPath: true });
    expect(reply.status).toBe(status);
    expect(graphErrorOf(reply)).toMatchObject({ code, message });
  });

  it('answers 405 for a method the route does not have', async () => {
    const reply = await graph.call('PUT', `/groups/${GROUP.E3}`);
    expect(reply.status).toBe(405);
    expect(graphErrorOf(reply)).toMatchObject({ code: 'Request_BadRequest', message: 'Specified HTTP method is not allowed for the request target.' });
  });
});

describe('injected faults', () => {
  it('throttles with 429 TooManyRequests, Retry-After in seconds and Graph inner details', async () => {
    graph.server.faults.add({ kind: 'throttle', path: '^/v1.0/users/', retryAfterSeconds: 3, times: 1 });
    const reply = await graph.call('GET', userPath);
    expect(reply.status).toBe(429);
    expect(reply.headers.get('retry-after')).toBe('3');
    expect(graphErrorOf(reply)).toMatchObject({ code: 'TooManyRequests', message: 'Please retry again later.', innerError: { code: '429', status: '429', message: 'Please retry after' } });
    expect((await graph.call('GET', userPath)).status).toBe(200);
  });

  it.each([
    ['unavailable', 503, 'serviceNotAvailable', '2'],
    ['server-error', 500, 'generalException', null],
  ] as const)('answers %s with %i %s', async (kind, status, code, retryAfter) => {
    graph.server.faults.add({ kind, retryAfterSeconds: 2, times: 1 });
    const reply = await graph.call('GET', userPath);
    expect(reply.status).toBe(status);
    expect(graphErrorOf(reply).code).toBe(code);
    expect(reply.headers.get('retry-after')).toBe(retryAfter);
  });
});
