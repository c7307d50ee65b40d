// Decisions from Slack, each authorised on the server: rejection with a reason (in a modal), an expired request,
// a double click, cancellation (requester yes, non-approver no), and people License Doctor cannot identify.
import { PERSONAS, SCENARIOS } from '../../../src/sandbox/seed.ts';
import { findButton } from '../../fakes/slack-test-client.ts';
import { allViolations } from './block-kit-limits.ts';
import { CHANNELS, startSlackHarness, USERS, type SlackHarness } from './slack-harness.ts';
import { current, diagnose, lastReply, requestChange, textOf } from './slack-steps.ts';

let h: SlackHarness;

beforeAll(async () => {
  h = await startSlackHarness();
});

afterAll(async () => {
  await h?.close();
});

afterEach(() => {
  expect(allViolations(h.fake.sentPayloads())).toEqual([]);
});

const upn = (i: number) => SCENARIOS[i]?.userPrincipalName ?? '';
const replies = () => h.fake.responses.map((r) => String(r.body.text ?? ''));

it('rejects with a reason given in a modal; an empty reason is refused in the modal', async () => {
  const diagnosis = await diagnose(h, upn(0));
  const { requestId, card } = await requestChange(h, diagnosis, 'okta-owns-licenses', 'INC0012346');
  const opened = h.fake.callsTo('views.open').length;
  await h.slack.click(USERS.patti, card, 'reject');
  await h.fake.waitFor(() => h.fake.callsTo('views.open')[opened], 'the reject modal');
  const viewId = [...h.fake.views.keys()].at(-1) ?? '';
  expect(h.fake.views.get(viewId)?.view.callback_id).toBe('reject');

  const empty = await h.slack.submit(USERS.patti, viewId, { reason: { reason: { type: 'plain_text_input', value: '   ' } } });
  expect(JSON.parse(empty.text)).toEqual({ response_action: 'errors', errors: { reason: expect.stringContaining('Say why') } });
  const done = await h.slack.submit(USERS.patti, viewId, { reason: { reason: { type: 'plain_text_input', value: 'Use the group variant instead' } } });
  expect(done.status).toBe(200);
  expect(done.text).toBe('');

  await h.fake.waitFor(() => /Rejected by Patti Fernandez: Use the group variant instead/.test(textOf(current(h, card))), 'the rejected card');
  expect(findButton(current(h, card).blocks, 'approve')).toBeNull();
  await h.fake.waitFor(() => h.fake.messagesIn(CHANNELS.helpdesk, diagnosis.ts).find((m) => /Rejected/.test(m.text) && m.text.includes(requestId)), 'the rejection in the thread');
  expect((await h.app.runtime.services.get(requestId))?.status).toBe('rejected');
});

it('refuses an approval of an expired request and shows it expired', async () => {
  const diagnosis = await diagnose(h, upn(1));
  const { requestId, card } = await requestChange(h, diagnosis, 'okta-owns-licenses', 'INC0012347');
  const store = h.app.runtime.store;
  const stored = await store.get(requestId);
  if (!stored) throw new Error('request missing');
  await store.compareAndSet(stored.version, { ...stored, version: stored.version + 1, expiresAt: new Date(Date.now() - 60_000).toISOString() });

  await h.slack.click(USERS.patti, card, 'approve');
  await h.fake.waitFor(() => /expired/i.test(lastReply(h)), 'the expiry refusal');
  await h.fake.waitFor(() => /Expired at/.test(textOf(current(h, card))), 'the expired card');
  expect(findButton(current(h, card).blocks, 'approve')).toBeNull();
  expect((await h.app.runtime.services.get(requestId))?.status).toBe('expired');
  expect((await store.audit({ requestId })).map((a) => a.action)).toContain('approval.refused');
});

it('records one approval when an approver double-clicks, and tells them about the second click', async () => {
  const diagnosis = await diagnose(h, upn(3));
  const { requestId, card } = await requestChange(h, diagnosis, 'entra-owns-licenses', 'CHG0043');
  const before = h.fake.responses.length;
  const [a, b] = await Promise.all([h.slack.click(USERS.patti, card, 'approve'), h.slack.click(USERS.patti, card, 'approve')]);
  expect([a.status, b.status]).toEqual([200, 200]);
  await h.fake.waitFor(() => h.fake.responses.length >= before + 2, 'an answer to each click');
  const answers = replies().slice(before);
  expect(answers.filter((t) => /already approved/.test(t))).toHaveLength(1);
  const stored = await h.app.runtime.services.get(requestId);
  expect(stored?.decisions.filter((d) => d.kind === 'approve')).toHaveLength(1);
  expect(stored?.status).toBe('pending');
  await h.fake.waitFor(() => /1 of 2: Patti Fernandez/.test(textOf(current(h, card))), 'one approval on the card');
  // One open app-wide change at a time: a later test asks for path 2 again.
  await h.app.runtime.services.decide({ requestId, decision: 'cancel', actor: { upnOrId: PERSONAS.approver, surface: 'cli', surfaceUserId: null } });
});

it('runs the plan once when the approval that completes the quorum is clicked twice', async () => {
  const diagnosis = await diagnose(h, upn(6));
  const { requestId, card } = await requestChange(h, diagnosis, 'okta-owns-licenses', 'INC0012349');
  const before = h.fake.responses.length;
  await Promise.all([h.slack.click(USERS.patti, card, 'approve'), h.slack.click(USERS.patti, card, 'approve')]);
  await h.fake.waitFor(() => h.fake.responses.length >= before + 2, 'an answer to each click');
  expect(replies().slice(before).filter((t) => /already/i.test(t))).toHaveLength(1);
  await h.fake.waitFor(() => /Succeeded|Failed|Waiting for manual steps/.test(textOf(current(h, card))), 'the outcome', 20_000);
  await h.app.runtime.services.idle();
  const journal = await h.app.runtime.store.journal(requestId);
  const starts = journal.filter((j) => j.status !== 'skipped').map((j) => `${j.stepId}#${j.attempt}`);
  expect(new Set(starts).size).toBe(starts.length);
  expect(journal.every((j) => j.attempt === 1)).toBe(true);
});

it('lets the requester cancel from their thread, and refuses a non-approver', async () => {
  const diagnosis = await diagnose(h, upn(4));
  const { requestId, card } = await requestChange(h, diagnosis, 'entra-owns-licenses', 'CHG0044');
  await h.slack.click(USERS.debra, card, 'cancel');
  await h.fake.waitFor(() => /Only the requester/.test(lastReply(h)), 'the cancel refusal');
  const status = await h.fake.waitFor(() => h.fake.messagesIn(CHANNELS.helpdesk, diagnosis.ts).find((m) => findButton(m.blocks, 'cancel')?.value === requestId), 'the status line');
  await h.slack.click(USERS.agent, status, 'cancel');
  await h.fake.waitFor(() => /Cancelled by Allan Deyoung/.test(textOf(current(h, card))), 'the cancelled card');
  await h.fake.waitFor(() => /Cancelled/.test(textOf(current(h, status))) && !findButton(current(h, status).blocks, 'cancel'), 'the status line without Cancel');
  expect((await h.app.runtime.services.get(requestId))?.status).toBe('cancelled');
});

it('tells people it cannot identify why, ephemerally, and changes nothing', async () => {
  const diagnosis = await diagnose(h, upn(5));
  const { requestId, card } = await requestChange(h, diagnosis, 'okta-owns-licenses', 'INC0012348');
  await h.slack.click(USERS.noEmail, card, 'approve');
  await h.fake.waitFor(() => /no email address/.test(lastReply(h)), 'the no-email message');
  await h.slack.click(USERS.stranger, card, 'approve');
  await h.fake.waitFor(() => /not a user of this Entra ID tenant/.test(lastReply(h)), 'the unknown-person message');
  expect(h.fake.responses.slice(-2).every((r) => r.body.response_type === 'ephemeral')).toBe(true);
  expect((await h.app.runtime.services.get(requestId))?.status).toBe('pending');
});
