// Retry in Slack (signed requests to the real Bolt app, the fake Slack API, the sandbox tenant): Graph fails a write, so
// the plan stops at step 3 and both the approval card and the requester's status line offer Retry. Someone who is
// neither the requester nor an approver is refused (to them only, audited) and nothing runs; the requester's click
// runs the plan from its failed step to a verified success under the same approval, and Retry goes away.
import { findButton } from '../../fakes/slack-test-client.ts';
import { allViolations } from './block-kit-limits.ts';
import { CHANNELS, startSlackHarness, USERS, type SlackHarness } from './slack-harness.ts';
import { current, diagnose, lastReply, requestChange, textOf } from './slack-steps.ts';

jest.setTimeout(90_000);

const ADELE = 'adele.vance@contoso.com';

let h: SlackHarness;
beforeAll(async () => {
  // A write answered 500 is read back (it may have landed); a short read-back keeps the failure quick here.
  h = await startSlackHarness({ execution: { effectTimeoutMs: 1_000 } });
});
afterAll(async () => {
  await h?.close();
});
afterEach(() => {
  expect(allViolations(h.fake.sentPayloads())).toEqual([]);
});

test('a failed plan offers Retry; a stranger is refused; the requester retries it from the failed step to success', async () => {
  const sandbox = h.app.runtime.sandbox;
  if (!sandbox) throw new Error('the test app runs on the sandbox tenant');
  const diagnosis = await diagnose(h, ADELE);
  const { requestId, card } = await requestChange(h, diagnosis, 'okta-owns-licenses', 'INC0077: Okta pushes fail for Adele');
  expect(findButton(card.blocks, 'retry')).toBeNull();

  // Graph answers 500 to the group-membership removal once: the plan stops at step 3.
  sandbox.graph.faults.add({ kind: 'server-error', method: 'DELETE', path: '/members/', times: 1 });
  await h.slack.click(USERS.patti, card, 'approve');
  const failedCard = await h.fake.waitFor(() => (/Failed|failed/.test(textOf(current(h, card))) && findButton(current(h, card).blocks, 'retry') ? current(h, card) : null), 'the card to show the failure', 20_000);
  expect(await h.app.runtime.services.get(requestId)).toMatchObject({ status: 'failed', steps: [{ status: 'succeeded' }, { status: 'succeeded' }, { status: 'failed' }, { status: 'pending' }, { status: 'pending' }] });
  expect(findButton(failedCard.blocks, 'retry')?.value).toBe(requestId);
  expect(findButton(failedCard.blocks, 'approve')).toBeNull();
  // The requester's status line in the diagnosis thread offers it too.
  const status = await h.fake.waitFor(() => h.fake.messagesIn(CHANNELS.helpdesk, diagnosis.ts).find((m) => m.text.includes(requestId) && findButton(m.blocks, 'retry')), 'Retry on the status line');
  expect(findButton(status.blocks, 'retry')?.value).toBe(requestId);

  // Debra is neither the requester nor an approver.
  await h.slack.click(USERS.debra, failedCard, 'retry');
  await h.fake.waitFor(() => /Only the requester \(.*\) or an approver can retry this request/.test(lastReply(h)), 'the refusal');
  expect(h.fake.responses.at(-1)?.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
  expect((await h.app.runtime.services.get(requestId))?.status).toBe('failed');
  // Someone Slack knows but the tenant does not is refused before the services.
  await h.slack.click(USERS.stranger, failedCard, 'retry');
  await h.fake.waitFor(() => /no_entry_sign/.test(lastReply(h)) && !/Only the requester/.test(lastReply(h)), 'the unknown person refused');

  await h.slack.click(USERS.agent, status, 'retry');
  await h.fake.waitFor(() => lastReply(h).startsWith(`Retrying ${requestId}`), 'the retry acknowledged');
  const done = await h.fake.waitFor(() => (/Succeeded/.test(textOf(current(h, card))) ? current(h, card) : null), 'the card to show success', 40_000);
  expect(findButton(done.blocks, 'retry')).toBeNull();
  await h.app.runtime.services.idle();
  const stored = await h.app.runtime.services.get(requestId);
  expect(stored).toMatchObject({ status: 'succeeded', decisions: [{ kind: 'approve' }] });
  const audit = (await h.app.runtime.store.audit({ requestId })).map((e) => e.action);
  expect(audit.filter((a) => a.startsWith('execution.') || a === 'retry.refused')).toEqual([
    'execution.started', 'execution.finished', 'retry.refused', 'execution.retried', 'execution.started', 'execution.finished',
  ]);
});
