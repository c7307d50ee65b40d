// Slack as a chat platform (chat/chat-platform.ts): cards are Block Kit messages posted with chat.postMessage and
// replaced with chat.update; a request's status line goes in the requester's thread (a direct message when the bot
// cannot post there), and a note in that thread when the request moves. The card follower does the rest.
import type { webApi } from '@slack/bolt';
import { z } from 'zod';
import { LicenseDoctorError } from '../../core/errors.ts';
import type { AppLogger } from '../../app/app-logger.ts';
import type { ChatCard, ChatPlatform } from '../chat/chat-platform.ts';
import type { SlackMessage } from './render-diagnosis.ts';
import { alertMessage } from './render-alert.ts';
import { batchCard } from './render-batch-card.ts';
import { requestCard, statusMessage, threadNotice } from './render-request-card.ts';
import { scanMessage } from './render-scan.ts';
import { slackErrorCode } from './slack-api-error.ts';
import { agentThreadKey, approvalCardKey } from './slack-ids.ts';

/** Where to post: a channel (and thread), else the person's direct messages. */
export interface SlackPlace {
  readonly channel: string | null;
  readonly threadTs: string | null;
  /** Whose direct messages take the card when the channel refuses it (null: none). */
  readonly userId: string | null;
}

// As stored since the first release: the approval card by channel + ts, the status line with its thread.
const cardRef = z.object({ channel: z.string(), ts: z.string() });
const threadRef = z.object({ channel: z.string(), threadTs: z.string().nullable(), statusTs: z.string() });
/** A posted Slack message. */
export type SlackRef = z.infer<typeof cardRef> | z.infer<typeof threadRef>;

const tsOf = (ref: SlackRef): string => ('ts' in ref ? ref.ts : ref.statusTs);

export interface SlackPlatformDeps {
  readonly client: webApi.WebClient;
  readonly logger: AppLogger;
  readonly approvalsChannel: string;
  /** Which mode runs, on every card (chat/mode-footer-text.ts). */
  readonly footer: string;
}

/** The Slack platform on the Web API client. */
export function slackPlatform(deps: SlackPlatformDeps): ChatPlatform<SlackPlace, SlackRef> {
  const { client, logger, approvalsChannel, footer } = deps;
  const render = (card: ChatCard): SlackMessage => {
    switch (card.kind) {
      case 'request-approval': return requestCard(card.view, footer);
      case 'alert': return alertMessage(card.view, footer);
      case 'request-status': return statusMessage(card.view, approvalsChannel, footer);
      case 'scan': return scanMessage(card.view, footer);
      case 'request-moved': {
        const mention = card.requestedBy.surface === 'slack' && card.requestedBy.surfaceUserId ? `<@${card.requestedBy.surfaceUserId}> ` : '';
        return { text: `${mention}${threadNotice(card.view)}`, blocks: [] };
      }
      case 'batch': return batchCard(card.view, footer);
    }
  };
  const send = async (channel: string, threadTs: string | null, message: SlackMessage, unfurl = true) => {
    const posted = await client.chat.postMessage({
      channel, text: message.text, blocks: [...message.blocks], ...(threadTs ? { thread_ts: threadTs } : {}), ...(unfurl ? {} : { unfurl_links: false }),
    });
    if (!posted.ts) throw new LicenseDoctorError('unavailable', 'Slack answered chat.postMessage without a message ts: try again.', { vendor: 'slack', operation: 'chat.postMessage' });
    return { channel: posted.channel ?? channel, ts: posted.ts };
  };
  return {
    surface: 'slack',
    refKey: (subject, slot) => {
      const requestId = subject.replace(/^request:/, '');
      if (slot === 'approval') return approvalCardKey(requestId);
      if (slot === 'status') return agentThreadKey(requestId);
      return `${subject}:slack-${slot}`;
    },
    parseRef: (stored) => {
      const thread = threadRef.safeParse(stored);
      if (thread.success) return thread.data;
      const card = cardRef.safeParse(stored);
      return card.success ? card.data : null;
    },
    post: async (place, card) => {
      const message = render(card);
      if (card.kind !== 'request-status') {
        if (!place.channel) throw new LicenseDoctorError('configuration', 'No Slack channel to post this card to.');
        return send(place.channel, place.threadTs, message, false);
      }
      // The status line goes in the requester's thread; where the bot cannot post (an ephemeral diagnosis, a private
      // channel), the requester hears in a direct message.
      try {
        if (!place.channel) throw new Error('no channel');
        const posted = await send(place.channel, place.threadTs, message);
        return { channel: posted.channel, threadTs: place.threadTs, statusTs: posted.ts };
      } catch (err) {
        if (!place.userId) throw err;
        if (place.channel) logger.info({ err: slackErrorCode(err) ?? String(err), channel: place.channel }, 'status line goes to a direct message instead');
        const posted = await send(place.userId, null, message);
        return { channel: posted.channel, threadTs: null, statusTs: posted.ts };
      }
    },
    update: async (ref, card) => {
      const message = render(card);
      await client.chat.update({ channel: ref.channel, ts: tsOf(ref), text: message.text, blocks: [...message.blocks] });
    },
    reply: async (ref, card) => {
      const threadTs = 'threadTs' in ref ? (ref.threadTs ?? ref.statusTs) : ref.ts;
      await client.chat.postMessage({ channel: ref.channel, thread_ts: threadTs, text: render(card).text });
    },
    approvalsPlace: () => ({ channel: approvalsChannel, threadTs: null, userId: null }),
  };
}
