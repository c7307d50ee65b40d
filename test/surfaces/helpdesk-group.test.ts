// Who may use it: with HELPDESK_GROUP_ID only members (transitive) of that Entra group diagnose, preview plans and file
// requests, on Slack and Teams alike, with a clear refusal; every diagnosis (and refusal) is audited with who looked
// up whom from which surface. Here the group is the seeded approvers group: Patti is in it, the agent is not.
import { GROUP, PERSONAS, SCENARIOS } from '../../src/sandbox/seed.ts';
import { DEFAULT_PLAN_OPTIONS } from '../factories/plan-options.ts';
import { FakeTeamsConnector } from '../fakes/fake-teams-connector.ts';
import { personalChat, TeamsClient, TEAMS_USERS } from '../fakes/teams-client.ts';
import { CHANNELS, startSlackHarness, USERS, type SlackHarness } from './slack/slack-harness.ts';
import { textOf } from './slack/slack-steps.ts';

const ADELE = SCENARIOS[0]?.userPrincipalName ?? 'adele.vance@contoso.com';

let h: SlackHarness;
let connector: FakeTeamsConnector;

beforeAll(async () => {
  connector = await FakeTeamsConnector.start();
  h = await startSlackHarness({ env: { HELPDESK_GROUP_ID: GROUP.APPROVERS } });
});

afterAll(async () => {
  await h?.close();
  await connector?.close();
});

const audit = async (action: string) => {
  // Diagnosis entries are appended while the answer is already on its way.
  await h.app.runtime.services.idle();
  return (await h.app.runtime.store.audit()).filter((e) => e.action === action);
};

it('Slack: a non-member is refused with the reason; a member diagnoses; both are audited', async () => {
  const posts = h.fake.callsTo('chat.postMessage').length;
  await h.slack.slashCommand(USERS.agent, ADELE, CHANNELS.helpdesk);
  const refusal = await h.fake.waitFor(() => h.fake.callsTo('chat.postMessage').slice(posts).find((c) => /helpdesk group/.test(JSON.stringify(c.body))), 'the refusal');
  expect(String(refusal.body.text)).toMatch(/is not in the helpdesk group License Doctor serves/);

  await h.slack.slashCommand(USERS.patti, ADELE, CHANNELS.helpdesk);
  await h.fake.waitFor(() => h.fake.messagesIn(CHANNELS.helpdesk).find((m) => textOf(m).includes('path:okta-owns-licenses')), 'Patti\'s diagnosis');

  expect(await audit('diagnosis-refused')).toEqual([expect.objectContaining({ actor: PERSONAS.agent, data: expect.objectContaining({ surface: 'slack', surfaceUserId: USERS.agent, query: ADELE }) })]);
  expect(await audit('diagnosed')).toEqual([expect.objectContaining({ actor: PERSONAS.approver, data: expect.objectContaining({ surface: 'slack', target: ADELE, verdict: expect.any(String) }) })]);
});

it('Teams: the same gate and audit, by the activity\'s Entra object id', async () => {
  const teams = new TeamsClient(h.app.url, connector.serviceUrl);
  const before = connector.calls.length;
  await teams.message(TEAMS_USERS.agent, ADELE, personalChat(TEAMS_USERS.agent));
  const reply = await connector.waitFor((c, i = connector.calls.indexOf(c)) => i >= before && c.kind === 'post');
  expect(JSON.stringify(reply)).toMatch(/not in the helpdesk group/);
  const refused = await audit('diagnosis-refused');
  expect(refused.at(-1)).toEqual(expect.objectContaining({ data: expect.objectContaining({ surface: 'teams', query: ADELE }) }));
});

it('plan previews and requests are refused too; removal from the group is a policy error, not a crash', async () => {
  const agent = { upnOrId: PERSONAS.agent, surface: 'slack' as const };
  await expect(h.app.runtime.services.previewPlan(ADELE, 'okta-owns-licenses', DEFAULT_PLAN_OPTIONS, agent)).rejects.toMatchObject({ code: 'policy' });
  await expect(h.app.runtime.services.createRequest({
    query: ADELE, path: 'okta-owns-licenses', options: DEFAULT_PLAN_OPTIONS, requester: agent, reason: 'INC1', acknowledgeRemoval: false,
  })).rejects.toMatchObject({ code: 'policy', message: expect.stringMatching(/helpdesk group/) });
  const patti = { upnOrId: PERSONAS.approver, surface: 'teams' as const };
  await expect(h.app.runtime.services.previewPlan(ADELE, 'okta-owns-licenses', DEFAULT_PLAN_OPTIONS, patti)).resolves.toMatchObject({ plan: expect.any(Object) });
});

it('scan: a non-member is refused (ephemerally, no card, no scan) and the refusal is audited', async () => {
  const replies = h.fake.responses.length;
  await h.slack.slashCommand(USERS.agent, 'scan', CHANNELS.helpdesk);
  const refusal = await h.fake.waitFor(() => h.fake.responses.slice(replies).find((r) => /helpdesk group/.test(String(r.body.text))), 'the refusal');
  expect(refusal.body).toMatchObject({ response_type: 'ephemeral' });
  expect(h.fake.messagesIn(CHANNELS.helpdesk).some((m) => /Fleet scan/.test(m.text))).toBe(false);
  expect(await audit('scan-refused')).toEqual([expect.objectContaining({ actor: PERSONAS.agent, data: expect.objectContaining({ surface: 'slack', surfaceUserId: USERS.agent }) })]);
  expect(await audit('scan-requested')).toEqual([]);
});
