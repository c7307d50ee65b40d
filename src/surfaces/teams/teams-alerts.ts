// Alerts on Teams: the helpdesk channel TEAMS_ALERTS_CONVERSATION (in sandbox mode without it, the demo page's alerts
// channel). Its reference is captured like the approvals channel's (when the bot is installed there or first hears
// from it) and kept in the store; alert cards are posted there and updated in place from any instance.
import type { App } from '@microsoft/teams.apps';
import { z } from 'zod';
import type { AlertOutlet } from '../../app/alerts/alert-outlets.ts';
import type { RequestStore } from '../../core/ports/request-store.ts';
import type { Runtime } from '../../runtime.ts';
import { alertCard } from './alert-card.ts';
import { comesFrom, type ActivityOrigin } from './approvals-channel.ts';
import { loadTeamsRef, saveTeamsRef } from './teams-refs.ts';
import type { TeamsSender } from './teams-sender.ts';

/** The alerts channel of the sandbox demo (the demo page shows this conversation). */
const DEMO_ALERTS_CONVERSATION = '19:license-doctor-demo-alerts@thread.tacv2';

const CHANNEL_KEY = 'teams:alerts-channel';

const cardRef = z.object({ serviceUrl: z.string().min(1), conversationId: z.string().min(1), activityId: z.string().min(1) });

/** Which conversation alert cards go to (null: none configured outside the sandbox). */
function alertsConversationId(configured: string | null, sandbox: boolean): string | null {
  return configured ?? (sandbox ? DEMO_ALERTS_CONVERSATION : null);
}

/** Saves the alerts channel's reference when `activity` comes from it (and it changed). */
async function captureAlertsChannel(store: RequestStore, target: string, activity: ActivityOrigin, nowMs: number): Promise<boolean> {
  const serviceUrl = activity.serviceUrl?.replace(/\/+$/, '');
  if (!serviceUrl || !comesFrom(activity, target)) return false;
  const tenantId = activity.conversation?.tenantId ?? activity.channelData?.tenant?.id ?? null;
  const known = await loadTeamsRef(store, CHANNEL_KEY);
  if (known && known.conversationId === target && known.serviceUrl === serviceUrl && known.tenantId === tenantId) return false;
  await saveTeamsRef(store, CHANNEL_KEY, { serviceUrl, conversationId: target, tenantId, activityId: null, refreshUserIds: null }, nowMs);
  return true;
}

/** The outlet posting to `conversationId` once its reference is captured. */
/** `sender` adds the mode footer. */
function teamsAlertOutlet(runtime: Runtime, sender: TeamsSender, conversationId: string): AlertOutlet {
  const { store, logger } = runtime;
  return {
    surface: 'teams',
    post: async (view) => {
      const channel = await loadTeamsRef(store, CHANNEL_KEY);
      if (!channel || channel.conversationId !== conversationId) {
        logger.warn({ conversationId }, 'an alert was not posted in Teams: install the bot in the alerts channel (TEAMS_ALERTS_CONVERSATION) first');
        return null;
      }
      const to = { serviceUrl: channel.serviceUrl, conversationId };
      const activityId = await sender.postCard(to, alertCard(view), view.headline);
      return { ...to, activityId };
    },
    update: async (ref, view) => {
      const at = cardRef.parse(ref);
      await sender.updateCard(at, at.activityId, alertCard(view), view.headline);
    },
  };
}

/** Captures the alerts channel from its activities and adds the Teams alert outlet (when a channel is configured). */
export function registerTeamsAlerts(app: App, runtime: Runtime, sender: TeamsSender): void {
  const conversationId = alertsConversationId(runtime.config.alerts.teamsConversation, runtime.sandbox !== null);
  if (!conversationId) return;
  app.use(async (turn) => {
    try {
      if (await captureAlertsChannel(runtime.store, conversationId, turn.activity as ActivityOrigin, runtime.clock.now())) {
        runtime.logger.info({ conversationId }, 'Teams alerts channel captured');
      }
    } catch (err) {
      runtime.logger.error({ err }, 'could not keep the Teams alerts channel reference');
    }
    return turn.next();
  });
  runtime.alertOutlets.add(teamsAlertOutlet(runtime, sender, conversationId));
}
