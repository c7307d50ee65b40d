// "Fix these N users" on an aggregated alert (Slack, signed payloads, the real event hook route): two users of one
// cause fail, the alert card offers the button; it opens a form for the justification, and its submission asks for one
// batch for the users still failing, whose card appears in the approvals channel and runs once two approvers approve.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findButton } from '../../fakes/slack-test-client.ts';
import { deliver, HOOK_SECRET, pushFailure } from '../../support/okta-deliveries.ts';
import { SAME_CAUSE } from '../../core/alerts/seeded-reports.ts';
import { allViolations } from '../slack/block-kit-limits.ts';
import { CHANNELS, startSlackHarness, USERS, type SlackHarness } from '../slack/slack-harness.ts';
import { current, textOf } from '../slack/slack-steps.ts';

jest.setTimeout(60_000);
const [ADELE, MEGAN] = SAME_CAUSE;
const dir = mkdtempSync(join(tmpdir(), 'ld-alert-batch-'));
let h: SlackHarness;
beforeAll(async () => {
  h = await startSlackHarness({ databaseUrl: `sqlite:${join(dir, 'store.sqlite')}`, env: { OKTA_EVENT_HOOK_SECRET: HOOK_SECRET, ALERTS_CHANNEL: CHANNELS.helpdesk } });
});
afterAll(async () => {
  await h?.close();
  rmSync(dir, { recursive: true, force: true });
});
afterEach(() => {
  expect(allViolations(h.fake.sentPayloads())).toEqual([]);
});

it('asks for one batch for the alert\'s failing users from its card, and the batch runs from its own card', async () => {
  expect(await deliver(h.app.url, [pushFailure(ADELE), pushFailure(MEGAN)])).toBe(200);
  const alert = await h.fake.waitFor(() => h.fake.messagesIn(CHANNELS.helpdesk).find((m) => /rotating_light/.test(textOf(m)) && textOf(m).includes(MEGAN)), 'the alert card with two users');
  expect(findButton(alert.blocks, 'batch_from_alert')).not.toBeNull();
  expect(textOf(alert)).toContain('Fix these 2 users');

  const opened = h.fake.callsTo('views.open').length;
  await h.slack.click(USERS.agent, alert, 'batch_from_alert');
  await h.fake.waitFor(() => h.fake.callsTo('views.open')[opened], 'the batch form');
  const viewId = [...h.fake.views.keys()].at(-1) ?? '';
  const blank = await h.slack.submit(USERS.agent, viewId, { justification: { justification: { type: 'plain_text_input', value: ' ' } } });
  expect(JSON.parse(blank.text)).toMatchObject({ response_action: 'errors' });
  const cards = h.fake.messagesIn(CHANNELS.approvals).length;
  await h.slack.submit(USERS.agent, viewId, { justification: { justification: { type: 'plain_text_input', value: 'INC0100: the E3 group migration broke these pushes' } } });
  await h.fake.waitFor(() => /Batch LD-B\w{4}-\w{4} asks to fix 2 users/.test(JSON.stringify(h.fake.views.get(viewId)?.view)), 'the form to name the batch');
  const card = await h.fake.waitFor(() => h.fake.messagesIn(CHANNELS.approvals).slice(cards).find((m) => /Batch LD-B/.test(textOf(m))), 'the batch card');
  expect(textOf(card)).toMatch(/2 pending/);
  const batchId = findButton(card.blocks, 'batch_approve')?.value ?? '';
  const state = await (await h.app.runtime.batches.service()).state(batchId);
  expect(state?.batch).toMatchObject({ source: { kind: 'alert' }, group: { displayName: 'Licensing - Microsoft 365 E3' }, requestedBy: { userPrincipalName: expect.stringMatching(/allan/) } });
  expect(state?.members.map((m) => m.userPrincipalName).sort()).toEqual([ADELE, MEGAN].sort());

  await h.slack.click(USERS.patti, card, 'batch_approve');
  await h.fake.waitFor(() => /Approvals 1 of 2/.test(textOf(current(h, card))), 'one approval');
  await h.slack.click(USERS.christie, card, 'batch_approve');
  await h.fake.waitFor(() => (/2 done/.test(textOf(current(h, card))) ? true : null), 'both users done', 40_000);
  // Their success resolves them on the alert card, which then offers no batch.
  const resolved = await h.fake.waitFor(() => (/2 resolved|All 2 users resolved/.test(textOf(current(h, alert))) ? current(h, alert) : null), 'the alert resolved', 20_000);
  expect(findButton(resolved.blocks, 'batch_from_alert')).toBeNull();
});
