// Alerts on Teams, end to end: real activities install the bot in the alerts channel (TEAMS_ALERTS_CONVERSATION, its
// reference captured), failed pushes delivered to the real Okta event hook route become one Adaptive Card per cause
// there, updated in place (same activity) as users of the cause fail; repeats add nothing; the card's path button runs
// preview → request → approval, and the request's success marks the user resolved on it. The fake connector checks
// every card against Adaptive Cards 1.5 and Teams' size limit.
import { button, cardText, cardVerbs, fact, type CardNode } from '../../fakes/adaptive-card-query.ts';
import { FakeTeamsConnector, type ConnectorCall } from '../../fakes/fake-teams-connector.ts';
import { channel, invokeCard, TeamsClient, TEAMS_USERS } from '../../fakes/teams-client.ts';
import { deliver, HOOK_SECRET, pushFailure } from '../../support/okta-deliveries.ts';
import { startTestApp, type TestApp } from '../../support/start-test-app.ts';
import { SAME_CAUSE } from '../../core/alerts/seeded-reports.ts';

const [ADELE, MEGAN, MIRIAM] = SAME_CAUSE;
const ALERTS = '19:helpdesk-alerts@thread.tacv2';
const APPROVALS = '19:approvals-channel@thread.tacv2';
const { agent, approver } = TEAMS_USERS;
const alertsChannel = channel(ALERTS);
const approvals = channel(APPROVALS);

let app: TestApp;
let connector: FakeTeamsConnector;
let teams: TeamsClient;
const logLines: string[] = [];
const teamsReadiness = async () => ((await (await fetch(`${app.url}/readyz`)).json()) as { teams: Record<string, unknown> }).teams;

beforeAll(async () => {
  connector = await FakeTeamsConnector.start();
  app = await startTestApp({ env: { TEAMS_APPROVALS_CONVERSATION: APPROVALS, TEAMS_ALERTS_CONVERSATION: ALERTS, OKTA_EVENT_HOOK_SECRET: HOOK_SECRET, DATABASE_URL: 'sqlite::memory:' }, logLines });
  // Before the bot is installed there: a start-up warning with the fix, and /readyz says the channel is not captured.
  expect(logLines.map((l) => (JSON.parse(l) as { msg: string }).msg)).toContain(
    `License Doctor cannot post alerts to the Teams channel ${ALERTS} yet: add the app to its team (or mention @License Doctor in that channel once) so its reference is captured; alerts are not posted until then.`);
  expect(await teamsReadiness()).toMatchObject({ alertsConversation: ALERTS, alertsChannelCaptured: false });
  teams = new TeamsClient(app.url, connector.serviceUrl);
  expect((await teams.install(approver, approvals)).status).toBe(200);
  expect((await teams.install(agent, alertsChannel)).status).toBe(200);
  // Answered before they are processed: each greeting comes after that channel's reference is captured.
  await connector.waitFor((c) => c.conversationId === APPROVALS);
  await connector.waitFor((c) => c.conversationId === ALERTS);
});
afterAll(async () => {
  await app.close();
  await connector.close();
});
afterEach(() => {
  expect(connector.cardProblems).toEqual([]);
  expect(teams.cardProblems).toEqual([]);
});

const cardOf = (call: ConnectorCall): CardNode => {
  const card = call.cards[0];
  if (!card) throw new Error(`no card in ${call.kind} ${call.activityId}`);
  return card;
};
const alertCalls = () => connector.callsIn(ALERTS).filter((c) => c.cards.length > 0);

it('captures the alerts channel and posts one card per cause, updated in place, never alerting a user twice', async () => {
  const refs = await app.runtime.store.conversationRefs('teams:alerts-channel');
  expect(refs[0]?.ref).toMatchObject({ conversationId: ALERTS });
  expect(await teamsReadiness()).toMatchObject({ alertsConversation: ALERTS, alertsChannelCaptured: true });
  const first = pushFailure(ADELE);
  expect(await deliver(app.url, [first, pushFailure(MEGAN)])).toBe(200);
  const posted = await connector.waitFor((c) => c.conversationId === ALERTS && c.kind === 'post' && c.cards.length > 0, 10_000, 'the alert card');
  const updatedWithMegan = await connector.waitFor((c) => c.kind === 'update' && c.activityId === posted.activityId && cardText(cardOf(c)).includes(MEGAN), 10_000, 'the card with Megan');
  expect(cardText(cardOf(updatedWithMegan))).toContain('2 users failing');

  await deliver(app.url, [first, pushFailure(ADELE), pushFailure(MIRIAM)]);
  const withMiriam = await connector.waitFor((c) => c.kind === 'update' && c.activityId === posted.activityId && cardText(cardOf(c)).includes(MIRIAM), 10_000, 'the card with Miriam');
  const card = cardOf(withMiriam);
  expect(cardText(card)).toContain('Okta pushes fail: Microsoft 365 E3 comes from group Licensing - Microsoft 365 E3');
  expect(cardText(card)).toContain('3 users failing');
  expect(cardVerbs(card)).toEqual(expect.arrayContaining(['path', 'recheck']));
  expect(button(card, 'path', { path: 'okta-owns-licenses' }).data).toMatchObject({ query: ADELE });
  await app.runtime.alerts.idle();
  expect(alertCalls().filter((c) => c.kind === 'post')).toHaveLength(1);
  expect(alertCalls().filter((c) => c.kind === 'update')).toHaveLength(2);
}, 30_000);

it('runs preview → request → approval from the alert card, and the success resolves the user on it', async () => {
  const posted = alertCalls().find((c) => c.kind === 'post');
  if (!posted) throw new Error('no alert card');
  const latest = cardOf(alertCalls().at(-1) ?? posted);
  const preview = invokeCard(await teams.execute(agent, 'path', button(latest, 'path', { path: 'okta-owns-licenses' }).data, alertsChannel, posted.activityId));
  const requested = invokeCard(await teams.execute(agent, 'request', { ...button(preview, 'request').data, justification: 'INC0099: the E3 group' }, alertsChannel, posted.activityId));
  const requestId = fact(requested, 'Request') ?? '';
  const approval = await connector.waitFor((c) => c.conversationId === APPROVALS && c.kind === 'post' && c.cards.length > 0 && cardText(cardOf(c)).includes(requestId));
  const forApprover = invokeCard(await teams.execute(approver, 'refresh', { requestId }, approvals, approval.activityId, 'automatic'));
  invokeCard(await teams.execute(approver, 'approve', button(forApprover, 'approve').data, approvals, approval.activityId));
  const resolved = await connector.waitFor((c) => c.kind === 'update' && c.activityId === posted.activityId && cardText(cardOf(c)).includes('1 resolved'), 20_000, 'the alert card showing Adele resolved');
  expect(cardText(cardOf(resolved))).toContain('2 users failing');
  expect(button(cardOf(resolved), 'path', { path: 'okta-owns-licenses' }).data).toMatchObject({ query: MEGAN });
  expect((await app.runtime.services.get(requestId))?.status).toBe('succeeded');
}, 40_000);
