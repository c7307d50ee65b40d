// Start-up checks, so a wrong Slack setup is found when the server starts rather than at the first approval:
// the bot token works (auth.test), and the approvals channel exists and the bot is in it (conversations.info).
import { webApi } from '@slack/bolt';
import { LicenseDoctorError } from '../../core/errors.ts';
import { slackErrorCode, toSlackError } from './slack-api-error.ts';

/** How long start-up checks may wait for Slack: each call times out, and is retried only briefly, so an unreachable or
 *  silent Slack ends start-up with the clear message below after at most about 20 s (not Bolt's five minutes). */
export interface SlackCheckBounds {
  readonly timeoutMs: number;
  readonly retries: number;
}

export const SLACK_CHECK_BOUNDS: SlackCheckBounds = { timeoutMs: 5_000, retries: 2 };

/** A Web API client for the start-up checks only: same token and URL as the app's, bounded waiting. */
export function slackCheckClient(
  settings: { readonly botToken: string; readonly apiUrl: string; readonly logger?: webApi.Logger },
  bounds: SlackCheckBounds = SLACK_CHECK_BOUNDS,
): webApi.WebClient {
  return new webApi.WebClient(settings.botToken, {
    slackApiUrl: settings.apiUrl,
    timeout: bounds.timeoutMs,
    retryConfig: { retries: bounds.retries, factor: 2, minTimeout: 500, maxTimeout: 2_000 },
    ...(settings.logger ? { logger: settings.logger } : {}),
  });
}

/** Who the bot is in which workspace, and the approvals channel's name. */
export interface SlackIdentity {
  readonly botUserId: string;
  readonly botId: string | null;
  readonly teamId: string | null;
  readonly team: string | null;
  readonly approvalsChannelName: string;
}

async function authTest(client: webApi.WebClient): Promise<webApi.AuthTestResponse> {
  try {
    return await client.auth.test();
  } catch (err) {
    const code = slackErrorCode(err);
    const hint = code
      ? `Slack refused SLACK_BOT_TOKEN (${code}): copy the Bot User OAuth Token (xoxb-...) from the app's "OAuth & Permissions" page, and reinstall the app if it was revoked.`
      : 'Slack could not be reached to check SLACK_BOT_TOKEN (auth.test): check the network and SLACK_API_URL.';
    throw toSlackError(err, 'auth.test', hint);
  }
}

async function channelInfo(client: webApi.WebClient, channel: string): Promise<webApi.ConversationsInfoResponse> {
  try {
    return await client.conversations.info({ channel });
  } catch (err) {
    const code = slackErrorCode(err);
    const hint = code === 'channel_not_found'
      ? `SLACK_APPROVALS_CHANNEL=${channel} was not found: give the channel id (C..., from the channel's "About" tab), not its name; for a private channel, invite the bot first (/invite @License Doctor).`
      : code === 'missing_scope'
        ? 'The Slack app cannot read channel details (missing channels:read / groups:read): reinstall it from manifest/slack/manifest.yaml.'
        : `Slack could not check SLACK_APPROVALS_CHANNEL=${channel} (conversations.info${code ? `: ${code}` : ''}): check the network and SLACK_API_URL.`;
    throw toSlackError(err, 'conversations.info', hint);
  }
}

/** Runs the checks; throws LicenseDoctorError('configuration') naming the fix. */
export async function checkSlackSetup(client: webApi.WebClient, approvalsChannel: string | null): Promise<SlackIdentity> {
  if (!approvalsChannel) {
    throw new LicenseDoctorError('configuration', 'SLACK_APPROVALS_CHANNEL is missing: set it to the id (C...) of the channel where approval cards are posted, and invite the bot there.');
  }
  const auth = await authTest(client);
  if (!auth.user_id) {
    throw new LicenseDoctorError('configuration', 'SLACK_BOT_TOKEN is not a bot token (auth.test names no bot user): use the Bot User OAuth Token (xoxb-...).', { vendor: 'slack', operation: 'auth.test' });
  }
  const info = await channelInfo(client, approvalsChannel);
  const name = info.channel?.name ?? approvalsChannel;
  if (info.channel?.is_archived) {
    throw new LicenseDoctorError('configuration', `The approvals channel #${name} (${approvalsChannel}) is archived: unarchive it or set SLACK_APPROVALS_CHANNEL to another channel.`, { vendor: 'slack', operation: 'conversations.info' });
  }
  if (info.channel?.is_member !== true) {
    throw new LicenseDoctorError('configuration', `The bot is not a member of the approvals channel #${name} (${approvalsChannel}): invite it there (/invite @License Doctor) and restart.`, { vendor: 'slack', operation: 'conversations.info' });
  }
  return { botUserId: auth.user_id, botId: auth.bot_id ?? null, teamId: auth.team_id ?? null, team: auth.team ?? null, approvalsChannelName: name };
}
