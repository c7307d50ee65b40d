// Alerts on Slack, end to end: failed pushes delivered to the real Okta event hook route are diagnosed and posted to
// ALERTS_CHANNEL as one card per cause, updated in place as users of that cause fail; a repeated delivery or an already
// alerted user adds nothing; the card's path buttons run the usual plan → request → approval flow, and the request's
// success marks the user resolved on the card, as does a chat diagnosis that finds a user's failure gone. Every payload
// is within Block Kit's limits.
import { findButton } from '../../fakes/slack-test-client.ts';
import { deliver, HOOK_SECRET, pushFailure } from '../../support/okta-deliveries.ts';
import { blockKitViolations } from '../slack/block-kit-limits.ts';
import { CHANNELS, startSlackHarness, USERS, type SlackHarness } from '../slack/slack-harness.ts';
import { current, diagnose as diagnoseInSlack, requestChange, textOf } from '../slack/slack-steps.ts';
import { removeMemberElsewhere, settled } from '../../support/sandbox-admin.ts';
import { GROUP } from '../../../src/sandbox/seed.ts';
import { SAME_CAUSE } from '../../core/alerts/seeded-reports.ts';

const [ADELE, MEGAN, MIRIAM] = SAME_CAUSE;
/** The seeded Entra object id of `upn` (the sandbox's own state). */
const seededEntraIdOf = (upn: string): string => h.app.runtime.sandbox?.tenant.state.graph.users.find((u) => u.userPrincipalName === upn)?.id ?? '';
let h: SlackHarness;
beforeAll(async () => {
  h = await startSlackHarness({ env: { OKTA_EVENT_HOOK_SECRET: HOOK_SECRET, ALERTS_CHANNEL: CHANNELS.helpdesk, DATABASE_URL: 'sqlite::memory:' } });
});
afterAll(async () => h.close());

const alerts = () => h.fake.messagesIn(CHANNELS.helpdesk).filter((m) => !m.threadTs && /rotating_light|Resolved:/.test(textOf(m)));

it('posts one card for several users of one cause, updates it in place, and never alerts a user twice', async () => {
  const first = pushFailure(ADELE);
  expect(await deliver(h.app.url, [first, pushFailure(MEGAN)])).toBe(200);
  const card = await h.fake.waitFor(() => alerts().find((m) => textOf(m).includes(MEGAN)), 'the alert card with two users');
  expect(card.text).toContain('Okta pushes fail: Microsoft 365 E3 comes from group Licensing - Microsoft 365 E3');
  expect(card.text).toContain('2 users failing');
  // The same buttons as a diagnosis card, acting on the first user.
  for (const id of ['path:okta-owns-licenses', 'path:entra-owns-licenses', 'recheck']) expect(findButton(card.blocks, id)?.value).toBe(ADELE);

  // A repeated delivery (same uuid), a new failure of an alerted user, and a new user of the cause.
  await deliver(h.app.url, [first, pushFailure(ADELE), pushFailure(MIRIAM)]);
  const updated = await h.fake.waitFor(() => (textOf(current(h, card)).includes(MIRIAM) ? current(h, card) : null), 'the card with Miriam');
  expect(updated.text).toContain('3 users failing');
  await h.app.runtime.alerts.idle();
  expect(alerts()).toHaveLength(1);
  const posts = h.fake.callsTo('chat.postMessage').filter((c) => c.body.channel === CHANNELS.helpdesk && /rotating_light/.test(JSON.stringify(c.body.blocks)));
  expect(posts).toHaveLength(1);
  // One update per user added (Megan, then Miriam); the repeats changed nothing.
  const updates = h.fake.callsTo('chat.update').filter((c) => c.body.ts === card.ts);
  expect(updates).toHaveLength(2);

  const audit = (await h.app.runtime.store.audit()).filter((e) => e.action.startsWith('alert.'));
  expect(audit.map((e) => [e.action, e.data.user])).toEqual([['alert.posted', ADELE], ['alert.user-added', MEGAN], ['alert.user-added', MIRIAM]]);
  expect(audit[0]?.data).toMatchObject({ surfaces: ['slack'], failing: 1 });

  for (const c of [...posts, ...updates]) expect(blockKitViolations('message', c.body)).toEqual([]);
}, 30_000);

it('runs the plan → request → approval flow from the alert card, and the success resolves the user on it', async () => {
  const card = alerts()[0];
  if (!card) throw new Error('no alert card');
  const { card: approval } = await requestChange(h, card, 'okta-owns-licenses', 'INC0099: Okta pushes fail for the E3 group');
  await h.slack.click(USERS.patti, approval, 'approve');
  const resolved = await h.fake.waitFor(() => (/1 resolved/.test(current(h, card).text) ? current(h, card) : null), 'the card to show Adele resolved', 20_000);
  expect(resolved.text).toContain('2 users failing');
  // The paths now act on the next user still failing.
  expect(findButton(resolved.blocks, 'path:okta-owns-licenses')?.value).toBe(MEGAN);
  expect(textOf(resolved)).toMatch(/~Adele Vance~/);
  await h.app.runtime.alerts.idle();
  const audit = (await h.app.runtime.store.audit()).filter((e) => e.action === 'alert.user-resolved');
  expect(audit.map((e) => [e.data.user, e.data.by])).toEqual([[ADELE, 'request']]);
  for (const c of h.fake.callsTo('chat.update').filter((x) => x.body.ts === card.ts)) expect(blockKitViolations('message', c.body)).toEqual([]);
}, 40_000);

it('resolves a user on the card when a chat diagnosis finds their failure gone', async () => {
  const card = alerts()[0];
  if (!card) throw new Error('no alert card');
  const sandbox = h.app.runtime.sandbox;
  if (!sandbox) throw new Error('not in sandbox mode');
  // An administrator takes Megan out of the licensing group outside License Doctor.
  removeMemberElsewhere(sandbox, GROUP.E3, seededEntraIdOf(MEGAN));
  await settled(sandbox);
  const diagnosis = await diagnoseInSlack(h, MEGAN);
  expect(diagnosis.text).toMatch(/no license conflict/);
  const resolved = await h.fake.waitFor(() => (/2 resolved/.test(current(h, card).text) ? current(h, card) : null), 'the card to show Megan resolved', 20_000);
  expect(resolved.text).toContain('1 user failing');
  expect(findButton(resolved.blocks, 'path:okta-owns-licenses')?.value).toBe(MIRIAM);
  await h.app.runtime.alerts.idle();
  const audit = (await h.app.runtime.store.audit()).filter((e) => e.action === 'alert.user-resolved');
  expect(audit.map((e) => [e.data.user, e.data.by])).toEqual([[ADELE, 'request'], [MEGAN, 'diagnosis']]);
}, 40_000);
