// With Teams credentials configured, /api/messages accepts only activities with a valid Bot Framework token: a
// request without one, or with a malformed one, is refused with 401 before the bot does anything (messages are
// answered before they are processed, but only once the token is checked). (No test here
// reaches login.botframework.com: both refusals happen before any signing key is fetched.)
import { FakeTeamsConnector } from '../../fakes/fake-teams-connector.ts';
import { personalChat, TeamsClient, TEAMS_USERS } from '../../fakes/teams-client.ts';
import { startTestApp, type TestApp } from '../../support/start-test-app.ts';

let app: TestApp;
let connector: FakeTeamsConnector;
let teams: TeamsClient;
let serverClosed = false;

beforeAll(async () => {
  connector = await FakeTeamsConnector.start();
  app = await startTestApp({
    env: {
      TEAMS_CLIENT_ID: '22222222-3333-4444-5555-666666666666',
      TEAMS_CLIENT_SECRET: 'not-a-real-secret',
      TEAMS_TENANT_ID: '6f1c3c1e-2b4d-4c8e-9a51-5d0c0ffee001',
    },
  });
  teams = new TeamsClient(app.url, connector.serviceUrl);
});

afterAll(async () => {
  if (serverClosed) await app.runtime.close();
  else await app.close();
  await connector.close();
});

test.each([
  ['no Authorization header', {}],
  ['a malformed bearer token', { Authorization: 'Bearer not-a-jwt' }],
  ['a token that is not even bearer', { Authorization: 'Basic dXNlcjpwYXNz' }],
])('%s → 401, nothing processed or sent', async (_what, headers) => {
  const activity = { ...teams.envelope(TEAMS_USERS.agent, personalChat(TEAMS_USERS.agent)), type: 'message', text: 'adele.vance@contoso.com' };
  const result = await teams.post(activity, headers);
  expect(result.status).toBe(401);
  expect(connector.calls).toEqual([]);
});

test('an Action.Execute invoke without a token is refused too', async () => {
  const result = await teams.execute(TEAMS_USERS.approver, 'approve', { requestId: 'LD-AAAA-BBBB' }, personalChat(TEAMS_USERS.approver), null);
  expect(result.status).toBe(401);
  expect(await app.runtime.store.audit()).toEqual([]);
});

test('/readyz says Teams activities are authenticated', async () => {
  const res = await fetch(`${app.url}/readyz`);
  const body = (await res.json()) as { teams?: { authentication?: string }; teamsUnauthenticated?: boolean };
  expect(body.teams?.authentication).toBe('jwt');
  expect(body.teamsUnauthenticated).toBe(false);
});

// Last: stops the server. A graceful stop waits for every activity the route accepted, so anything a refused activity
// had set going would be sent or stored by now (the agent's personal chat captured, a diagnosis posted or audited).
test('after a graceful stop, still nothing was processed, stored or sent', async () => {
  serverClosed = true;
  await app.server.close();
  expect(connector.calls).toEqual([]);
  expect(await app.runtime.store.conversationRefs(`teams:personal:${TEAMS_USERS.agent.aadObjectId.toLowerCase()}`)).toEqual([]);
  expect(await app.runtime.store.audit()).toEqual([]);
});
