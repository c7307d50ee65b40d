// Alerts on Slack: alert cards go to ALERTS_CHANNEL through the Slack chat platform and are updated in place
// (chat.update) from whichever instance changes the alert.
import type { SurfaceServices } from '../../server/surface.ts';
import { chatAlertOutlet } from '../chat/alert-outlet.ts';
import type { ChatPlatform } from '../chat/chat-platform.ts';
import type { SlackPlace, SlackRef } from './slack-platform.ts';

/** Adds the Slack alert outlet when ALERTS_CHANNEL is set. */
export function registerSlackAlerts(surface: Pick<SurfaceServices, 'config' | 'alertOutlets'>, platform: ChatPlatform<SlackPlace, SlackRef>): void {
  const channel = surface.config.alerts.slackChannel;
  if (channel) surface.alertOutlets.add(chatAlertOutlet(platform, async () => ({ channel, threadTs: null, userId: null })));
}
