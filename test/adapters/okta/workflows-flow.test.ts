import { createWorkflowsFlow } from '../../../src/adapters/okta/workflows-flow.ts';
import { WORKFLOWS_FLOW } from '../../../src/sandbox/seed.ts';
import { startOktaHarness, type OktaHarness } from '../../sandbox/okta/okta-harness.ts';
import { failure } from '../../support/expect-failure.ts';

const input = { userPrincipalName: 'adele.vance@contoso.com', oktaUserId: '00usbx00000000000001', appId: '0oasbx00000000000001' };
let h: OktaHarness;
beforeAll(async () => {
  h = await startOktaHarness();
});
afterAll(() => h.close());

const invokeUrl = (alias: string = WORKFLOWS_FLOW.alias) => `${h.okta.url}/api/flo/${alias}/invoke`;

describe('createWorkflowsFlow', () => {
  it("invokes the flow with the token in the x-api-client-token header and returns the flow's answer", async () => {
    const flow = createWorkflowsFlow({ invokeUrl: invokeUrl(), clientToken: WORKFLOWS_FLOW.clientToken });
    const answer = await flow.invoke(input);
    expect(answer).toMatchObject({ status: 200, body: { result: 'pushed', input } });
    expect(h.tenant.state.okta.workflows[0]?.invocations.at(-1)?.body).toEqual(input);
    expect(h.okta.calls.at(-1)?.query).toBe('');
  });

  it.each([
    ['a wrong client token', () => createWorkflowsFlow({ invokeUrl: invokeUrl(), clientToken: 'secret-but-wrong' }), 401, /answered 401: check the flow's client token/],
    ['an unknown flow', () => createWorkflowsFlow({ invokeUrl: invokeUrl('nope'), clientToken: WORKFLOWS_FLOW.clientToken }), 404, /answered 404: check the flow alias/],
  ])('reports %s as okta-request-failed from workflows', async (_what, make, status, message) => {
    const err = await failure(make().invoke(input));
    expect(err.code).toBe('okta-request-failed');
    expect(err.message).toMatch(message);
    expect(err.details).toMatchObject({ vendor: 'workflows', status });
    expect(JSON.stringify({ m: err.message, d: err.details })).not.toContain('secret-but-wrong');
  });

  it('reports an unreachable flow without the token', async () => {
    const flow = createWorkflowsFlow({ invokeUrl: 'http://127.0.0.1:9/api/flo/x/invoke?clientToken=leaky', clientToken: 'leaky' });
    const err = await failure(flow.invoke(input));
    expect(err.code).toBe('okta-request-failed');
    expect(err.details.vendor).toBe('workflows');
    expect(err.message).toBe('Could not reach the Okta Workflows flow at http://127.0.0.1:9/api/flo/x/invoke: check its invoke URL and the network');
    expect(JSON.stringify({ m: err.message, d: err.details })).not.toContain('leaky');
  });
});
