// Batch cards in Slack (signed requests to the real Bolt app, the fake Slack API, the sandbox tenant): a batch asked
// for from the latest scan gets one card in the approvals channel; the requester's Approve is refused (to them only),
// one approval is not enough, the second runs it and the card's counts follow in place; a Graph fault fails one user,
// Retry failed (refused to a stranger) finishes them; Reject goes through the rejection form. Every payload is
// checked against Block Kit's limits.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runScan } from '../../../src/app/scan/run-scan.ts';
import { GROUP, PERSONAS } from '../../../src/sandbox/seed.ts';
import { findButton } from '../../fakes/slack-test-client.ts';
import { graph } from '../../support/sandbox-admin.ts';
import { allViolations } from './block-kit-limits.ts';
import { CHANNELS, startSlackHarness, USERS, type SlackHarness } from './slack-harness.ts';
import { current, lastReply, textOf } from './slack-steps.ts';

jest.setTimeout(90_000);
const dir = mkdtempSync(join(tmpdir(), 'ld-slack-batch-'));
const databaseUrl = `sqlite:${join(dir, 'store.sqlite')}`;

let h: SlackHarness;
beforeAll(async () => {
  h = await startSlackHarness({ databaseUrl, execution: { effectTimeoutMs: 1_000 } });
  const scan = await h.app.runtime.fleet.createScanRuntime({ databaseUrl });
  try {
    await runScan(scan.deps);
  } finally {
    await scan.close();
  }
});
afterAll(async () => {
  await h?.close();
  rmSync(dir, { recursive: true, force: true });
});
afterEach(() => {
  expect(allViolations(h.fake.sentPayloads())).toEqual([]);
});

async function askForBatch(reason: string, groupId: string = GROUP.E3) {
  const before = h.fake.messagesIn(CHANNELS.approvals).length;
  const service = await h.app.runtime.batches.service();
  const batch = await service.create({
    from: { kind: 'scan' }, groupId, sku: null, path: 'okta-owns-licenses', groupLevel: false, reason, acknowledgeRemoval: false,
    requester: { upnOrId: PERSONAS.agent, surface: 'slack', surfaceUserId: USERS.agent },
  });
  const card = await h.fake.waitFor(() => h.fake.messagesIn(CHANNELS.approvals).slice(before).find((m) => textOf(m).includes(batch.id)), 'the batch card');
  return { batch, card, service };
}

test('approve twice from the card, counts in place, a failed user retried from the card', async () => {
  const sandbox = h.app.runtime.sandbox;
  if (!sandbox) throw new Error('sandbox');
  const { batch, card, service } = await askForBatch('E3 staff group turned on');
  expect(textOf(card)).toMatch(/4 pending/);
  expect(findButton(card.blocks, 'batch_approve')?.value).toBe(batch.id);

  await h.slack.click(USERS.agent, card, 'batch_approve');
  await h.fake.waitFor(() => /someone else must approve/.test(lastReply(h)), 'the requester refused');
  expect(h.fake.responses.at(-1)?.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
  await h.slack.click(USERS.patti, card, 'batch_approve');
  await h.fake.waitFor(() => /approved \(1 of 2\)/.test(lastReply(h)), 'one approval of two');
  await h.fake.waitFor(() => /Approvals 1 of 2/.test(textOf(current(h, card))), 'the card to count one approval');

  const adele = ((await graph(sandbox, 'GET', '/users/adele.vance@contoso.com')) as { id: string }).id;
  sandbox.graph.faults.add({ kind: 'server-error', method: 'DELETE', path: `/members/${adele}` });
  await h.slack.click(USERS.christie, card, 'batch_approve');
  const finished = await h.fake.waitFor(() => (/2 done · 1 manual · 1 failed/.test(textOf(current(h, card))) ? current(h, card) : null), 'the counts after the run', 40_000);
  expect(findButton(finished.blocks, 'batch_approve')).toBeNull();
  expect(findButton(finished.blocks, 'batch_retry')?.value).toBe(batch.id);
  expect(findButton(finished.blocks, 'batch_split')?.value).toBe(batch.id);
  // Still one card for the batch: every change replaced it.
  expect(h.fake.messagesIn(CHANNELS.approvals).filter((m) => textOf(m).includes(`Batch ${batch.id}`))).toHaveLength(1);

  sandbox.graph.faults.clear();
  await h.slack.click(USERS.debra, finished, 'batch_retry');
  await h.fake.waitFor(() => /Only the requester or an approver can retry/.test(lastReply(h)), 'a stranger refused');
  await h.slack.click(USERS.agent, finished, 'batch_retry');
  await h.fake.waitFor(() => /Retrying the 1 failed user/.test(lastReply(h)), 'the retry acknowledged');
  const done = await h.fake.waitFor(() => (/3 done · 1 manual/.test(textOf(current(h, card))) ? current(h, card) : null), 'the retried user done', 40_000);
  expect(findButton(done.blocks, 'batch_retry')).toBeNull();
  await service.idle();
  const perUser = (await h.app.runtime.store.audit({ requestId: batch.id })).filter((e) => e.action === 'batch.user-finished');
  expect(perUser.map((e) => e.data['user'])).toHaveLength(5);
});

test('Reject opens the rejection form; the reason is required; the batch is rejected and the card says so', async () => {
  const { batch, card } = await askForBatch('Legal team licensing', GROUP.LEGAL_MAIL);
  const opened = h.fake.callsTo('views.open').length;
  await h.slack.click(USERS.patti, card, 'batch_reject');
  await h.fake.waitFor(() => h.fake.callsTo('views.open')[opened], 'the rejection form');
  const viewId = [...h.fake.views.keys()].at(-1) ?? '';
  const blank = await h.slack.submit(USERS.patti, viewId, { reason: { reason: { type: 'plain_text_input', value: '  ' } } });
  expect(JSON.parse(blank.text)).toMatchObject({ response_action: 'errors' });
  expect((await (await h.app.runtime.batches.service()).state(batch.id))?.batch.status).toBe('pending');
  await h.slack.submit(USERS.patti, viewId, { reason: { reason: { type: 'plain_text_input', value: 'Not during the change freeze' } } });
  await h.fake.waitFor(() => (/Rejected by Patti Fernandez: Not during the change freeze/.test(textOf(current(h, card))) ? true : null), 'the card to show the rejection');
  expect(findButton(current(h, card).blocks, 'batch_approve')).toBeNull();
  expect((await (await h.app.runtime.batches.service()).state(batch.id))?.batch.status).toBe('rejected');
});
