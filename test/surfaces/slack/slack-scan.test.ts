// `scan` in Slack: the slash command's text, a direct message and a mention run the fleet scan (the CLI's), with ONE
// card posted where it was asked and updated in place, ending with the summary; a second scan while one runs is told
// whose scan runs; everything is audited. Real signed requests to the Bolt app, the fake Slack API, the sandbox tenant.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStoreEngine } from '../../../src/adapters/store/create-request-store.ts';
import { createScanStore, type KyselyScanStore } from '../../../src/adapters/store/kysely-scan-store.ts';
import { PERSONAS } from '../../../src/sandbox/seed.ts';
import { FakeSlackApi, type FakeMessage } from '../../fakes/fake-slack-api.ts';
import { allViolations } from './block-kit-limits.ts';
import { CHANNELS, startSlackHarness, USERS, type SlackHarness } from './slack-harness.ts';
import { textOf } from './slack-steps.ts';

jest.setTimeout(60_000);

let dir: string;
let h: SlackHarness;
let other: KyselyScanStore;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ld-slack-scan-'));
  const databaseUrl = `sqlite:${join(dir, 'store.sqlite')}`;
  h = await startSlackHarness({ databaseUrl });
  // Another instance on the same store.
  other = await createScanStore(await openStoreEngine(databaseUrl));
});
afterAll(async () => {
  await other?.close();
  await h?.close();
  rmSync(dir, { recursive: true, force: true });
});
afterEach(() => {
  expect(allViolations(h.fake.sentPayloads())).toEqual([]);
});

const scanCards = (channel: string): FakeMessage[] => h.fake.messagesIn(channel).filter((m) => /Fleet scan|scan is already running/.test(m.text));
const finished = (channel: string, before: number) =>
  h.fake.waitFor(() => scanCards(channel).slice(before).find((m) => /^Fleet scan: /.test(h.fake.message(m.channel, m.ts)?.text ?? '')), 'the scan summary', 30_000)
    .then((m) => h.fake.message(m.channel, m.ts) ?? m);

test('/license-doctor scan: one card in the channel, updated in place from progress to the summary; audited', async () => {
  const posts = h.fake.callsTo('chat.postMessage').length;
  const ack = await h.slack.slashCommand(USERS.agent, 'scan', CHANNELS.helpdesk);
  expect(ack.status).toBe(200);
  expect(ack.text).toContain('Starting a fleet scan');
  const card = await finished(CHANNELS.helpdesk, 0);
  // Exactly one message was posted for the scan: the progress card, later replaced by the summary.
  const scanPosts = h.fake.callsTo('chat.postMessage').slice(posts).filter((c) => /Fleet scan/.test(String(c.body.text)));
  expect(scanPosts).toHaveLength(1);
  expect(String(scanPosts[0]?.body.text)).toMatch(/^Fleet scan running: Okta \(Office 365 app users\) 0 pages/);
  expect(card.updates).toBeGreaterThanOrEqual(1);
  expect(h.fake.callsTo('chat.update').every((c) => c.body.ts === card.ts)).toBe(true);
  const text = textOf(card);
  expect(text).toMatch(/Office 365 app users in Okta, .* users in Entra ID/);
  expect(text).toContain('conflict: Okta removes a group license');
  expect(text).toContain('Licensing groups behind the conflicts');
  expect(text).toMatch(/\(ENTERPRISEPACK\)|\(SPE_E3\)/);
  expect(text).toContain('Started by Allan Deyoung');
  const actions = (await h.app.runtime.store.audit()).filter((e) => e.action.startsWith('scan-'));
  expect(actions.map((e) => [e.action, e.actor, e.data.surface])).toEqual([['scan-requested', PERSONAS.agent, 'slack'], ['scan-finished', PERSONAS.agent, 'slack']]);
  expect(actions[1]?.data.byVerdict).toMatchObject({ 'group-inherited-license-conflict': expect.any(Number) });
});

test('a scan asked while another instance scans: the card says whose scan runs, nothing else starts', async () => {
  const now = Date.now();
  expect(await other.acquireScanLease('instance-b', now, 60_000, 'ops.lead@contoso.com')).toBe(true);
  try {
    const before = scanCards(CHANNELS.helpdesk).length;
    await h.slack.slashCommand(USERS.patti, 'scan', CHANNELS.helpdesk);
    const card = await h.fake.waitFor(() => scanCards(CHANNELS.helpdesk).slice(before).map((m) => h.fake.message(m.channel, m.ts) ?? m).find((m) => /already running/.test(m.text)), 'the busy card');
    expect(textOf(card)).toContain('A fleet scan started by ops.lead@contoso.com is already running');
    await h.app.runtime.services.idle();
    const audit = (await h.app.runtime.store.audit()).filter((e) => e.action === 'scan-busy');
    expect(audit).toEqual([expect.objectContaining({ actor: PERSONAS.approver, data: expect.objectContaining({ runningFor: 'ops.lead@contoso.com' }) })]);
  } finally {
    await other.releaseScanLease('instance-b');
  }
});

test('scan in a direct message and in a mention: the card is in the DM, and in the mention\'s thread', async () => {
  const dm = FakeSlackApi.dmChannel(USERS.agent);
  await h.slack.event({ type: 'message', channel: dm, channel_type: 'im', user: USERS.agent, text: 'scan', ts: '1764231100.000100' });
  expect(textOf(await finished(dm, 0))).toContain('Fleet scan: ');
  const before = scanCards(CHANNELS.helpdesk).length;
  await h.slack.event({ type: 'app_mention', channel: CHANNELS.helpdesk, user: USERS.agent, text: `<@${h.fake.botUserId}> scan`, ts: '1764231200.000100' });
  const card = await finished(CHANNELS.helpdesk, before);
  expect(card.threadTs).toBe('1764231200.000100');
  // No diagnosis of a user called "scan" was attempted.
  expect(h.fake.callsTo('chat.postMessage').some((c) => /Diagnosing/.test(String(c.body.text)) && /scan/.test(String(c.body.text)))).toBe(false);
});

test('a channel the bot is not in: the person is told ephemerally how to get the card, and no scan runs', async () => {
  const finishedBefore = (await h.app.runtime.store.audit()).filter((e) => e.action === 'scan-finished').length;
  const replies = h.fake.responses.length;
  await h.slack.slashCommand(USERS.agent, 'scan', CHANNELS.closed);
  const reply = await h.fake.waitFor(() => h.fake.responses.slice(replies).find((r) => /cannot post the scan/.test(String(r.body.text))), 'the ephemeral answer');
  expect(reply.body).toMatchObject({ response_type: 'ephemeral' });
  expect((await h.app.runtime.store.audit()).filter((e) => e.action === 'scan-finished')).toHaveLength(finishedBefore);
});
