// The replay guard fails closed: when the store cannot say whether a Slack request was handled before, the request is
// not run and Slack gets a retryable answer (a slash command an ephemeral "try again", a modal an error under its
// input, so it stays open to be sent again).
import { SCENARIOS } from '../../../src/sandbox/seed.ts';
import { startSlackHarness, USERS, CHANNELS, type SlackHarness } from './slack-harness.ts';
import { diagnose, openPlan } from './slack-steps.ts';

const ADELE = SCENARIOS[0]?.userPrincipalName ?? 'adele.vance@contoso.com';

let h: SlackHarness;

beforeAll(async () => {
  h = await startSlackHarness();
});

afterAll(async () => {
  await h?.close();
});

it('with the store gone, a command and a submission are refused with a retryable answer and not run', async () => {
  const viewId = await openPlan(h, await diagnose(h, ADELE), 'okta-owns-licenses');
  await h.app.runtime.store.close();
  const calls = h.fake.calls.length;

  const command = await h.slack.slashCommand(USERS.agent, ADELE, CHANNELS.helpdesk);
  expect(command.status).toBe(200);
  expect(JSON.parse(command.text)).toMatchObject({ response_type: 'ephemeral', text: expect.stringMatching(/cannot reach its database.*try again/i) });

  const submission = await h.slack.submit(USERS.agent, viewId, { justification: { justification: { type: 'plain_text_input', value: 'INC9: store down' } } });
  expect(submission.status).toBe(200);
  expect(JSON.parse(submission.text)).toMatchObject({ response_action: 'errors', errors: { justification: expect.stringMatching(/try again/i) } });

  await new Promise((r) => setTimeout(r, 400));
  expect(h.fake.calls.slice(calls).map((c) => c.method)).toEqual([]);
});
