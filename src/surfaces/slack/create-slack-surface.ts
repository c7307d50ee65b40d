// The Slack surface on @slack/bolt 5: HTTP mode on the shared server (POST /slack/events, every request's signature
// verified by Bolt's HTTPReceiver) or Socket Mode (SLACK_APP_TOKEN). Listeners only call the chat flows and render;
// who may do what is decided by the services on every click.
import { App, HTTPReceiver, SocketModeReceiver, webApi, type Logger as BoltLogger } from '@slack/bolt';
import type { SlackConfig } from '../../config/config.ts';
import { LicenseDoctorError } from '../../core/errors.ts';
import type { MountedSurface, SurfaceServices } from '../../server/surface.ts';
import { modeFooterText } from '../chat/mode-footer-text.ts';
import { SlackApproverDms } from './approver-dms.ts';
import { AlertsChannelCheck } from './alerts-channel.ts';
import { boltLogger } from './bolt-logger.ts';
import { checkSlackSetup, slackCheckClient, type SlackIdentity } from './check-slack-setup.ts';
import { slackErrorCode, toSlackError } from './slack-api-error.ts';
import { registerConversationListeners } from './conversation-listeners.ts';
import { registerDecisionListeners } from './decision-listeners.ts';
import { registerPathListeners } from './path-listeners.ts';
import { registerRecheckListener } from './recheck-listener.ts';
import { registerRetryListener } from './retry-listener.ts';
import { registerSlackAlerts } from './slack-alerts.ts';
import { registerAlertBatchListeners, registerBatchListeners } from './batch-listeners.ts';
import { BatchCards } from '../chat/batch-cards.ts';
import { installReplayGuard, SIGNATURE_PROPERTY } from './replay-guard.ts';
import { CardFollower } from '../chat/card-follower.ts';
import { slackPlatform } from './slack-platform.ts';
import { registerScanCommand } from './scan-listeners.ts';
import type { SlackContext } from './slack-context.ts';
import { SlackPeople } from './slack-people.ts';

/** The path Slack posts commands, events and interactivity to (CONTRACT.md "HTTP routes"). */
export const SLACK_EVENTS_PATH = '/slack/events';

/** HTTP on the shared server (signatures verified with the signing secret), or Socket Mode with an app token. */
function createReceiver(config: SlackConfig, logger: BoltLogger, clientOptions: webApi.WebClientOptions): HTTPReceiver | SocketModeReceiver {
  if (config.appToken) return new SocketModeReceiver({ appToken: config.appToken, logger, installerOptions: { clientOptions } });
  if (!config.signingSecret) {
    throw new LicenseDoctorError('configuration', 'SLACK_SIGNING_SECRET is missing: copy the Signing Secret from the Slack app\'s "Basic Information" page (or set SLACK_APP_TOKEN for Socket Mode).');
  }
  return new HTTPReceiver({
    signingSecret: config.signingSecret, endpoints: SLACK_EVENTS_PATH, logger, processBeforeResponse: false,
    // The replay guard remembers each signature it has honoured.
    customPropertiesExtractor: (req) => ({ [SIGNATURE_PROPERTY]: req.headers['x-slack-signature'] ?? null }),
  });
}

/** Builds the Slack app for `surface.config.slack`; `start()` runs the start-up checks and, in Socket Mode, connects. */
export async function createSlackSurface(surface: SurfaceServices): Promise<MountedSurface> {
  const { services, events, conversationRefs, claims, clock } = surface;
  const config = surface.config.slack;
  if (!config) throw new LicenseDoctorError('configuration', 'Slack is not configured: set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (or SLACK_APP_TOKEN).');
  const approvalsChannel = config.approvalsChannel;
  if (!approvalsChannel) {
    throw new LicenseDoctorError('configuration', 'SLACK_APPROVALS_CHANNEL is missing: set it to the id (C...) of the channel where approval cards are posted, and invite the bot there.');
  }
  const logger = boltLogger(surface.logger);
  const clientOptions: webApi.WebClientOptions = {
    slackApiUrl: config.apiUrl,
    timeout: 10_000,
    retryConfig: webApi.retryPolicies.fiveRetriesInFiveMinutes,
  };
  const receiver = createReceiver(config, logger, clientOptions);
  const socket = receiver instanceof SocketModeReceiver ? receiver : null;
  const mode = socket ? 'socket' : 'http';
  const app = new App({ token: config.botToken, receiver, logger, clientOptions, deferInitialization: true, convoStore: false });

  const footer = modeFooterText(surface.config);
  const ctx: SlackContext = {
    footer,
    services,
    client: app.client,
    people: new SlackPeople(app.client, clock),
    cards: new CardFollower({
      platform: slackPlatform({ client: app.client, logger: surface.logger, approvalsChannel, footer }),
      refs: conversationRefs, clock, logger: surface.logger, current: (id) => services.get(id),
    }),
    logger: surface.logger.child({ component: 'slack' }),
    clock,
    approvalsChannel,
    batches: surface.batches,
  };
  const batchCards = new BatchCards({ hub: surface.batches, follower: ctx.cards, claims, clock, logger: ctx.logger, place: async () => ctx.cards.platform.approvalsPlace() });
  installReplayGuard(app, claims, clock, ctx.logger);
  const scans = registerScanCommand(app, ctx, surface.scans);
  registerConversationListeners(app, ctx);
  registerPathListeners(app, ctx);
  registerDecisionListeners(app, ctx);
  registerRecheckListener(app, ctx);
  registerRetryListener(app, ctx);
  registerBatchListeners(app, ctx);
  registerAlertBatchListeners(app, ctx);
  // Start-up checks use a client of their own with short timeouts and few retries (not the app client's five minutes).
  const checkClient = slackCheckClient({ botToken: config.botToken, apiUrl: config.apiUrl, logger });
  const alertsChannel = surface.config.alerts.slackChannel ? new AlertsChannelCheck(checkClient, surface.config.alerts.slackChannel, ctx.logger) : null;
  registerSlackAlerts(surface, ctx.cards.platform, alertsChannel);
  app.error(async (err) => {
    ctx.logger.error({ err }, 'a Slack listener failed');
  });

  const dms = new SlackApproverDms({ client: app.client, services, clock, approvalsChannel, logger: ctx.logger });
  let identity: SlackIdentity | null = null;
  let unsubscribe: (() => void) | null = null;
  let stopDms: (() => void) | null = null;
  let stopBatchCards: (() => void) | null = null;
  return {
    name: 'slack',
    routes: receiver instanceof HTTPReceiver ? [{ method: 'POST', path: SLACK_EVENTS_PATH, handler: (req, res) => receiver.requestListener(req, res) }] : [],
    start: async () => {
      const checked = await checkSlackSetup(checkClient, approvalsChannel);
      await app.init();
      if (socket) {
        await app.start().catch((err: unknown) => {
          const code = slackErrorCode(err);
          throw toSlackError(err, 'apps.connections.open', code
            ? `Slack refused SLACK_APP_TOKEN (${code}): create an app-level token with the connections:write scope under "Basic Information" → "App-Level Tokens", and turn Socket Mode on.`
            : 'Socket Mode could not connect to Slack: check the network and SLACK_API_URL.');
        });
      }
      // A bot not in ALERTS_CHANNEL is a warning (and /readyz says so), never a failed start: it can be invited later.
      await alertsChannel?.check().catch((err: unknown) => ctx.logger.warn({ err }, 'the alerts channel could not be checked'));
      identity = checked;
      unsubscribe = ctx.cards.follow(events);
      stopBatchCards = batchCards.follow();
      stopDms = dms.follow(events);
      ctx.logger.info({ mode, team: checked.team, approvalsChannel: `#${checked.approvalsChannelName}` }, 'Slack surface ready');
    },
    stop: async () => {
      unsubscribe?.();
      stopDms?.();
      stopBatchCards?.();
      await dms.idle();
      await scans.stop();
      await services.idle();
      await ctx.cards.idle();
      await batchCards.idle();
      // Bolt's SocketModeReceiver.stop() does not wait for the close handshake; the client's disconnect() does.
      if (socket && identity) await socket.client.disconnect();
    },
    readiness: async () => ({
      mode,
      ready: identity !== null,
      ...(identity ? { team: identity.team, botUserId: identity.botUserId, approvalsChannel: `#${identity.approvalsChannelName} (${approvalsChannel})` } : {}),
      ...(alertsChannel ? { alertsChannel: alertsChannel.state() } : {}),
    }),
  };
}
