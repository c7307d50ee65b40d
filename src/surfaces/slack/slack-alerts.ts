// Alerts on Slack: an outlet that posts alert cards to ALERTS_CHANNEL and updates them in place (chat.update), from
// whichever instance changes the alert.
import type { webApi } from '@slack/bolt';
import { z } from 'zod';
import type { AlertOutlet } from '../../app/alerts/alert-outlets.ts';
import { LicenseDoctorError } from '../../core/errors.ts';
import type { Runtime } from '../../runtime.ts';
import { alertMessage } from './render-alert.ts';
import { slackErrorCode, toSlackError } from './slack-api-error.ts';

const refSchema = z.object({ channel: z.string().min(1), ts: z.string().min(1) });

/** The outlet for `channel`. */
function slackAlertOutlet(client: webApi.WebClient, channel: string, footer: string): AlertOutlet {
  const fail = (err: unknown, operation: string) =>
    slackErrorCode(err) ? toSlackError(err, operation, `Slack refused the alert card in ${channel} (${slackErrorCode(err)}): invite the bot to ALERTS_CHANNEL.`) : err;
  return {
    surface: 'slack',
    post: async (view) => {
      const message = alertMessage(view, footer);
      const posted = await client.chat.postMessage({ channel, text: message.text, blocks: [...message.blocks], unfurl_links: false }).catch((err: unknown) => {
        throw fail(err, 'chat.postMessage');
      });
      if (!posted.ts) throw new LicenseDoctorError('unavailable', 'Slack answered chat.postMessage without a message ts.', { vendor: 'slack', operation: 'chat.postMessage' });
      return { channel: posted.channel ?? channel, ts: posted.ts };
    },
    update: async (ref, view) => {
      const at = refSchema.parse(ref);
      const message = alertMessage(view, footer);
      await client.chat.update({ channel: at.channel, ts: at.ts, text: message.text, blocks: [...message.blocks] }).catch((err: unknown) => {
        throw fail(err, 'chat.update');
      });
    },
  };
}

/** Adds the Slack alert outlet when ALERTS_CHANNEL is set. */
export function registerSlackAlerts(runtime: Runtime, client: webApi.WebClient, footer: string): void {
  const channel = runtime.config.alerts.slackChannel;
  if (channel) runtime.alertOutlets.add(slackAlertOutlet(client, channel, footer));
}
