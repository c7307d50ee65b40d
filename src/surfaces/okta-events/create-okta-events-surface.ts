// The Okta event hook on the shared server (OKTA_EVENT_HOOK_SECRET set): /okta/events, with its event receipts in the
// store. Each new push failure of an Office 365 app user is diagnosed; the outcome is logged (alerts follow it).
import { openStoreEngine } from '../../adapters/store/create-request-store.ts';
import { KyselyEventReceipts } from '../../adapters/store/kysely-event-receipts.ts';
import { createScanStore } from '../../adapters/store/kysely-scan-store.ts';
import { handlePushFailureEvents } from '../../app/events/handle-push-failure-events.ts';
import type { Runtime } from '../../main.ts';
import type { MountedSurface } from '../../server/surface.ts';
import { createOktaEventRoutes } from './okta-event-routes.ts';

/** The event hook surface for `secret`; its store connection closes when the surface stops. */
export async function createOktaEventsSurface(runtime: Runtime, secret: string): Promise<MountedSurface> {
  const engine = openStoreEngine(runtime.config.databaseUrl);
  // Migrates the store's schema (the same migrations as the request store; a no-op when already done).
  await createScanStore(engine);
  const receipts = new KyselyEventReceipts(engine);
  const hook = createOktaEventRoutes({
    secret,
    handle: (events) => handlePushFailureEvents({ diagnose: runtime.diagnoseDeps, receipts, logger: runtime.logger, onDiagnosis: () => undefined }, events),
    onError: (err) => runtime.logger.error({ err }, 'an Okta event delivery could not be processed'),
  });
  return {
    name: 'okta-events',
    routes: hook.routes,
    start: async () => undefined,
    stop: async () => {
      await hook.idle();
      await engine.close();
    },
    readiness: async () => ({ eventHook: 'enabled' }),
  };
}
