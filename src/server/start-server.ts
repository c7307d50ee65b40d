// Builds and starts the HTTP server for a runtime: health, readiness, metrics, the configured chat surfaces, and the
// maintenance loop (expiring requests, running approved ones, resuming plans of crashed instances, purging old alerts).
import { startAuditCheckpoints } from '../app/audit-checkpoint.ts';
import { startScanSchedule } from './scan-schedule-timer.ts';
import type { Runtime } from '../runtime.ts';
import { startHttpServer, type RunningHttpServer } from './http-server.ts';
import { maintenancePass } from './maintenance-pass.ts';
import { createMetrics, type Metrics } from './metrics.ts';
import { permissionsReadiness } from './permissions-readiness.ts';
import type { MountedSurface } from './surface.ts';

export interface RunningServer {
  readonly http: RunningHttpServer;
  readonly metrics: Metrics;
  readonly surfaces: readonly MountedSurface[];
  close(): Promise<void>;
}

export interface StartServerOptions {
  readonly port: number;
  readonly host?: string;
  /** Milliseconds between maintenance passes (0: none, e.g. in tests). Default 15 s. */
  readonly maintenanceIntervalMs?: number;
}

/** The surfaces this configuration enables; each is imported only when used, so start-up stays light. */
async function loadSurfaces(runtime: Runtime): Promise<MountedSurface[]> {
  const surfaces: MountedSurface[] = [];
  if (runtime.config.slack) {
    const { createSlackSurface } = await import('../surfaces/slack/create-slack-surface.ts');
    surfaces.push(await createSlackSurface(runtime.surfaceServices));
  }
  if (runtime.config.teams || runtime.sandbox) {
    const { createTeamsSurface } = await import('../surfaces/teams/create-teams-surface.ts');
    surfaces.push(await createTeamsSurface(runtime.surfaceServices));
  }
  if (runtime.sandbox) {
    // The demo page drives the Teams surface (mounted above in sandbox mode) as a local Teams client.
    const { createDemoSurface } = await import('../surfaces/web/create-demo-surface.ts');
    surfaces.push(await createDemoSurface(runtime.surfaceServices, {
      sandbox: runtime.sandbox, clearCaches: () => runtime.clearCaches(),
      oktaEvents: { openOktaEvents: () => runtime.fleet.openOktaEvents(), diagnose: runtime.diagnoseDeps, alerts: runtime.alerts },
    }));
  }
  if (runtime.config.oktaEventHook || runtime.config.oktaLogPollSeconds) {
    const { createOktaEventsSurface } = await import('../surfaces/okta-events/create-okta-events-surface.ts');
    surfaces.push(await createOktaEventsSurface({
      config: runtime.config, logger: runtime.logger, diagnose: runtime.diagnoseDeps, openOktaEvents: () => runtime.fleet.openOktaEvents(),
      alerts: runtime.alerts, events: runtime.events,
    }));
  }
  return surfaces;
}

/** Starts the server on `options.port`; `close()` stops surfaces, the loop and the server (not the runtime). */
export async function startServer(runtime: Runtime, options: StartServerOptions): Promise<RunningServer> {
  const metrics = createMetrics();
  const surfaces = await loadSurfaces(runtime);
  const permissions = permissionsReadiness(runtime.services);
  const http = await startHttpServer(
    {
      logger: runtime.logger,
      metrics,
      routes: surfaces.flatMap((s) => s.routes),
      readiness: {
        check: async () => {
          const storeOk = await runtime.store.ping().catch(() => false);
          const details: Record<string, unknown> = {
            mode: runtime.config.mode,
            readOnly: runtime.config.readOnly,
            store: storeOk ? 'ok' : 'unreachable',
            // The one work queue Slack, Teams and the demo share: running, waiting, and its bounds.
            work: runtime.services.workload(),
            // Teams activities are accepted without a token with TEAMS_ALLOW_UNAUTHENTICATED, or in sandbox mode without Teams credentials.
            teamsUnauthenticated: (runtime.config.teams?.allowUnauthenticated ?? false) || (runtime.sandbox !== null && !runtime.config.teams?.clientId),
          };
          details.permissions = await permissions().catch((err: unknown) => ({ error: err instanceof Error ? err.message : String(err) }));
          for (const s of surfaces) details[s.name] = await s.readiness().catch((err: unknown) => ({ error: String(err) }));
          return { ready: storeOk, details };
        },
      },
    },
    options.port,
    options.host,
  );
  const started: MountedSurface[] = [];
  let stopFollowing: () => Promise<void>;
  try {
    for (const s of surfaces) {
      await s.start({ url: http.url });
      started.push(s);
    }
    // Changes made by the CLI or other instances refresh this instance's cards too.
    stopFollowing = await runtime.followRemoteEvents();
  } catch (err) {
    // One surface refused to start (e.g. a Slack configuration error), or the store's event channel failed: stop the
    // surfaces already running.
    for (const s of started) await s.stop().catch(() => undefined);
    await http.close();
    throw err;
  }
  runtime.events.subscribe((event) => {
    if (event.type === 'request-changed' && event.remote !== true) metrics.requestChanges.inc({ status: event.request.status });
  });
  const interval = options.maintenanceIntervalMs ?? 15_000;
  let pass: Promise<unknown> = Promise.resolve();
  const timer = interval > 0
    ? setInterval(() => {
        pass = maintenancePass(runtime);
      }, interval)
    : null;
  timer?.unref();
  const scanSchedule = startScanSchedule(runtime);
  const checkpoints = startAuditCheckpoints(runtime.services.deps, runtime.config.audit.checkpointMinutes * 60_000);
  return {
    http,
    metrics,
    surfaces,
    close: async () => {
      if (timer) clearInterval(timer);
      await pass;
      await checkpoints.stop();
      await scanSchedule?.stop();
      await stopFollowing();
      for (const s of surfaces) await s.stop().catch((err: unknown) => runtime.logger.warn({ err, surface: s.name }, 'surface did not stop cleanly'));
      await http.close();
    },
  };
}
