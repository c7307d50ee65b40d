import { GROUP, seededEntraId } from '../../../src/sandbox/seed.ts';
import { graphErrorOf, startTestGraph, type TestGraph } from './graph-test-server.ts';

let graph: TestGraph;

beforeAll(async () => {
  graph = await startTestGraph();
});
afterAll(() => graph.close());
beforeEach(() => {
  graph.tenant.reset();
  graph.server.faults.clear();
  graph.server.batchCalls.length = 0;
});

type SubResponse = { id: string; status: number; headers: Record<string, string>; body?: unknown };
const batch = async (requests: unknown[]) => {
  const reply = await graph.call('POST', '/$batch', { body: { requests } });
  return { reply, responses: (reply.body as { responses?: SubResponse[] }).responses ?? [] };
};
const get = (id: string, url: string) => ({ id, method: 'GET', url });
const MISSING = '00000000-0000-4000-8000-000000000000';

describe('POST /$batch', () => {
  it('answers each request as if sent alone, inside a 200 envelope', async () => {
    const { reply, responses } = await batch([
      get('1', `/groups/${GROUP.E3}?$select=id,displayName`),
      get('2', `groups/${MISSING}`),
      get('3', '/subscribedSkus?$select=skuId'),
    ]);
    expect(reply.status).toBe(200);
    expect(responses.map((r) => [r.id, r.status])).toEqual([['1', 200], ['2', 404], ['3', 200]]);
    expect(responses[0]?.body).toEqual({ '@odata.context': `${graph.server.baseUrl}/$metadata#groups(id,displayName)/$entity`, id: GROUP.E3, displayName: 'Licensing - Microsoft 365 E3' });
    expect((responses[1]?.body as { error: { code: string } }).error.code).toBe('Request_ResourceNotFound');
    expect(responses[0]?.headers['request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(graph.server.batchCalls.map((c) => `${c.method} ${c.path}${c.query} ${c.status}`)).toEqual([
      `GET /v1.0/groups/${GROUP.E3}?$select=id,displayName 200`,
      `GET /v1.0/groups/${MISSING} 404`,
      'GET /v1.0/subscribedSkus?$select=skuId 200',
    ]);
    expect(graph.server.calls.at(-1)).toMatchObject({ method: 'POST', path: '/v1.0/$batch', status: 200 });
  });

  it('throttles the one sub-request a fault targets, with its own Retry-After', async () => {
    graph.server.faults.add({ kind: 'throttle', path: `^/v1.0/groups/${GROUP.E3}$`, retryAfterSeconds: 7, times: 1 });
    const { responses } = await batch([get('a', `/groups/${GROUP.E3}`), get('b', `/groups/${GROUP.VISIO}`)]);
    expect(responses.map((r) => r.status)).toEqual([429, 200]);
    expect(responses[0]?.headers['Retry-After']).toBe('7');
    expect((responses[0]?.body as { error: { code: string } }).error.code).toBe('TooManyRequests');
  });

  it('runs writes with dependsOn, and answers 424 when a dependency failed', async () => {
    const { responses } = await batch([
      { id: '1', method: 'DELETE', url: `/groups/${GROUP.SALES_DYNAMIC}/members/${seededEntraId(3)}/$ref` },
      { id: '2', method: 'GET', url: `/users/${seededEntraId(3)}?$select=id`, dependsOn: ['1'] },
      { id: '3', method: 'DELETE', url: `/groups/${GROUP.E3}/members/${seededEntraId(1)}/$ref` },
      { id: '4', method: 'GET', url: `/users/${seededEntraId(1)}?$select=id`, dependsOn: ['3'] },
    ]);
    expect(responses.map((r) => r.status)).toEqual([403, 424, 204, 200]);
    expect(responses[2]).not.toHaveProperty('body');
  });

  it('needs Content-Type on a sub-request with a body', async () => {
    const { responses } = await batch([{ id: '1', method: 'POST', url: `/users/${seededEntraId(22)}/checkMemberGroups`, body: { groupIds: [GROUP.APPROVERS] } }]);
    expect(responses[0]?.status).toBe(400);
    const ok = await batch([{ id: '1', method: 'POST', url: `/users/${seededEntraId(22)}/checkMemberGroups`, body: { groupIds: [GROUP.APPROVERS] }, headers: { 'Content-Type': 'application/json' } }]);
    expect(ok.responses[0]).toMatchObject({ status: 200, body: { value: [GROUP.APPROVERS] } });
  });

  it('answers 400 for a nested batch or an absolute url, per sub-request', async () => {
    const { responses } = await batch([
      { id: '1', method: 'POST', url: '/$batch', body: { requests: [] }, headers: { 'Content-Type': 'application/json' } },
      get('2', `https://graph.microsoft.com/v1.0/groups/${GROUP.E3}`),
    ]);
    expect(responses.map((r) => r.status)).toEqual([400, 400]);
  });

  it.each([
    ['more than 20 requests', Array.from({ length: 21 }, (_, i) => get(String(i), `/groups/${GROUP.E3}`))],
    ['duplicate ids (ignoring case)', [get('a', `/groups/${GROUP.E3}`), get('A', `/groups/${GROUP.E3}`)]],
    ['a request without url', [{ id: '1', method: 'GET' }]],
    ['a dependency on an unknown id', [{ ...get('1', `/groups/${GROUP.E3}`), dependsOn: ['9'] }]],
  ])('refuses the whole batch with 400 for %s', async (_label, requests) => {
    const { reply } = await batch(requests);
    expect(reply.status).toBe(400);
    expect(graphErrorOf(reply).code).toBe('BadRequest');
    expect(graph.server.batchCalls).toEqual([]);
  });
});
