// One change at a time per target: a second open request for the same user (or app) and path is refused with a
// pointer to the open one; another path, or the same one after the first ends, is accepted.
import { AGENT, ask } from '../support/request-flow.ts';
import { startSandboxRuntime, type SandboxRuntime } from '../support/test-runtime.ts';

jest.setTimeout(60_000);
const ADELE = 'adele.vance@contoso.com';

let rt: SandboxRuntime;
beforeEach(async () => {
  rt = await startSandboxRuntime();
});
afterEach(() => rt.close());

test('the same user and path: refused, naming the open request; another path is accepted; after a cancel, accepted again', async () => {
  const first = await ask(rt.services, { query: ADELE, path: 'okta-owns-licenses' });
  await expect(ask(rt.services, { query: ADELE, path: 'okta-owns-licenses' })).rejects.toMatchObject({
    code: 'policy', details: { reason: 'target-busy', requestId: first.id }, message: expect.stringContaining(`Request ${first.id} (okta-owns-licenses, pending) is already open for Adele Vance`),
  });
  // Paths 2 and 3 target the app, not the user.
  const app = await ask(rt.services, { query: ADELE, path: 'entra-owns-licenses' });
  await expect(ask(rt.services, { query: 'megan.bowen@contoso.com', path: 'entra-owns-licenses' })).rejects.toMatchObject({ details: { requestId: app.id } });
  await rt.services.decide({ requestId: first.id, decision: 'cancel', actor: AGENT });
  expect(await ask(rt.services, { query: ADELE, path: 'okta-owns-licenses' })).toMatchObject({ status: 'pending' });
  expect(await rt.services.list(['pending'])).toHaveLength(2);
});
