// `status LD-…` and `my requests` in Slack: the slash command's text (answered only to the person, through the
// response_url) and a direct message (answered in the DM), against the real Bolt app and the fake Slack API.
import { FakeSlackApi } from '../../fakes/fake-slack-api.ts';
import { findButton } from '../../fakes/slack-test-client.ts';
import { allViolations } from './block-kit-limits.ts';
import { CHANNELS, startSlackHarness, USERS, type SlackHarness } from './slack-harness.ts';
import { diagnose, requestChange, textOf } from './slack-steps.ts';

jest.setTimeout(60_000);

let h: SlackHarness;
let requestId: string;
beforeAll(async () => {
  h = await startSlackHarness();
  const diagnosis = await diagnose(h, 'adele.vance@contoso.com');
  requestId = (await requestChange(h, diagnosis, 'okta-owns-licenses', 'INC0012345: Okta pushes fail for Adele')).requestId;
});
afterAll(async () => {
  await h?.close();
});
afterEach(() => {
  expect(allViolations(h.fake.sentPayloads())).toEqual([]);
});

const replyTo = async (user: string, text: string): Promise<Record<string, unknown>> => {
  const before = h.fake.responses.length;
  const ack = await h.slack.slashCommand(user, text, CHANNELS.helpdesk);
  expect(ack.status).toBe(200);
  const reply = await h.fake.waitFor(() => h.fake.responses[before], `the answer to "${text}"`);
  return reply.body;
};

test('/license-doctor status LD-… answers the request\'s status, only to the person', async () => {
  const body = await replyTo(USERS.debra, `status ${requestId}`);
  expect(body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
  expect(JSON.stringify(body.blocks)).toContain(`Request ${requestId}`);
  expect(String(body.text)).toMatch(/Waiting for 1 approval/);
  expect(findButton(body.blocks as never, 'cancel')?.value).toBe(requestId);
  expect(String((await replyTo(USERS.debra, 'status LD-2222-2222')).text)).toBe('There is no request LD-2222-2222.');
});

test('/license-doctor my requests: the agent sees theirs, an approver what waits for them, someone else nothing', async () => {
  const agent = JSON.stringify(await replyTo(USERS.agent, 'my requests'));
  expect(agent).toContain('Your requests');
  expect(agent).toContain(requestId);
  expect(agent).not.toContain('Waiting for your approval');
  const approver = JSON.stringify(await replyTo(USERS.patti, 'my requests'));
  expect(approver).toContain('Waiting for your approval');
  expect(approver).toContain(requestId);
  expect(String((await replyTo(USERS.debra, 'my requests')).text)).toBe('You have no requests, and none waits for your approval.');
});

test('a direct message "my requests" is answered in the DM, not diagnosed', async () => {
  const dm = FakeSlackApi.dmChannel(USERS.patti);
  const res = await h.slack.event({ type: 'message', channel: dm, channel_type: 'im', user: USERS.patti, text: 'my requests', ts: '1764231000.000100' });
  expect(res.status).toBe(200);
  // The approver's DM also holds the notice that the request needs them; the answer is the list.
  const reply = await h.fake.waitFor(() => h.fake.messagesIn(dm).find((m) => textOf(m).includes('Waiting for your approval')), 'the answer in the DM');
  expect(textOf(reply)).toContain(requestId);
  expect(h.fake.messagesIn(dm).some((m) => /Diagnosing/.test(textOf(m)))).toBe(false);
});
