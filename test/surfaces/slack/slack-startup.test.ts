// Configuration errors are found when the server starts and reported with the fix: a missing signing secret, a bad
// bot token, an approvals channel that does not exist or that the bot is not in. A good setup reports ready.
import { loadConfig } from '../../../src/config/load-config.ts';
import { isLicenseDoctorError, type LicenseDoctorError } from '../../../src/core/errors.ts';
import { createSlackSurface } from '../../../src/surfaces/slack/create-slack-surface.ts';
import { startTestApp } from '../../support/start-test-app.ts';
import { BOT_TOKEN, CHANNELS, SIGNING_SECRET, SLACK_CHANNELS, startSlackHarness } from './slack-harness.ts';

async function startupError(start: () => Promise<unknown>): Promise<LicenseDoctorError> {
  try {
    await start();
  } catch (err) {
    if (isLicenseDoctorError(err, 'configuration')) return err;
    throw err;
  }
  throw new Error('start-up succeeded');
}

const withApprovals = (patch: { isMember?: boolean; isArchived?: boolean }) =>
  SLACK_CHANNELS.map((c) => (c.id === CHANNELS.approvals ? { ...c, ...patch } : c));

describe('Slack start-up checks', () => {
  it.each([
    ['the bot is not in the approvals channel', { channels: withApprovals({ isMember: false }) }, /not a member of the approvals channel #license-approvals \(C0APPROVALS\): invite it/],
    ['the approvals channel is archived', { channels: withApprovals({ isArchived: true }) }, /#license-approvals \(C0APPROVALS\) is archived/],
    ['the approvals channel does not exist', { env: { SLACK_APPROVALS_CHANNEL: 'C0NOSUCH' } }, /SLACK_APPROVALS_CHANNEL=C0NOSUCH was not found: give the channel id/],
    ['the bot token is refused', { env: { SLACK_BOT_TOKEN: 'xoxb-revoked' } }, /Slack refused SLACK_BOT_TOKEN \(invalid_auth\)/],
  ])('refuses to start when %s', async (_name, options, message) => {
    const err = await startupError(() => startSlackHarness(options));
    expect(err.message).toMatch(message);
    expect(JSON.stringify(err.details)).not.toContain(BOT_TOKEN);
  });

  it('names the missing signing secret, in the configuration and in the surface itself', async () => {
    const config = await startupError(async () => loadConfig({ SANDBOX: 'true', SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_APPROVALS_CHANNEL: CHANNELS.approvals }));
    expect(config.message).toMatch(/SLACK_SIGNING_SECRET/);
    const app = await startTestApp();
    try {
      const slack = { botToken: BOT_TOKEN, signingSecret: null, appToken: null, approvalsChannel: CHANNELS.approvals, apiUrl: 'http://127.0.0.1:9/api/' };
      const err = await startupError(() => createSlackSurface({ ...app.runtime, config: { ...app.runtime.config, slack } }));
      expect(err.message).toMatch(/SLACK_SIGNING_SECRET is missing: copy the Signing Secret from the Slack app's "Basic Information" page/);
    } finally {
      await app.close();
    }
  });

  it('reports ready with the approvals channel, never a secret, and calls Slack only with the bot token', async () => {
    const h = await startSlackHarness();
    try {
      const res = await fetch(`${h.app.url}/readyz`);
      const text = await res.text();
      expect(res.status).toBe(200);
      expect(JSON.parse(text)).toMatchObject({ slack: { mode: 'http', ready: true, approvalsChannel: '#license-approvals (C0APPROVALS)' } });
      expect(text).not.toContain(BOT_TOKEN);
      expect(text).not.toContain(SIGNING_SECRET);
      expect(h.fake.calls.map((c) => c.method)).toEqual(expect.arrayContaining(['auth.test', 'conversations.info']));
      expect(h.fake.calls.every((c) => c.authorization === `Bearer ${BOT_TOKEN}`)).toBe(true);
    } finally {
      await h.close();
    }
  });
});
