// The sandbox demo chat page (GET /): a local Teams client in the browser. The page sends a persona's messages and
// Action.Execute clicks through the demo backend to POST /api/messages (the Teams surface's own code path) as Bot
// Framework activities whose serviceUrl is the demo connector on this server; what the bot posts and updates there
// streams back to the page, which renders the very Adaptive Cards the Teams surface sends with the official
// renderer. It exists only in sandbox mode.
import { LicenseDoctorError } from '../../core/errors.ts';
import type { MountedRoute } from '../../server/http-server.ts';
import type { RunningSandbox } from '../../sandbox/start-sandbox.ts';
import type { MountedSurface, SurfaceServices } from '../../server/surface.ts';
import { DEMO_APPROVALS_CONVERSATION, TEAMS_MESSAGING_PATH } from '../teams/create-teams-surface.ts';
import { DEMO_ALERTS_CONVERSATION } from '../teams/teams-alerts.ts';
import { demoApiRoutes } from './demo-api.ts';
import { demoPushRoute, type DemoPushDeps } from './demo-push.ts';
import { CONNECTOR_PATH, demoConnectorRoute } from './demo-connector.ts';
import { DemoConversations } from './demo-conversations.ts';
import { demoPlaces } from './demo-places.ts';
import { demoSetup } from './demo-setup.ts';
import { DemoTeamsClient } from './demo-teams-client.ts';
import { EventStreams } from './event-streams.ts';
import { sendJson } from './http-io.ts';
import { resetDemo } from './reset-demo.ts';
import { staticAssets, type StaticAssets } from './static-assets.ts';

/** The sandbox tenant the page demonstrates, and how to forget what the adapters cache about it (after a reset). */
export interface DemoSandbox {
  readonly sandbox: RunningSandbox;
  clearCaches(): void;
  /** What "Push from Okta" polls the System Log with (the Okta events surface's own use case). */
  readonly oktaEvents: Omit<DemoPushDeps, 'logger'>;
}

export interface DemoSurfaceOptions {
  /** The page's files and the renderer (default: found from the working directory). */
  readonly assets?: StaticAssets;
}

/** Builds the demo page over a sandbox tenant; refuses without one (the page must not exist with real credentials). */
export async function createDemoSurface(surface: SurfaceServices, demo: DemoSandbox | null, options: DemoSurfaceOptions = {}): Promise<MountedSurface> {
  const { logger, services } = surface;
  if (!demo) {
    throw new LicenseDoctorError('configuration', 'The demo page exists only in sandbox mode (no Graph or Okta credentials configured).');
  }
  const places = demoPlaces(surface.config.teams?.approvalsConversation ?? DEMO_APPROVALS_CONVERSATION, surface.config.alerts.teamsConversation ?? DEMO_ALERTS_CONVERSATION);
  const push = demoPushRoute({ ...demo.oktaEvents, logger }, demo.sandbox);
  const conversations = new DemoConversations({ onListenerError: (err) => logger.warn({ err }, 'a demo page stream failed; it was closed') });
  const client = new DemoTeamsClient({ conversations, places, messagingPath: TEAMS_MESSAGING_PATH, connectorPath: CONNECTOR_PATH, logger });
  const streams = new EventStreams(conversations);
  const assets = options.assets ?? staticAssets();

  // The bot greets each conversation when it is added there; that happens once a page first looks (not at start-up,
  // so tests that never open the page see no demo traffic), and again after a reset.
  let greeting: Promise<void> | null = null;
  const greet = (): Promise<void> => {
    greeting ??= client.install().catch((err: unknown) => {
      greeting = null;
      logger.warn({ err }, 'the demo could not add the bot to its conversations; the page works without the greetings');
    });
    return greeting;
  };
  let resetting: Promise<{ settled: boolean }> | null = null;
  const reset = (): Promise<{ settled: boolean }> => {
    resetting ??= (async () => {
      try {
        const settled = await resetDemo({ services, sandbox: demo.sandbox, conversations, logger, clearCaches: () => demo.clearCaches(), closeAlerts: () => demo.oktaEvents.alerts.closeOpen(),
          batches: () => surface.batches.service() });
        greeting = null;
        await greet();
        return { settled };
      } finally {
        resetting = null;
      }
    })();
    return resetting;
  };

  const routes: MountedRoute[] = [
    { method: 'GET', path: '/demo/assets/', handler: (req, res) => assets.serveAsset(res, (req.url ?? '').split('?')[0]?.slice('/demo/assets/'.length) ?? '') },
    { method: 'GET', path: '/demo/vendor/adaptivecards.min.js', handler: (_req, res) => assets.serveRenderer(res) },
    { method: 'GET', path: '/demo/api/setup', handler: (_req, res) => sendJson(res, 200, demoSetup(places)) },
    { method: 'GET', path: '/demo/api/conversations', handler: (_req, res) => sendJson(res, 200, { conversations: conversations.snapshot() }) },
    {
      method: 'GET',
      path: '/demo/api/events',
      handler: (req, res) => {
        streams.open(req, res);
        void greet();
      },
    },
    ...demoApiRoutes({ client, conversations, places, reset }),
    push.route,
    demoConnectorRoute(conversations, places),
    // Last: the server treats a path ending in '/' as a prefix, so this route sees every GET nobody else took.
    {
      method: 'GET',
      path: '/',
      handler: (req, res) => ((req.url ?? '/').split('?')[0] === '/' ? assets.serveAsset(res, 'index.html') : sendJson(res, 404, { error: 'not found', path: (req.url ?? '/').split('?')[0] })),
    },
  ];

  return {
    name: 'demo',
    routes,
    start: async ({ url }) => {
      client.connect(url);
    },
    stop: async () => {
      streams.closeAll();
      await greeting;
      await push.close();
    },
    readiness: async () => ({ page: '/', renderer: assets.rendererStatus(), pagesConnected: streams.size, approvalsConversation: places.approvals }),
  };
}
