// Socket Mode (SLACK_APP_TOKEN): no HTTP route; the app connects to the WebSocket apps.connections.open hands out
// and receives the same commands and clicks as envelopes, acknowledged over the socket.
import { SCENARIOS } from '../../../src/sandbox/seed.ts';
import { isLicenseDoctorError } from '../../../src/core/errors.ts';
import { findButton } from '../../fakes/slack-test-client.ts';
import { allViolations } from './block-kit-limits.ts';
import { APP_TOKEN, CHANNELS, startSlackHarness, USERS, type SlackHarness } from './slack-harness.ts';
import { current, diagnose, requestChange, textOf } from './slack-steps.ts';

let h: SlackHarness;

beforeAll(async () => {
  h = await startSlackHarness({ socketMode: true });
});

afterAll(async () => {
  await h?.close();
});

it('connects with the app token and mounts no HTTP route', async () => {
  await h.fake.socket.connected;
  expect(h.fake.callsTo('apps.connections.open')[0]?.authorization).toBe(`Bearer ${APP_TOKEN}`);
  const res = await fetch(`${h.app.url}/slack/events`, { method: 'POST', body: 'x=1' });
  expect(res.status).toBe(404);
  expect(await (await fetch(`${h.app.url}/readyz`)).json()).toMatchObject({ slack: { mode: 'socket', ready: true } });
});

it('runs a request from the command to the verified result over the socket', async () => {
  const upn = SCENARIOS[0]?.userPrincipalName ?? '';
  const ack = await h.slack.slashCommand(USERS.agent, upn, CHANNELS.helpdesk);
  expect(JSON.parse(ack.text)).toMatchObject({ response_type: 'ephemeral', text: expect.stringContaining('Diagnosing') });
  const diagnosis = await diagnose(h, upn);
  const { card } = await requestChange(h, diagnosis, 'okta-owns-licenses', 'INC0012400 via Socket Mode');
  await h.slack.click(USERS.patti, card, 'approve');
  await h.fake.waitFor(() => /Succeeded/.test(textOf(current(h, card))), 'the verified result', 20_000);
  expect(findButton(current(h, card).blocks, 'approve')).toBeNull();
  expect(allViolations(h.fake.sentPayloads())).toEqual([]);
});

it('refuses to start when Slack refuses the app token', async () => {
  let error: unknown = null;
  try {
    await (await startSlackHarness({ socketMode: true, env: { SLACK_APP_TOKEN: 'xapp-1-revoked' } })).close();
  } catch (err) {
    error = err;
  }
  expect(isLicenseDoctorError(error, 'configuration')).toBe(true);
  expect(String((error as Error).message)).toMatch(/Slack refused SLACK_APP_TOKEN \(invalid_auth\)/);
});
