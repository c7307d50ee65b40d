// The Teams surface end to end: real activity JSON posted to /api/messages on the shared server, replies and card
// updates captured by a fake connector at the activities' serviceUrl, the sandbox tenant behind it. Every card the bot
// sends (connector) or returns (invoke responses) is validated: adaptivecards for 1.5, the 1.5 JSON schema, Teams'
// size limit.
import { seededEntraId } from '../../../src/sandbox/seed.ts';
import { button, cardInputs, cardText, cardVerbs, fact, type CardNode } from '../../fakes/adaptive-card-query.ts';
import { FakeTeamsConnector, type ConnectorCall } from '../../fakes/fake-teams-connector.ts';
import { channel, invokeCard, invokeMessage, personalChat, TeamsClient, TEAMS_USERS } from '../../fakes/teams-client.ts';
import { startTestApp, type TestApp } from '../../support/start-test-app.ts';

const APPROVALS = '19:approvals-channel@thread.tacv2';
const { agent, approver, secondApprover, nonApprover } = TEAMS_USERS;
const agentChat = personalChat(agent);
const approvals = channel(APPROVALS);

let app: TestApp;
let connector: FakeTeamsConnector;
let teams: TeamsClient;

beforeAll(async () => {
  connector = await FakeTeamsConnector.start();
  connector.setMembers(APPROVALS, [agent, approver, secondApprover, nonApprover]);
  app = await startTestApp({ env: { TEAMS_APPROVALS_CONVERSATION: APPROVALS } });
  teams = new TeamsClient(app.url, connector.serviceUrl);
  // The bot is installed in the approvals channel: its reference is captured from this activity.
  expect((await teams.install(approver, approvals)).status).toBe(200);
  // Answered before it is processed: its greeting there comes after the channel's reference is captured.
  await connector.waitFor((c) => c.conversationId === approvals.conversationId);
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

/** Diagnoses `upn` in the agent's chat, previews `path`, requests it; returns the request id and card ids. */
async function requestChange(upn: string, path: string, justification = 'INC0042: Okta pushes fail') {
  const before = connector.calls.length;
  expect((await teams.message(agent, upn, agentChat)).status).toBe(200);
  const diagnosis = await connector.waitFor((c, i = connector.calls.indexOf(c)) => i >= before && c.conversationId === agentChat.conversationId && c.kind === 'post' && c.cards.length > 0);
  const preview = invokeCard(await teams.execute(agent, 'path', button(cardOf(diagnosis), 'path', { path }).data, agentChat, diagnosis.activityId));
  const submit = button(preview, 'request', { path });
  const status = invokeCard(await teams.execute(agent, 'request', { ...submit.data, justification }, agentChat, diagnosis.activityId));
  const requestId = fact(status, 'Request');
  if (!requestId) throw new Error('the status card names no request');
  const approval = await connector.waitFor((c) => c.conversationId === APPROVALS && c.kind === 'post' && c.cards.length > 0 && cardText(cardOf(c)).includes(requestId));
  return { requestId, statusCard: status, agentCardId: diagnosis.activityId, approvalCardId: approval.activityId, approvalCard: cardOf(approval) };
}

const updateOf = (activityId: string, status: string) => (c: ConnectorCall) =>
  c.kind === 'update' && c.activityId === activityId && c.cards.some((card) => fact(card, 'Status') === status);

test('the approvals channel is captured on installation and greeted', async () => {
  const greeting = await connector.waitFor((c) => c.conversationId === APPROVALS && c.kind === 'post' && (c.text ?? '').includes('approval requests'));
  expect(greeting.text).toMatch(/post approval requests here/);
  const refs = await app.runtime.store.conversationRefs('teams:approvals-channel');
  expect(refs[0]?.ref).toMatchObject({ conversationId: APPROVALS, serviceUrl: connector.serviceUrl.replace(/\/$/, '') });
});

test('help in a personal chat; diagnosis cards in a group chat and a channel thread after an @mention', async () => {
  await teams.message(agent, 'help', agentChat);
  const help = await connector.waitFor((c) => c.conversationId === agentChat.conversationId && (c.text ?? '').includes('License Doctor'));
  expect(help.text).toMatch(/user principal name/);

  const group = { conversationId: '19:helpdesk-group@unq.gbl.spaces', conversationType: 'groupChat' } as const;
  expect((await teams.message(agent, 'megan.bowen@contoso.com', group)).status).toBe(200);
  const groupReply = await connector.waitFor((c) => c.conversationId === group.conversationId && c.cards.length > 0);
  expect(cardText(cardOf(groupReply))).toMatch(/Megan Bowen/);

  const thread = channel('19:helpdesk@thread.tacv2', '1700000000000');
  expect((await teams.message(agent, 'alex.wilber@contoso.com', thread)).status).toBe(200);
  const reply = await connector.waitFor((c) => c.conversationId === thread.conversationId && c.cards.length > 0);
  const card = cardOf(reply);
  expect(cardText(card)).toMatch(/Alex Wilber/);
  expect(cardVerbs(card)).toEqual(expect.arrayContaining(['path', 'recheck']));
});

test('diagnose → preview → request → approved by a second user → executed and verified, every card updated', async () => {
  const before = connector.calls.length;
  expect((await teams.message(agent, 'adele.vance@contoso.com', agentChat)).status).toBe(200);
  const diagnosis = await connector.waitFor((c) => connector.calls.indexOf(c) >= before && c.kind === 'post' && c.conversationId === agentChat.conversationId && c.cards.length > 0);
  const diagnosisCard = cardOf(diagnosis);
  expect(cardText(diagnosisCard)).toMatch(/Adele Vance/);
  expect(cardText(diagnosisCard)).toMatch(/Microsoft 365 E3/);
  const pathButton = button(diagnosisCard, 'path', { path: 'okta-owns-licenses' });
  expect(pathButton.type).toBe('Action.Execute');
  expect(pathButton.fallback).toMatchObject({ type: 'Action.Submit', data: { verb: 'path', path: 'okta-owns-licenses' } });

  const preview = invokeCard(await teams.execute(agent, 'path', pathButton.data, agentChat, diagnosis.activityId));
  expect(cardInputs(preview).map((i) => i.id)).toContain('justification');
  expect(cardText(preview)).toMatch(/Okta owns the licenses/);

  const requested = invokeCard(await teams.execute(agent, 'request', { ...button(preview, 'request').data, justification: 'INC0042' }, agentChat, diagnosis.activityId));
  const requestId = fact(requested, 'Request') ?? '';
  expect(fact(requested, 'Status')).toBe('pending');
  expect(cardVerbs(requested)).toContain('cancel');
  // The agent's message now shows the status for everyone in the conversation.
  await connector.waitFor(updateOf(diagnosis.activityId, 'pending'));

  const posted = await connector.waitFor((c) => c.conversationId === APPROVALS && c.kind === 'post' && c.cards.length > 0 && cardText(cardOf(c)).includes(requestId));
  const base = cardOf(posted);
  expect(cardVerbs(base)).not.toContain('approve');
  expect(base.refresh).toMatchObject({ action: { type: 'Action.Execute', verb: 'refresh', data: { requestId } } });
  const userIds = (base.refresh as { userIds: string[] }).userIds;
  expect(userIds).toEqual(expect.arrayContaining([agent.id, approver.id, secondApprover.id]));
  expect(userIds).not.toContain(nonApprover.id);

  // User-specific views: Approve / Reject only for approvers who are not the requester.
  const forApprover = invokeCard(await teams.execute(approver, 'refresh', { requestId }, approvals, posted.activityId, 'automatic'));
  expect(cardVerbs(forApprover)).toEqual(expect.arrayContaining(['approve', 'reject']));
  const forRequester = invokeCard(await teams.execute(agent, 'refresh', { requestId }, approvals, posted.activityId, 'automatic'));
  expect(cardVerbs(forRequester)).not.toContain('approve');
  expect(cardVerbs(forRequester)).toContain('cancel');
  // Each person is told why there is no Approve button for them.
  expect(cardText(forRequester)).toContain('You asked for this change, so someone else must approve it.');
  const forOthers = invokeCard(await teams.execute(nonApprover, 'refresh', { requestId }, approvals, posted.activityId, 'automatic'));
  expect(cardVerbs(forOthers)).toEqual([]);
  expect(cardText(forOthers)).toContain('Only members of the approvers group can approve');

  const approved = invokeCard(await teams.execute(approver, 'approve', button(forApprover, 'approve').data, approvals, posted.activityId));
  expect(['approved', 'executing', 'succeeded']).toContain(fact(approved, 'Status'));

  // Progress and the verified result reach both cards.
  await connector.waitFor(updateOf(posted.activityId, 'executing'), 15_000, 'the approval card showing the plan running');
  const doneApproval = await connector.waitFor(updateOf(posted.activityId, 'succeeded'), 15_000, 'the approval card showing success');
  const doneStatus = await connector.waitFor(updateOf(diagnosis.activityId, 'succeeded'), 15_000, 'the agent\'s card showing success');
  expect(cardText(cardOf(doneApproval))).toMatch(/Verified/);
  expect(cardText(cardOf(doneStatus))).toMatch(/Verified/);
  expect(cardOf(doneApproval).refresh).toBeUndefined();
  expect(cardVerbs(cardOf(doneStatus))).toEqual([]);

  const stored = await app.runtime.services.get(requestId);
  expect(stored?.status).toBe('succeeded');
  expect(stored?.requestedBy).toMatchObject({ userPrincipalName: 'allan.deyoung@contoso.com', surface: 'teams', surfaceUserId: agent.id });
  expect(stored?.decisions.map((d) => [d.kind, d.by.userPrincipalName, d.by.surfaceUserId])).toEqual([['approve', 'patti.fernandez@contoso.com', approver.id]]);
});

test('an approver in a nested group rejects with a reason; without one the reject is refused', async () => {
  const { requestId, approvalCardId, agentCardId } = await requestChange('alex.wilber@contoso.com', 'okta-owns-licenses');
  const refused = invokeMessage(await teams.execute(secondApprover, 'reject', { requestId, card: 'approval' }, approvals, approvalCardId));
  expect(refused).toMatch(/reason is required/i);
  expect((await app.runtime.services.get(requestId))?.status).toBe('pending');

  const rejected = invokeCard(await teams.execute(secondApprover, 'reject', { requestId, card: 'approval', reason: 'Use the dynamic rule instead' }, approvals, approvalCardId));
  expect(fact(rejected, 'Status')).toBe('rejected');
  const agentView = await connector.waitFor(updateOf(agentCardId, 'rejected'));
  expect(cardText(cardOf(agentView))).toMatch(/Christie Cline/);
  await connector.waitFor(updateOf(approvalCardId, 'rejected'));
});

test('self-approval and a non-approver are refused to the clicker, audited, and change nothing', async () => {
  const { requestId, approvalCardId } = await requestChange('megan.bowen@contoso.com', 'okta-owns-licenses');
  const self = invokeMessage(await teams.execute(agent, 'approve', { requestId, card: 'approval' }, approvals, approvalCardId));
  expect(self).toMatch(/someone else must approve/);
  const outsider = invokeMessage(await teams.execute(nonApprover, 'approve', { requestId, card: 'approval' }, approvals, approvalCardId));
  expect(outsider).toMatch(/Only members of the approvers group/);

  expect((await app.runtime.services.get(requestId))?.status).toBe('pending');
  const audit = await app.runtime.store.audit({ requestId });
  const refusals = audit.map((e) => JSON.stringify(e)).filter((e) => /self-approval|not-approver/.test(e));
  expect(refusals).toHaveLength(2);
});

test('an expired request: the approve is refused and the cards show it expired', async () => {
  const { requestId, approvalCardId, agentCardId } = await requestChange('miriam.graham@contoso.com', 'okta-owns-licenses');
  const current = await app.runtime.services.get(requestId);
  if (!current) throw new Error('request missing');
  const past = new Date(Date.now() - 60_000).toISOString();
  expect(await app.runtime.store.compareAndSet(current.version, { ...current, version: current.version + 1, expiresAt: past })).toBe(true);

  const refused = invokeMessage(await teams.execute(approver, 'approve', { requestId, card: 'approval' }, approvals, approvalCardId));
  expect(refused).toMatch(/expired/i);
  expect((await app.runtime.services.get(requestId))?.status).toBe('expired');
  await connector.waitFor(updateOf(approvalCardId, 'expired'));
  await connector.waitFor(updateOf(agentCardId, 'expired'));
});

test('a double click approves once: the second click is told it is already decided', async () => {
  const { requestId, approvalCardId } = await requestChange('isaiah.langer@contoso.com', 'okta-owns-licenses');
  const clicks = await Promise.all([1, 2].map(() => teams.execute(approver, 'approve', { requestId, card: 'approval' }, approvals, approvalCardId)));
  const kinds = clicks.map((c) => (c.body as { type: string }).type).sort();
  expect(kinds).toEqual(['application/vnd.microsoft.activity.message', 'application/vnd.microsoft.card.adaptive']);
  const message = clicks.map((c) => c.body as { type: string; value: unknown }).find((b) => b.type.endsWith('message'));
  expect(String(message?.value)).toMatch(/already approved|Already approved/i);
  await app.runtime.services.idle();
  const stored = await app.runtime.services.get(requestId);
  expect(stored?.decisions.filter((d) => d.kind === 'approve')).toHaveLength(1);
  // The plan ran once: one journal row per step, each on its first attempt.
  const journal = await app.runtime.store.journal(requestId);
  expect(journal.length).toBeGreaterThan(0);
  expect(journal.every((j) => j.attempt === 1)).toBe(true);
  expect(new Set(journal.map((j) => j.stepId)).size).toBe(journal.length);
});

test('the requester cancels from the status card; the approval card follows', async () => {
  const { requestId, approvalCardId, agentCardId } = await requestChange('diego.siciliani@contoso.com', 'entra-owns-licenses');
  const cancelled = invokeCard(await teams.execute(agent, 'cancel', { requestId, card: 'status' }, agentChat, agentCardId));
  expect(fact(cancelled, 'Status')).toBe('cancelled');
  await connector.waitFor(updateOf(approvalCardId, 'cancelled'));
});

test('Action.Submit fallback: a client without Universal Actions previews a path as a new message', async () => {
  const before = connector.calls.length;
  await teams.message(agent, 'grady.archie@contoso.com', agentChat);
  const diagnosis = await connector.waitFor((c) => connector.calls.indexOf(c) >= before && c.kind === 'post' && c.conversationId === agentChat.conversationId && c.cards.some((card) => cardText(card).includes('Grady Archie')));
  const fallback = button(cardOf(diagnosis), 'path', { path: 'okta-owns-licenses' }).fallback;
  expect(fallback).not.toBeNull();
  expect((await teams.submit(agent, (fallback?.data ?? {}) as Record<string, unknown>, agentChat, diagnosis.activityId)).status).toBe(200);
  const preview = await connector.waitFor((c) => c.kind === 'post' && c.conversationId === agentChat.conversationId && c.cards.some((card) => cardInputs(card).length > 0 && cardText(card).includes('Grady Archie')));
  expect(cardText(cardOf(preview))).toMatch(/Okta owns the licenses/);
});

test('an approver whose Teams account has no Entra id, and a stale card, get a message', async () => {
  const anonymous = { ...approver, aadObjectId: '' };
  expect(invokeMessage(await teams.execute(anonymous, 'refresh', { requestId: 'LD-XXXX-XXXX' }, approvals, null))).toMatch(/cannot tell who you are/);
  expect(invokeMessage(await teams.execute(approver, 'approve', { nothing: true }, approvals, null))).toMatch(/older version/);
  expect(invokeMessage(await teams.execute(approver, 'refresh', { requestId: 'LD-NONE-NONE' }, approvals, null))).toMatch(/no request LD-NONE-NONE/);
  expect(seededEntraId(21)).toBe(approver.aadObjectId);
});
