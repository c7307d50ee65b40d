// Sandbox mode without any Teams settings: the surface runs without authentication (the demo page drives it as a
// local Teams client), approval cards go to the fixed demo approvals conversation at the requester's service URL,
// and when its members cannot be listed the card refreshes for everyone (the server still decides who sees what).
import { DEMO_APPROVALS_CONVERSATION } from '../../../src/surfaces/teams/create-teams-surface.ts';
import { button, cardVerbs, fact, type CardNode } from '../../fakes/adaptive-card-query.ts';
import { FakeTeamsConnector } from '../../fakes/fake-teams-connector.ts';
import { channel, invokeCard, personalChat, TeamsClient, TEAMS_USERS } from '../../fakes/teams-client.ts';
import { startTestApp, type TestApp } from '../../support/start-test-app.ts';

let app: TestApp;
let connector: FakeTeamsConnector;
let teams: TeamsClient;
const { agent, approver } = TEAMS_USERS;

beforeAll(async () => {
  connector = await FakeTeamsConnector.start();
  app = await startTestApp();
  teams = new TeamsClient(app.url, connector.serviceUrl);
});

afterAll(async () => {
  await app.close();
  await connector.close();
});

afterEach(() => {
  expect(connector.cardProblems).toEqual([]);
  expect(teams.cardProblems).toEqual([]);
});

test('/readyz shows the Teams surface accepting unauthenticated activities, and why', async () => {
  const body = (await (await fetch(`${app.url}/readyz`)).json()) as { teams?: Record<string, unknown> };
  expect(body.teams).toMatchObject({ authentication: 'none (sandbox)', approvalsConversation: DEMO_APPROVALS_CONVERSATION });
});

test('installing in a personal chat says hello with the help text', async () => {
  expect((await teams.install(agent, personalChat(agent))).status).toBe(200);
  const hello = await connector.waitFor((c) => c.conversationId === personalChat(agent).conversationId && (c.text ?? '').includes('License Doctor'));
  expect(hello.text).toMatch(/adele\.vance@contoso\.com/);
});

test('a request\'s approval card goes to the demo approvals conversation; the approver\'s refresh shows Approve', async () => {
  const chat = personalChat(agent);
  await teams.message(agent, 'megan.bowen@contoso.com', chat);
  const diagnosis = await connector.waitFor((c) => c.kind === 'post' && c.conversationId === chat.conversationId && c.cards.length > 0);
  const diagnosisCard = diagnosis.cards[0] as CardNode;
  const preview = invokeCard(await teams.execute(agent, 'path', button(diagnosisCard, 'path', { path: 'okta-owns-licenses' }).data, chat, diagnosis.activityId));
  const status = invokeCard(await teams.execute(agent, 'request', { ...button(preview, 'request').data, justification: 'demo' }, chat, diagnosis.activityId));
  const requestId = fact(status, 'Request');

  const posted = await connector.waitFor((c) => c.kind === 'post' && c.conversationId === DEMO_APPROVALS_CONVERSATION && c.cards.length > 0);
  const card = posted.cards[0] as CardNode;
  expect(fact(card, 'Request')).toBe(requestId);
  expect(card.refresh).toEqual({ action: { type: 'Action.Execute', title: 'Refresh', verb: 'refresh', data: { requestId } } });

  const demo = channel(DEMO_APPROVALS_CONVERSATION);
  const mine = invokeCard(await teams.execute(approver, 'refresh', { requestId }, demo, posted.activityId, 'automatic'));
  expect(cardVerbs(mine)).toEqual(expect.arrayContaining(['approve', 'reject']));
});
