// Retry on Teams (real activity JSON to /api/messages, a fake connector, the sandbox tenant): Graph fails a write, so
// the plan stops at step 3. The agent's status card offers Retry; on the approval card only the requester's and
// approvers' user-specific views do. A non-approver's click is refused to them and nothing runs; the requester's click
// runs the plan from its failed step to a verified success, and both cards lose Retry. Every card is validated.
import { requestView } from '../../../src/core/views/request-view.ts';
import { approverView } from '../../../src/core/views/approver-view.ts';
import { approvalCard } from '../../../src/surfaces/teams/approval-card.ts';
import { statusCard } from '../../../src/surfaces/teams/status-card.ts';
import { parseTeamsAction } from '../../../src/surfaces/teams/teams-action.ts';
import { button, cardText, cardVerbs, fact, type CardNode } from '../../fakes/adaptive-card-query.ts';
import { FakeTeamsConnector, type ConnectorCall } from '../../fakes/fake-teams-connector.ts';
import { channel, invokeCard, invokeMessage, personalChat, TeamsClient, TEAMS_USERS, type TeamsUser } from '../../fakes/teams-client.ts';
import { expectValidAdaptiveCard } from '../../fakes/validate-adaptive-card.ts';
import { startTestApp, type TestApp } from '../../support/start-test-app.ts';
import { requestIn } from '../../core/approval/request-factory.ts';

jest.setTimeout(90_000);

const APPROVALS = '19:approvals-channel@thread.tacv2';
const ADELE = 'adele.vance@contoso.com';
const { agent, approver, secondApprover, nonApprover } = TEAMS_USERS;
const agentChat = personalChat(agent);
const approvals = channel(APPROVALS);

describe('the cards of a failed request', () => {
  test.each(['failed', 'succeeded', 'pending', 'needs-manual-steps'] as const)('%s: Retry only when the plan failed, on valid cards', (status) => {
    const view = requestView(requestIn(status));
    expect(view.actions.retry).toBe(status === 'failed');
    const cards = [statusCard(view), approvalCard(view, { refreshUserIds: null, viewer: approverView(view, { decide: false, cancel: false, retry: true }) })] as unknown as CardNode[];
    for (const card of cards) {
      expectValidAdaptiveCard(card);
      expect(cardVerbs(card).includes('retry')).toBe(status === 'failed');
    }
    // The base approval card (everyone) never carries it: it comes with a person's view.
    expect(cardVerbs(approvalCard(view, { refreshUserIds: null, viewer: null }) as unknown as CardNode)).not.toContain('retry');
  });

  test('the retry verb is parsed with its request id; without one it is not an action', () => {
    expect(parseTeamsAction('retry', { requestId: 'LD-1', card: 'approval' })).toEqual({ verb: 'retry', requestId: 'LD-1', card: 'approval' });
    expect(parseTeamsAction('retry', { requestId: 'LD-1' })).toEqual({ verb: 'retry', requestId: 'LD-1', card: 'status' });
    expect(parseTeamsAction('retry', {})).toBeNull();
  });
});

describe('Retry end to end', () => {
  let app: TestApp;
  let connector: FakeTeamsConnector;
  let teams: TeamsClient;

  beforeAll(async () => {
    connector = await FakeTeamsConnector.start();
    connector.setMembers(APPROVALS, [agent, approver, secondApprover, nonApprover]);
    // A write answered 500 is read back (it may have landed); a short read-back keeps the failure quick here.
    app = await startTestApp({ env: { TEAMS_APPROVALS_CONVERSATION: APPROVALS }, execution: { effectTimeoutMs: 1_000 } });
    teams = new TeamsClient(app.url, connector.serviceUrl);
    expect((await teams.install(approver, approvals)).status).toBe(200);
    // Answered before it is processed: its greeting there comes after the channel's reference is captured.
    await connector.waitFor((c) => c.conversationId === approvals.conversationId);
  });
  afterAll(async () => {
    await app?.close();
    await connector?.close();
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
  const updateOf = (activityId: string, status: string) => (c: ConnectorCall) =>
    c.kind === 'update' && c.activityId === activityId && c.cards.some((card) => fact(card, 'Status') === status);

  test('the requester and approvers are offered Retry, a non-approver is refused, the requester finishes the plan', async () => {
    const sandbox = app.runtime.sandbox;
    if (!sandbox) throw new Error('the test app runs on the sandbox tenant');
    const before = connector.calls.length;
    expect((await teams.message(agent, ADELE, agentChat)).status).toBe(200);
    const diagnosis = await connector.waitFor((c) => connector.calls.indexOf(c) >= before && c.kind === 'post' && c.conversationId === agentChat.conversationId && c.cards.length > 0);
    const preview = invokeCard(await teams.execute(agent, 'path', button(cardOf(diagnosis), 'path', { path: 'okta-owns-licenses' }).data, agentChat, diagnosis.activityId));
    const requested = invokeCard(await teams.execute(agent, 'request', { ...button(preview, 'request').data, justification: 'INC0078' }, agentChat, diagnosis.activityId));
    const requestId = fact(requested, 'Request') ?? '';
    expect(cardVerbs(requested)).not.toContain('retry');
    const posted = await connector.waitFor((c) => c.conversationId === APPROVALS && c.kind === 'post' && c.cards.length > 0 && cardText(cardOf(c)).includes(requestId));

    // Graph answers 500 to the group-membership removal once: the plan stops at step 3.
    sandbox.graph.faults.add({ kind: 'server-error', method: 'DELETE', path: '/members/', times: 1 });
    invokeCard(await teams.execute(approver, 'approve', { requestId, card: 'approval' }, approvals, posted.activityId));
    const failedStatus = await connector.waitFor(updateOf(diagnosis.activityId, 'failed'), 20_000, "the agent's card showing the failure");
    const failedApproval = await connector.waitFor(updateOf(posted.activityId, 'failed'), 20_000, 'the approval card showing the failure');
    expect(await app.runtime.services.get(requestId)).toMatchObject({ status: 'failed', steps: [{ status: 'succeeded' }, { status: 'succeeded' }, { status: 'failed' }, { status: 'pending' }, { status: 'pending' }] });
    expect(cardVerbs(cardOf(failedStatus))).toContain('retry');
    // The approval card everyone sees asks each viewer's client for their own view.
    const base = cardOf(failedApproval);
    expect(cardVerbs(base)).not.toContain('retry');
    expect(base.refresh).toMatchObject({ action: { verb: 'refresh', data: { requestId } } });
    const view = async (who: TeamsUser) => invokeCard(await teams.execute(who, 'refresh', { requestId }, approvals, posted.activityId, 'automatic'));
    expect(cardVerbs(await view(agent))).toContain('retry');
    expect(cardVerbs(await view(secondApprover))).toContain('retry');
    expect(cardVerbs(await view(nonApprover))).not.toContain('retry');

    const refused = invokeMessage(await teams.execute(nonApprover, 'retry', { requestId, card: 'approval' }, approvals, posted.activityId));
    expect(refused).toMatch(/Only the requester \(.*\) or an approver can retry this request/);
    expect((await app.runtime.services.get(requestId))?.status).toBe('failed');

    const retried = invokeCard(await teams.execute(agent, 'retry', button(cardOf(failedStatus), 'retry').data, agentChat, diagnosis.activityId));
    expect(['approved', 'executing', 'succeeded']).toContain(fact(retried, 'Status'));
    const doneStatus = await connector.waitFor(updateOf(diagnosis.activityId, 'succeeded'), 40_000, "the agent's card showing success");
    const doneApproval = await connector.waitFor(updateOf(posted.activityId, 'succeeded'), 40_000, 'the approval card showing success');
    expect(cardVerbs(cardOf(doneStatus))).not.toContain('retry');
    expect(cardOf(doneApproval).refresh).toBeUndefined();
    await app.runtime.services.idle();
    const stored = await app.runtime.services.get(requestId);
    expect(stored).toMatchObject({ status: 'succeeded', decisions: [{ kind: 'approve' }] });
    const audit = (await app.runtime.store.audit({ requestId })).map((e) => e.action);
    expect(audit.filter((a) => a.startsWith('execution.') || a === 'retry.refused')).toEqual([
      'execution.started', 'execution.finished', 'retry.refused', 'execution.retried', 'execution.started', 'execution.finished',
    ]);
  });
});
