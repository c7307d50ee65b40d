// Configuration errors are found when the server starts and reported with the fix: a missing signing secret, a bad
// bot token, an approvals channel that does not exist or that the bot is not in. A good setup reports ready. A Slack
// that never answers (or keeps failing) ends the checks after their bounded retries, with the same clear message.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '../../../src/config/load-config.ts';
import { isLicenseDoctorError, type LicenseDoctorError } from '../../../src/core/errors.ts';
import { checkSlackSetup, SLACK_CHECK_BOUNDS, slackCheckClient } from '../../../src/surfaces/slack/check-slack-setup.ts';
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
      const err = await startupError(() => createSlackSurface({ ...app.runtime.surfaceServices, config: { ...app.runtime.surfaceServices.config, slack } }));
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

describe('Slack start-up checks give up in bounded time', () => {
  it.each([
    ['never answers', (_req: IncomingMessage, _res: ServerResponse) => undefined],
    ['answers 503 every time', (_req: IncomingMessage, res: ServerResponse) => res.writeHead(503).end()],
  ])('when Slack %s, with the clear message', async (_name, handler) => {
    const requests: string[] = [];
    const slack = createServer((req, res) => {
      requests.push(req.url ?? '');
      handler(req, res);
    });
    await new Promise<void>((resolve) => slack.listen(0, '127.0.0.1', resolve));
    try {
      const apiUrl = `http://127.0.0.1:${(slack.address() as AddressInfo).port}/api/`;
      const client = slackCheckClient({ botToken: BOT_TOKEN, apiUrl }, { timeoutMs: 300, retries: 1 });
      const err = await startupError(() => checkSlackSetup(client, CHANNELS.approvals));
      expect(err.message).toBe('Slack could not be reached to check SLACK_BOT_TOKEN (auth.test): check the network and SLACK_API_URL.');
      // The first try and the one retry the bounds allow; nothing runs on after the error.
      expect(requests).toEqual(['/api/auth.test', '/api/auth.test']);
    } finally {
      slack.closeAllConnections();
      slack.close();
    }
  });

  it('by default within about 20 s: short timeouts and few retries, not the app client\'s five minutes', () => {
    expect(SLACK_CHECK_BOUNDS.timeoutMs * (SLACK_CHECK_BOUNDS.retries + 1)).toBeLessThanOrEqual(15_000);
  });
});
