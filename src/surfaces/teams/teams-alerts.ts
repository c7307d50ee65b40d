// Alerts on Teams: the helpdesk channel TEAMS_ALERTS_CONVERSATION (in sandbox mode without it, the demo page's alerts
// channel). Its reference is captured like the approvals channel's (when the bot is installed there or first hears
// from it) and kept in the store; alert cards are posted there through the Teams chat platform and updated in place from
// any instance.
import type { App } from '@microsoft/teams.apps';
import type { ConversationRefs } from '../../core/ports/conversation-refs.ts';
import type { SurfaceServices } from '../../server/surface.ts';
import { chatAlertOutlet } from '../chat/alert-outlet.ts';
import type { ChatPlatform } from '../chat/chat-platform.ts';
import { comesFrom, type ActivityOrigin } from './approvals-channel.ts';
import type { TeamsPlace } from './teams-platform.ts';
import { loadTeamsRef, saveTeamsRef, type TeamsRef } from './teams-refs.ts';

/** The alerts channel of the sandbox demo (the demo page shows this conversation). */
export const DEMO_ALERTS_CONVERSATION = '19:license-doctor-demo-alerts@thread.tacv2';

const CHANNEL_KEY = 'teams:alerts-channel';

/** Which conversation alert cards go to (null: none configured outside the sandbox). */
function alertsConversationId(configured: string | null, sandbox: boolean): string | null {
  return configured ?? (sandbox ? DEMO_ALERTS_CONVERSATION : null);
}

/** Saves the alerts channel's reference when `activity` comes from it (and it changed). */
async function captureAlertsChannel(store: ConversationRefs, target: string, activity: ActivityOrigin, nowMs: number): Promise<boolean> {
  const serviceUrl = activity.serviceUrl?.replace(/\/+$/, '');
  if (!serviceUrl || !comesFrom(activity, target)) return false;
  const tenantId = activity.conversation?.tenantId ?? activity.channelData?.tenant?.id ?? null;
  const known = await loadTeamsRef(store, CHANNEL_KEY);
  if (known && known.conversationId === target && known.serviceUrl === serviceUrl && known.tenantId === tenantId) return false;
  await saveTeamsRef(store, CHANNEL_KEY, { serviceUrl, conversationId: target, tenantId, activityId: null, refreshUserIds: null }, nowMs);
  return true;
}

/**
 * What Teams lets the bot know about the alerts channel without a message there: whether its reference was captured
 * (the bot installed in the team, or it heard from the channel). Bot Framework has no call that asks whether the bot
 * may post in a channel before that: the service URL every call needs comes only from an activity of that team.
 */
export interface TeamsAlertsChannel {
  readiness(): Promise<{ readonly alertsConversation: string; readonly alertsChannelCaptured: boolean }>;
  /** At start-up: warns when TEAMS_ALERTS_CONVERSATION is set and its reference was never captured. */
  warnIfNotCaptured(): Promise<void>;
}

/** Captures the alerts channel from its activities and adds the Teams alert outlet (when a channel is configured). */
export function registerTeamsAlerts(app: App, surface: SurfaceServices, platform: ChatPlatform<TeamsPlace, TeamsRef>): TeamsAlertsChannel | null {
  const conversationId = alertsConversationId(surface.config.alerts.teamsConversation, surface.config.mode === 'sandbox');
  if (!conversationId) return null;
  const captured = async () => (await loadTeamsRef(surface.conversationRefs, CHANNEL_KEY))?.conversationId === conversationId;
  app.use(async (turn) => {
    try {
      if (await captureAlertsChannel(surface.conversationRefs, conversationId, turn.activity as ActivityOrigin, surface.clock.now())) {
        surface.logger.info({ conversationId }, 'Teams alerts channel captured');
      }
    } catch (err) {
      surface.logger.error({ err }, 'could not keep the Teams alerts channel reference');
    }
    return turn.next();
  });
  surface.alertOutlets.add(chatAlertOutlet(platform, async () => {
    const known = await loadTeamsRef(surface.conversationRefs, CHANNEL_KEY);
    if (known?.conversationId === conversationId) return { serviceUrl: known.serviceUrl, conversationId, tenantId: known.tenantId, refreshUserIds: null };
    surface.logger.warn({ conversationId }, 'an alert was not posted in Teams: install the bot in the alerts channel (TEAMS_ALERTS_CONVERSATION) first');
    return null;
  }));
  return {
    readiness: async () => ({ alertsConversation: conversationId, alertsChannelCaptured: await captured() }),
    warnIfNotCaptured: async () => {
      // The sandbox's demo channel is captured when the demo page first opens: nothing to warn about.
      if (!surface.config.alerts.teamsConversation || (await captured())) return;
      surface.logger.warn({ alertsConversation: conversationId },
        `License Doctor cannot post alerts to the Teams channel ${conversationId} yet: add the app to its team (or mention @License Doctor in that channel once) so its reference is captured; alerts are not posted until then.`);
    },
  };
}
