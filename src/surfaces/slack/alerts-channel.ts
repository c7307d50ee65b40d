// ALERTS_CHANNEL, checked once at start-up (conversations.info: channels:read / groups:read, the scopes the approvals
// channel's check already needs) and again whenever an alert post there is refused (not_in_channel, channel_not_found)
// or succeeds while a problem is shown. A bot that is not in the channel gets not_in_channel on every alert, so the
// check logs a warning naming the channel and the fix, and /readyz shows it; it never stops start-up (the channel may
// be fixed later, and approvals work without it).
import type { webApi } from '@slack/bolt';
import type { AppLogger } from '../../app/app-logger.ts';
import { slackErrorCode } from './slack-api-error.ts';

/** What /readyz shows: the channel, and what is wrong with it (absent when alerts can be posted there). */
export interface AlertsChannelState {
  readonly channel: string;
  readonly canPost: boolean | 'unknown';
  readonly problem?: string;
}

/** Slack error codes of a post that say the bot cannot post in the channel. */
const REFUSED_POST = new Set(['not_in_channel', 'channel_not_found', 'is_archived']);

async function inspect(client: webApi.WebClient, id: string): Promise<AlertsChannelState> {
  let info: webApi.ConversationsInfoResponse;
  try {
    info = await client.conversations.info({ channel: id });
  } catch (err) {
    const code = slackErrorCode(err);
    if (code === 'channel_not_found') {
      return { channel: id, canPost: false, problem: `ALERTS_CHANNEL=${id} was not found, or it is a private channel License Doctor is not in: give the channel id (C..., from the channel's "About" tab), and invite @License Doctor there (/invite @License Doctor). Alerts are not posted until then.` };
    }
    const hint = code === 'missing_scope' ? ' (the app lacks channels:read / groups:read: reinstall it from manifest/slack/manifest.yaml)' : '';
    return { channel: id, canPost: 'unknown', problem: `Could not check whether License Doctor can post alerts to ALERTS_CHANNEL=${id} (conversations.info: ${code ?? (err instanceof Error ? err.message : String(err))})${hint}: make sure @License Doctor is in that channel, or alerts fail with not_in_channel.` };
  }
  const name = info.channel?.name;
  const channel = name ? `#${name} (${id})` : id;
  const at = name ? `#${name}` : id;
  if (info.channel?.is_archived) {
    return { channel, canPost: false, problem: `The alerts channel ${channel} is archived: unarchive it or set ALERTS_CHANNEL to another channel. Alerts are not posted until then.` };
  }
  if (info.channel?.is_member !== true) {
    return { channel, canPost: false, problem: `License Doctor is not a member of the alerts channel ${channel}, so every alert there fails with not_in_channel: invite @License Doctor to ${at} (/invite @License Doctor in the channel).` };
  }
  return { channel, canPost: true };
}

/** The alerts channel's state on this instance, re-checked when a post says it changed. */
export class AlertsChannelCheck {
  readonly #client: webApi.WebClient;
  readonly #id: string;
  readonly #logger: AppLogger;
  #state: AlertsChannelState;
  #checking: Promise<AlertsChannelState> | null = null;

  constructor(client: webApi.WebClient, channelId: string, logger: AppLogger) {
    this.#client = client;
    this.#id = channelId;
    this.#logger = logger;
    this.#state = { channel: channelId, canPost: 'unknown', problem: 'Not checked yet.' };
  }

  state(): AlertsChannelState {
    return this.#state;
  }

  /** Asks Slack now (one call at a time); logs a warning when alerts cannot be posted, and when that is fixed. */
  check(): Promise<AlertsChannelState> {
    this.#checking ??= (async () => {
      const before = this.#state;
      const after = await inspect(this.#client, this.#id);
      this.#state = after;
      if (after.problem) this.#logger.warn({ alertsChannel: after.channel, canPost: after.canPost }, after.problem);
      else if (before.canPost !== true) this.#logger.info({ alertsChannel: after.channel }, 'License Doctor can post alerts to the alerts channel');
      return after;
    })().finally(() => {
      this.#checking = null;
    });
    return this.#checking;
  }

  /** An alert (or scan) post to the channel failed with `err`: a refusal by Slack checks the channel again. */
  async postFailed(err: unknown): Promise<void> {
    const code = slackErrorCode(err);
    if (code && REFUSED_POST.has(code)) await this.check().catch(() => undefined);
  }

  /** A post reached the channel: a problem shown before is checked again. */
  async posted(): Promise<void> {
    if (this.#state.canPost !== true) await this.check().catch(() => undefined);
  }
}
