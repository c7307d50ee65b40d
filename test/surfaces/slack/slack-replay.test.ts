// Replays within Slack's five-minute signature window: a captured, correctly signed request sent again byte for byte
// is acknowledged and not run again (no second request, no second diagnosis); Slack's own redeliveries
// (X-Slack-Retry-Num) likewise.
import { SCENARIOS } from '../../../src/sandbox/seed.ts';
import { SeenKeys } from '../../../src/surfaces/slack/replay-guard.ts';
import { CHANNELS, startSlackHarness, USERS, type SlackHarness } from './slack-harness.ts';
import { diagnose, openPlan } from './slack-steps.ts';

const ADELE = SCENARIOS[0]?.userPrincipalName ?? 'adele.vance@contoso.com';

let h: SlackHarness;

beforeAll(async () => {
  h = await startSlackHarness();
});

afterAll(async () => {
  await h?.close();
});

const settle = () => new Promise((r) => setTimeout(r, 400));

it('a replayed signed view_submission creates no second request', async () => {
  const diagnosis = await diagnose(h, ADELE);
  const viewId = await openPlan(h, diagnosis, 'okta-owns-licenses');
  const cards = h.fake.messagesIn(CHANNELS.approvals).length;
  const first = await h.slack.submit(USERS.agent, viewId, { justification: { justification: { type: 'plain_text_input', value: 'INC1: replay test' } } });
  expect(first.status).toBe(200);
  await h.fake.waitFor(() => h.fake.messagesIn(CHANNELS.approvals)[cards], 'the approval card');
  const requests = (await h.app.runtime.services.list()).length;

  const replay = await h.slack.replayLast();
  expect(replay.status).toBe(200);
  const redelivery = await h.slack.replayLast(1);
  expect(redelivery.status).toBe(200);
  await settle();
  expect((await h.app.runtime.services.list()).length).toBe(requests);
  expect(h.fake.messagesIn(CHANNELS.approvals)).toHaveLength(cards + 1);
});

it('a replayed slash command is acknowledged without diagnosing again; a fresh one (new signature) runs', async () => {
  await diagnose(h, ADELE);
  const posts = h.fake.callsTo('chat.postMessage').length;
  const replay = await h.slack.replayLast();
  expect(replay.status).toBe(200);
  await settle();
  expect(h.fake.callsTo('chat.postMessage')).toHaveLength(posts);
  await diagnose(h, ADELE);
  expect(h.fake.callsTo('chat.postMessage').length).toBeGreaterThan(posts);
});

test('SeenKeys: once per key within the window, again after it', () => {
  let now = 0;
  const seen = new SeenKeys({ now: () => now }, 1_000);
  expect(seen.firstTime('a')).toBe(true);
  expect(seen.firstTime('a')).toBe(false);
  expect(seen.firstTime('b')).toBe(true);
  now = 1_500;
  expect(seen.firstTime('a')).toBe(true);
});
