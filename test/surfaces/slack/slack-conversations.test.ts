// Where agents ask: direct messages (pasted multi-line errors in Slack's markup), mentions in a channel (answered in
// the thread), the slash command in a channel the bot is not in (answered ephemerally; the request's status line then
// goes to a DM), Re-check, and input that names nobody.
import { SCENARIOS } from '../../../src/sandbox/seed.ts';
import { FakeSlackApi } from '../../fakes/fake-slack-api.ts';
import { findButton } from '../../fakes/slack-test-client.ts';
import { allViolations } from './block-kit-limits.ts';
import { CHANNELS, startSlackHarness, USERS, type SlackHarness } from './slack-harness.ts';
import { current, diagnose, textOf } from './slack-steps.ts';

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
const DM = FakeSlackApi.dmChannel(USERS.agent);
let ts = 1764230000;
const nextTs = () => `${++ts}.000100`;

it('diagnoses a multi-line Okta error pasted into a DM, in Slack\'s markup', async () => {
  const user = upn(1);
  const pasted = [
    '```2026-11-27T08:14:03.000Z WARN Could not push profile for Office 365 user <mailto:' + user + '|' + user + '>, received error:',
    'Received response with HTTP status code 400. httpStatusCode=400 errorCode=Request_BadRequest',
    'errorMessage=&quot;User license is inherited from a group membership and it cannot be removed directly from the user.&quot;```',
  ].join('\n');
  const res = await h.slack.event({ type: 'message', channel: DM, channel_type: 'im', user: USERS.agent, text: pasted, ts: nextTs() });
  expect(res.status).toBe(200);
  const reply = await h.fake.waitFor(() => h.fake.messagesIn(DM).find((m) => m.updates > 0), 'the diagnosis in the DM');
  expect(reply.threadTs).toBeNull();
  expect(textOf(reply)).toContain(user);
  expect(findButton(reply.blocks, 'path:okta-owns-licenses')?.value).toBe(user);
});

it('answers a mention in the channel thread, and ignores redeliveries, bot posts and channel chatter', async () => {
  const asked = nextTs();
  await h.slack.event({ type: 'app_mention', channel: CHANNELS.helpdesk, user: USERS.agent, text: `<@${h.fake.botUserId}> <mailto:${upn(2)}|${upn(2)}>`, ts: asked });
  const reply = await h.fake.waitFor(() => h.fake.messagesIn(CHANNELS.helpdesk, asked).find((m) => m.updates > 0), 'the diagnosis in the thread');
  expect(textOf(reply)).toContain(upn(2));

  const posts = h.fake.callsTo('chat.postMessage').length;
  await h.slack.event({ type: 'app_mention', channel: CHANNELS.helpdesk, user: USERS.agent, text: `<@${h.fake.botUserId}> ${upn(2)}`, ts: asked }, { retryNum: 1 });
  await h.slack.event({ type: 'message', subtype: 'bot_message', channel: DM, channel_type: 'im', bot_id: 'B0OTHER', text: upn(0), ts: nextTs() });
  await h.slack.event({ type: 'message', channel: CHANNELS.helpdesk, channel_type: 'channel', user: USERS.agent, text: upn(0), ts: nextTs() });
  await new Promise((r) => setTimeout(r, 300));
  expect(h.fake.callsTo('chat.postMessage')).toHaveLength(posts);
});

it('answers ephemerally where it cannot post, and sends the request\'s status line to a DM', async () => {
  const res = await h.slack.slashCommand(USERS.agent, upn(3), CHANNELS.closed);
  expect(res.status).toBe(200);
  expect(JSON.parse(res.text)).toMatchObject({ response_type: 'ephemeral', text: expect.stringContaining('Diagnosing') });
  const answer = await h.fake.waitFor(() => h.fake.responses.find((r) => JSON.stringify(r.body.blocks ?? []).includes('path:')), 'the ephemeral diagnosis');
  expect(answer.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
  expect(h.fake.callsTo('chat.postMessage').some((c) => c.body.channel === CHANNELS.closed)).toBe(true);

  const blocks = answer.body.blocks as unknown[];
  const opened = h.fake.callsTo('views.open').length;
  await h.slack.click(USERS.agent, { ephemeralIn: CHANNELS.closed, blocks }, 'path:okta-owns-licenses');
  await h.fake.waitFor(() => h.fake.callsTo('views.open')[opened], 'views.open');
  const viewId = [...h.fake.views.keys()].at(-1) ?? '';
  await h.fake.waitFor(() => h.fake.views.get(viewId)?.view.submit, 'the plan');
  const meta = JSON.parse(String(h.fake.views.get(viewId)?.view.private_metadata)) as Record<string, unknown>;
  expect(meta).toMatchObject({ query: upn(3), path: 'okta-owns-licenses', channel: null, threadTs: null });
  await h.slack.submit(USERS.agent, viewId, { justification: { justification: { type: 'plain_text_input', value: 'INC0012350' } } });
  const status = await h.fake.waitFor(() => h.fake.messagesIn(DM).find((m) => findButton(m.blocks, 'cancel')), 'the status line in the DM');
  expect(status.text).toMatch(/^LD-/);
});

it('re-checks a diagnosis in place', async () => {
  const diagnosis = await diagnose(h, upn(8));
  const updates = diagnosis.updates;
  await h.slack.click(USERS.agent, diagnosis, 'recheck');
  await h.fake.waitFor(() => current(h, diagnosis).updates >= updates + 2 && findButton(current(h, diagnosis).blocks, 'recheck'), 'the re-checked diagnosis');
  expect(h.fake.callsTo('chat.update').filter((c) => c.body.ts === diagnosis.ts).some((c) => String(c.body.text).includes('Diagnosing'))).toBe(true);
  expect(textOf(current(h, diagnosis))).toContain(upn(8));
});

it('says what to give instead when the text names nobody', async () => {
  await h.slack.slashCommand(USERS.agent, 'hello, is anyone there?', CHANNELS.helpdesk);
  const answer = await h.fake.waitFor(() => h.fake.messagesIn(CHANNELS.helpdesk).find((m) => /user principal name/.test(m.text)), 'the usage message');
  expect(findButton(answer.blocks, 'recheck')).toBeNull();
});

it('tells the agent when Slack does not open the plan preview', async () => {
  const diagnosis = await diagnose(h, upn(6));
  h.fake.fail('views.open', 'expired_trigger_id');
  await h.slack.click(USERS.agent, diagnosis, 'path:okta-owns-licenses');
  await h.fake.waitFor(() => h.fake.responses.find((r) => /did not open the plan preview \(expired_trigger_id\)/.test(String(r.body.text))), 'the explanation');
});

it('says why an unavailable path is unavailable, on the diagnosis and when its button is clicked anyway', async () => {
  const diagnosis = await diagnose(h, upn(13));
  expect(textOf(diagnosis)).toMatch(/:no_entry_sign: \*Okta owns licenses\* — [^\n]* — not available: /);
  const button = findButton(diagnosis.blocks, 'path:okta-owns-licenses');
  expect(button).not.toBeNull();
  const opened = h.fake.callsTo('views.open').length;
  await h.slack.click(USERS.agent, diagnosis, 'path:okta-owns-licenses');
  await h.fake.waitFor(() => h.fake.callsTo('views.open')[opened], 'views.open');
  const viewId = [...h.fake.views.keys()].at(-1) ?? '';
  const shown = await h.fake.waitFor(() => (/no_entry_sign/.test(JSON.stringify(h.fake.views.get(viewId)?.view)) ? h.fake.views.get(viewId) : null), 'the refusal in the modal');
  expect(shown.view.submit).toBeUndefined();
});
