// `status LD-…` and `my requests` in Teams: real message activities posted to /api/messages, the replies captured by
// the fake connector; the status is the request's status card, `my requests` a list for the person who asked.
import { PERSONAS } from '../../../src/sandbox/seed.ts';
import { fact, type CardNode } from '../../fakes/adaptive-card-query.ts';
import { FakeTeamsConnector, type ConnectorCall } from '../../fakes/fake-teams-connector.ts';
import { personalChat, TeamsClient, TEAMS_USERS, type TeamsUser } from '../../fakes/teams-client.ts';
import { DEFAULT_PLAN_OPTIONS } from '../../factories/plan-options.ts';
import { startTestApp, type TestApp } from '../../support/start-test-app.ts';

jest.setTimeout(60_000);

const { agent, approver, nonApprover } = TEAMS_USERS;
let app: TestApp;
let connector: FakeTeamsConnector;
let teams: TeamsClient;
let requestId: string;

beforeAll(async () => {
  connector = await FakeTeamsConnector.start();
  app = await startTestApp({ env: { TEAMS_APPROVALS_CONVERSATION: '19:approvals-channel@thread.tacv2' } });
  teams = new TeamsClient(app.url, connector.serviceUrl);
  const request = await app.runtime.services.createRequest({
    query: 'adele.vance@contoso.com', path: 'okta-owns-licenses', options: DEFAULT_PLAN_OPTIONS, reason: 'INC0042: Okta pushes fail',
    requester: { upnOrId: PERSONAS.agent, surface: 'teams', surfaceUserId: agent.id }, acknowledgeRemoval: false,
  });
  requestId = request.id;
});
afterAll(async () => {
  await app.close();
  await connector.close();
});
afterEach(() => {
  expect(connector.cardProblems).toEqual([]);
});

async function ask(user: TeamsUser, text: string): Promise<ConnectorCall> {
  const chat = personalChat(user);
  const before = connector.calls.length;
  expect((await teams.message(user, text, chat)).status).toBe(200);
  return connector.waitFor((c) => connector.calls.indexOf(c) >= before && c.conversationId === chat.conversationId);
}

test('status LD-… answers with the request\'s status card', async () => {
  const reply = await ask(nonApprover, `status ${requestId}`);
  const card = reply.cards[0] as CardNode | undefined;
  if (!card) throw new Error('no card in the reply');
  expect(fact(card, 'Request')).toBe(requestId);
  expect(fact(card, 'Status')).toBe('pending');
  expect(JSON.stringify(card)).toContain('Waiting for 1 approval');
  expect((await ask(nonApprover, 'status LD-2222-2222')).text).toBe('There is no request LD-2222-2222.');
});

test('my requests: the agent sees theirs, an approver what waits for them, someone else nothing', async () => {
  const mine = (await ask(agent, 'my requests')).text ?? '';
  expect(mine).toContain('**Your requests**');
  expect(mine).toContain(requestId);
  const waiting = (await ask(approver, '<at>License Doctor</at> my requests')).text ?? '';
  expect(waiting).toContain('**Waiting for your approval**');
  expect(waiting).toContain(requestId);
  expect((await ask(nonApprover, 'my requests')).text).toBe('You have no requests, and none waits for your approval.');
});
