// Alerts on Slack: alert cards go to ALERTS_CHANNEL through the Slack chat platform and are updated in place
// (chat.update) from whichever instance changes the alert. Each post tells the channel check how it went, so a bot
// removed from the channel (not_in_channel) shows in the log and /readyz again, and so does its return.
import type { AlertOutlet } from '../../app/alerts/alert-outlets.ts';
import type { SurfaceServices } from '../../server/surface.ts';
import { chatAlertOutlet } from '../chat/alert-outlet.ts';
import type { ChatPlatform } from '../chat/chat-platform.ts';
import type { AlertsChannelCheck } from './alerts-channel.ts';
import type { SlackPlace, SlackRef } from './slack-platform.ts';

/** `outlet`, telling `check` of every post's success or refusal. */
function checked(outlet: AlertOutlet, check: AlertsChannelCheck): AlertOutlet {
  const noting = async <T>(work: () => Promise<T>): Promise<T> => {
    let result: T;
    try {
      result = await work();
    } catch (err) {
      await check.postFailed(err);
      throw err;
    }
    await check.posted();
    return result;
  };
  const postScan = outlet.postScan?.bind(outlet);
  return {
    surface: outlet.surface,
    post: (view) => noting(() => outlet.post(view)),
    update: (ref, view) => noting(() => outlet.update(ref, view)),
    ...(postScan ? { postScan: (view: Parameters<typeof postScan>[0]) => noting(() => postScan(view)) } : {}),
  };
}

/** Adds the Slack alert outlet when ALERTS_CHANNEL is set (with `check`, the channel's check hears of every post). */
export function registerSlackAlerts(surface: Pick<SurfaceServices, 'config' | 'alertOutlets'>, platform: ChatPlatform<SlackPlace, SlackRef>, check: AlertsChannelCheck | null): void {
  const channel = surface.config.alerts.slackChannel;
  if (!channel) return;
  const outlet = chatAlertOutlet(platform, async () => ({ channel, threadTs: null, userId: null }));
  surface.alertOutlets.add(check ? checked(outlet, check) : outlet);
}
