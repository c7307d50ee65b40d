// The approver's side in Teams: the bot keeps each person's personal chat when they write to it; a new request is
// then sent to every approver's personal chat (never the requester's or a non-approver's), and one reminder goes out
// before the request expires, once across instances. Real activities to /api/messages, the fake connector receives.
import { Client } from '@microsoft/teams.api';
import { createServices } from '../../../src/app/services.ts';
import type { Clock } from '../../../src/core/ports/clock.ts';
import { DEFAULT_PLAN_OPTIONS } from '../../factories/plan-options.ts';
import { createLogger } from '../../../src/logging/create-logger.ts';
import { PERSONAS } from '../../../src/sandbox/seed.ts';
import { TeamsApproverChats } from '../../../src/surfaces/teams/approver-chats.ts';
import { createTeamsSender } from '../../../src/surfaces/teams/teams-sender.ts';
import { FakeTeamsConnector } from '../../fakes/fake-teams-connector.ts';
import { personalChat, TeamsClient, TEAMS_USERS, type TeamsUser } from '../../fakes/teams-client.ts';
import { startTestApp, type TestApp } from '../../support/start-test-app.ts';

jest.setTimeout(60_000);

const { agent, approver, secondApprover, nonApprover } = TEAMS_USERS;
let app: TestApp;
let connector: FakeTeamsConnector;
let teams: TeamsClient;

beforeAll(async () => {
  connector = await FakeTeamsConnector.start();
  app = await startTestApp({ env: { TEAMS_APPROVALS_CONVERSATION: '19:approvals-channel@thread.tacv2' } });
  teams = new TeamsClient(app.url, connector.serviceUrl);
  // Everyone but Christie has written to the bot once: their personal chats are known.
  for (const user of [agent, approver, nonApprover]) {
    expect((await teams.message(user, 'hi')).status).toBe(200);
    // Answered before it is processed: the bot's reply there comes after the chat's reference is captured.
    await connector.waitFor((c) => c.conversationId === personalChat(user).conversationId);
  }
});
afterAll(async () => {
  await app.close();
  await connector.close();
});

const textsIn = (user: TeamsUser): string[] =>
  connector.calls.filter((c) => c.conversationId === personalChat(user).conversationId && c.text !== null).map((c) => c.text ?? '');

function ask(query: string): ReturnType<TestApp['runtime']['services']['createRequest']> {
  return app.runtime.services.createRequest({
    query, path: 'okta-owns-licenses', options: DEFAULT_PLAN_OPTIONS, reason: 'INC0042: [urgent](https://evil.example) *now*',
    requester: { upnOrId: PERSONAS.agent, surface: 'teams', surfaceUserId: agent.id }, acknowledgeRemoval: false,
  });
}

test('a new request reaches the approvers\' personal chats, with the justification as plain text', async () => {
  const request = await ask('adele.vance@contoso.com');
  const notice = await connector.waitFor((c) => c.conversationId === personalChat(approver).conversationId && (c.text ?? '').includes(request.id));
  expect(notice.text).toContain(`Request ${request.id} needs your approval: Adele Vance — Okta owns the licenses, asked by Allan Deyoung.`);
  expect(notice.text).toContain('INC0042: \\[urgent\\](https://evil.example) \\*now\\*');
  // Christie never wrote to the bot: Teams gives no way to start her chat, so she hears through the channel card only.
  expect(textsIn(secondApprover)).toEqual([]);
  expect(textsIn(agent).some((t) => t.includes(request.id))).toBe(false);
  expect(textsIn(nonApprover).some((t) => t.includes(request.id))).toBe(false);
});

test('one reminder before expiry, once across two instances', async () => {
  const request = await ask('grady.archie@contoso.com');
  await connector.waitFor((c) => c.conversationId === personalChat(approver).conversationId && (c.text ?? '').includes(request.id));
  const late: Clock = { now: () => Date.parse(request.expiresAt) - 10 * 60_000 };
  const instance = () => new TeamsApproverChats({
    services: createServices({ ...app.runtime.services.deps, clock: late }), refs: app.runtime.store, clock: late,
    sender: createTeamsSender(new Client(connector.serviceUrl)), logger: createLogger('silent'),
  });
  await instance().remind();
  await instance().remind();
  const reminders = textsIn(approver).filter((t) => t.includes(`Reminder: request ${request.id}`));
  expect(reminders).toHaveLength(1);
  expect(reminders[0]).toContain('still needs 1 more approval');
});
