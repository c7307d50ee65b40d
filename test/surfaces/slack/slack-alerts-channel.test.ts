// ALERTS_CHANNEL is checked at start-up by the real Web API client against the fake Slack (conversations.info): a bot
// in the channel starts quietly; a bot not in it starts anyway, with a warning naming the channel and the fix, and
// /readyz says so; the check failing starts anyway with a warning that it could not be checked. An alert post refused
// with not_in_channel checks again, and a post that succeeds after the bot is invited clears the problem.
import { deliver, HOOK_SECRET, pushFailure } from '../../support/okta-deliveries.ts';
import { OTHER_GROUP, SAME_CAUSE } from '../../core/alerts/seeded-reports.ts';
import { CHANNELS, SLACK_CHANNELS, startSlackHarness } from './slack-harness.ts';

type Line = { level: number; msg: string; alertsChannel?: string };
const warnings = (lines: readonly string[]) => lines.map((l) => JSON.parse(l) as Line).filter((l) => l.level === 40);
const aboutAlertsChannel = (lines: readonly string[]) => warnings(lines).filter((l) => l.alertsChannel !== undefined);
const readyz = async (url: string) => (await (await fetch(`${url}/readyz`)).json()) as { slack: { ready: boolean; alertsChannel?: { channel: string; canPost: boolean | 'unknown'; problem?: string } } };
const infoCallsFor = (calls: readonly { method: string; body: Record<string, unknown> }[], channel: string) =>
  calls.filter((c) => c.method === 'conversations.info' && c.body.channel === channel).length;

it('a bot in the alerts channel: checked once at start-up, no warning, /readyz says alerts can be posted', async () => {
  const logLines: string[] = [];
  const h = await startSlackHarness({ env: { ALERTS_CHANNEL: CHANNELS.helpdesk }, logLines });
  try {
    expect(infoCallsFor(h.fake.calls, CHANNELS.helpdesk)).toBe(1);
    // (The sandbox's Teams surface warns that it accepts unauthenticated activities: not this check's business.)
    expect(warnings(logLines).filter((l) => /alert/i.test(l.msg))).toEqual([]);
    expect((await readyz(h.app.url)).slack).toMatchObject({ ready: true, alertsChannel: { channel: '#helpdesk (C0HELPDESK)', canPost: true } });
    expect((await readyz(h.app.url)).slack.alertsChannel).not.toHaveProperty('problem');
  } finally {
    await h.close();
  }
});

it('a bot not in the alerts channel: starts, warns with the fix, /readyz says so; a refused post checks again, the invite clears it', async () => {
  const logLines: string[] = [];
  const h = await startSlackHarness({ env: { ALERTS_CHANNEL: CHANNELS.closed, OKTA_EVENT_HOOK_SECRET: HOOK_SECRET }, logLines });
  try {
    const warned = aboutAlertsChannel(logLines);
    expect(warned).toHaveLength(1);
    expect(warned[0]?.msg).toBe('License Doctor is not a member of the alerts channel #random (C0CLOSED), so every alert there fails with not_in_channel: invite @License Doctor to #random (/invite @License Doctor in the channel).');
    const ready = await readyz(h.app.url);
    expect(ready.slack).toMatchObject({ ready: true, alertsChannel: { channel: '#random (C0CLOSED)', canPost: false, problem: warned[0]?.msg } });

    // An alert: Slack refuses the post with not_in_channel, and the channel is checked again.
    expect(await deliver(h.app.url, [pushFailure(SAME_CAUSE[0])])).toBe(200);
    await h.fake.waitFor(() => (infoCallsFor(h.fake.calls, CHANNELS.closed) === 2 ? true : null), 'the check after the refused post', 20_000);
    await h.app.runtime.alerts.idle();
    expect(h.fake.callsTo('chat.postMessage').filter((c) => c.body.channel === CHANNELS.closed)).toHaveLength(1);
    expect(aboutAlertsChannel(logLines)).toHaveLength(2);

    // Someone invites the bot; the next alert is posted, and the check clears the problem.
    const closed = SLACK_CHANNELS.find((c) => c.id === CHANNELS.closed);
    if (!closed) throw new Error('no closed channel');
    h.fake.channels.set(CHANNELS.closed, { ...closed, isMember: true });
    expect(await deliver(h.app.url, [pushFailure(OTHER_GROUP)])).toBe(200);
    await h.fake.waitFor(() => (h.fake.messagesIn(CHANNELS.closed).length === 1 ? true : null), 'the alert card in the channel', 20_000);
    await h.app.runtime.alerts.idle();
    expect((await readyz(h.app.url)).slack.alertsChannel).toEqual({ channel: '#random (C0CLOSED)', canPost: true });
    expect(infoCallsFor(h.fake.calls, CHANNELS.closed)).toBe(3);
  } finally {
    await h.close();
  }
}, 60_000);

it('the check failing: starts anyway, warns that it could not check, /readyz says it is unknown', async () => {
  const logLines: string[] = [];
  const h = await startSlackHarness({ env: { ALERTS_CHANNEL: CHANNELS.helpdesk }, logLines, prepare: (fake) => fake.fail('conversations.info', 'internal_error', 1, CHANNELS.helpdesk) });
  try {
    const warned = aboutAlertsChannel(logLines);
    expect(warned.map((w) => w.msg)).toEqual([
      'Could not check whether License Doctor can post alerts to ALERTS_CHANNEL=C0HELPDESK (conversations.info: internal_error): make sure @License Doctor is in that channel, or alerts fail with not_in_channel.',
    ]);
    expect((await readyz(h.app.url)).slack).toMatchObject({ ready: true, alertsChannel: { channel: 'C0HELPDESK', canPost: 'unknown', problem: warned[0]?.msg } });
  } finally {
    await h.close();
  }
});
