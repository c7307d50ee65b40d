// Batch cards on Teams (real activity JSON to /api/messages, a fake connector, the sandbox tenant): a batch asked for
// from the latest scan gets one card in the approvals channel; the requester's Approve is refused to them, one
// approval is not enough, the second runs it and the card is updated in place with the counts; Reject needs the
// reason typed on the card. Every card (posted, updated, returned to a click) is validated against Adaptive Cards 1.5.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runScan } from '../../../src/app/scan/run-scan.ts';
import { GROUP, PERSONAS } from '../../../src/sandbox/seed.ts';
import { parseTeamsAction } from '../../../src/surfaces/teams/teams-action.ts';
import { cardText, cardVerbs, type CardNode } from '../../fakes/adaptive-card-query.ts';
import { FakeTeamsConnector, type ConnectorCall } from '../../fakes/fake-teams-connector.ts';
import { channel, invokeCard, invokeMessage, TeamsClient, TEAMS_USERS } from '../../fakes/teams-client.ts';
import { startTestApp, type TestApp } from '../../support/start-test-app.ts';

jest.setTimeout(90_000);

const APPROVALS = '19:approvals-channel@thread.tacv2';
const { agent, approver, secondApprover, nonApprover } = TEAMS_USERS;
const approvals = channel(APPROVALS);
const dir = mkdtempSync(join(tmpdir(), 'ld-teams-batch-'));
const databaseUrl = `sqlite:${join(dir, 'store.sqlite')}`;

let app: TestApp;
let connector: FakeTeamsConnector;
let teams: TeamsClient;

beforeAll(async () => {
  connector = await FakeTeamsConnector.start();
  connector.setMembers(APPROVALS, [agent, approver, secondApprover, nonApprover]);
  app = await startTestApp({ databaseUrl, env: { TEAMS_APPROVALS_CONVERSATION: APPROVALS } });
  teams = new TeamsClient(app.url, connector.serviceUrl);
  expect((await teams.install(approver, approvals)).status).toBe(200);
  // Answered before it is processed: its greeting there comes after the channel's reference is captured.
  await connector.waitFor((c) => c.conversationId === approvals.conversationId);
  const scan = await app.runtime.fleet.createScanRuntime({ databaseUrl });
  try {
    await runScan(scan.deps);
  } finally {
    await scan.close();
  }
});
afterAll(async () => {
  await app?.close();
  await connector?.close();
  rmSync(dir, { recursive: true, force: true });
});
afterEach(() => {
  expect(connector.cardProblems).toEqual([]);
  expect(teams.cardProblems).toEqual([]);
});

const cardOf = (call: ConnectorCall): CardNode => {
  const card = call.cards[0];
  if (!card) throw new Error(`no card in ${call.kind} ${call.activityId}`);
  return card as CardNode;
};

async function askForBatch(groupId: string, reason: string) {
  const service = await app.runtime.batches.service();
  const batch = await service.create({
    from: { kind: 'scan' }, groupId, sku: null, path: 'okta-owns-licenses', groupLevel: false, reason, acknowledgeRemoval: false,
    requester: { upnOrId: PERSONAS.agent, surface: 'teams', surfaceUserId: agent.id },
  });
  const posted = await connector.waitFor((c) => c.conversationId === APPROVALS && c.kind === 'post' && c.cards.length > 0 && cardText(cardOf(c)).includes(batch.id), 10_000, 'the batch card');
  return { batch, posted };
}

test('the batch verbs are parsed with a batch id; anything else is not an action', () => {
  expect(parseTeamsAction('batch-approve', { batchId: 'LD-B7K3F-9QX2' })).toEqual({ verb: 'batch-approve', batchId: 'LD-B7K3F-9QX2', reason: '' });
  expect(parseTeamsAction('batch-reject', { batchId: 'LD-B7K3F-9QX2', reason: ' No ' })).toEqual({ verb: 'batch-reject', batchId: 'LD-B7K3F-9QX2', reason: 'No' });
  expect(parseTeamsAction('batch-approve', { batchId: 'LD-7K3F-9QX2' })).toBeNull();
  expect(parseTeamsAction('batch-from-alert', { alertId: 'ALERT-20261203T1400-abc123', justification: ' INC1 ' })).toEqual({ verb: 'batch-from-alert', alertId: 'ALERT-20261203T1400-abc123', justification: 'INC1' });
});

test('approve twice from the card (the requester refused), the card updated in place with the counts', async () => {
  const { batch, posted } = await askForBatch(GROUP.E3, 'E3 staff group turned on');
  expect(cardVerbs(cardOf(posted))).toEqual(expect.arrayContaining(['batch-approve', 'batch-reject']));
  expect(cardText(cardOf(posted))).toMatch(/4 pending/);

  expect(invokeMessage(await teams.execute(agent, 'batch-approve', { batchId: batch.id }, approvals, posted.activityId))).toMatch(/someone else must approve/);
  const first = invokeCard(await teams.execute(approver, 'batch-approve', { batchId: batch.id }, approvals, posted.activityId));
  expect(cardText(first as CardNode)).toMatch(/approved \(1 of 2\)/);
  expect(invokeMessage(await teams.execute(nonApprover, 'batch-approve', { batchId: batch.id }, approvals, posted.activityId))).toMatch(/Only members of the approvers group/);
  invokeCard(await teams.execute(secondApprover, 'batch-approve', { batchId: batch.id }, approvals, posted.activityId));
  const done = await connector.waitFor((c) => c.kind === 'update' && c.activityId === posted.activityId && /3 done · 1 manual/.test(cardText(cardOf(c))), 40_000, 'the counts after the run');
  expect(cardVerbs(cardOf(done))).not.toContain('batch-approve');
  // One card for the batch: every change updated it.
  expect(connector.callsIn(APPROVALS).filter((c) => c.kind === 'post' && c.cards.some((k) => cardText(k as CardNode).includes(batch.id)))).toHaveLength(1);
  await (await app.runtime.batches.service()).idle();
});

test('Reject needs the reason typed on the card; with it the batch is rejected for everyone', async () => {
  const { batch, posted } = await askForBatch(GROUP.LEGAL_MAIL, 'Legal team licensing');
  expect(invokeMessage(await teams.execute(approver, 'batch-reject', { batchId: batch.id, reason: ' ' }, approvals, posted.activityId))).toMatch(/A reason is required/);
  invokeCard(await teams.execute(approver, 'batch-reject', { batchId: batch.id, reason: 'Not during the change freeze' }, approvals, posted.activityId));
  await connector.waitFor((c) => c.kind === 'update' && c.activityId === posted.activityId && /Rejected by Patti Fernandez/.test(cardText(cardOf(c))), 10_000, 'the rejection on the card');
});
