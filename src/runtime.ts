// What a running License Doctor is made of, as the server and the surfaces see it: main.ts (the composition root)
// builds it from the configuration; nothing else needs to know the concrete classes behind it.
import type { AlertService } from './app/alerts/alert-service.ts';
import type { AlertOutlets } from './app/alerts/alert-outlets.ts';
import type { DiagnoseDeps } from './app/diagnose-user.ts';
import type { RequestEvents } from './app/request-events.ts';
import type { ExecutionSettings } from './app/service-deps.ts';
import type { Services } from './app/services.ts';
import type { Config, LiveTenantConfig } from './config/config.ts';
import type { Clock } from './core/ports/clock.ts';
import type { EntraDirectory } from './core/ports/entra-directory.ts';
import type { OktaOrg } from './core/ports/okta-org.ts';
import type { RequestStore } from './core/ports/request-store.ts';
import type { WorkflowsFlow } from './core/ports/workflows-flow.ts';
import type { Logger } from './logging/create-logger.ts';
import type { OktaEventHooks } from './core/ports/okta-event-hooks.ts';
import type { OktaEvents } from './app/events/okta-events.ts';
import type { ScanRuntime, ScanRuntimeOptions } from './scan-main.ts';
import type { BatchHub } from './app/batch/batch-hub.ts';
import type { BatchService } from './app/batch/batch-service.ts';
import type { RunningSandbox } from './sandbox/start-sandbox.ts';
import type { SurfaceServices } from './server/surface.ts';

export interface Runtime {
  readonly config: Config;
  readonly logger: Logger;
  /** The running sandbox tenant in sandbox mode, else null. */
  readonly sandbox: RunningSandbox | null;
  /** Where Graph and Okta are and how to sign in: the configured tenant, or the sandbox's endpoints in sandbox mode. */
  readonly tenant: LiveTenantConfig;
  readonly entra: EntraDirectory;
  readonly okta: OktaOrg;
  readonly workflows: WorkflowsFlow | null;
  readonly clock: Clock;
  /** What the diagnose use case needs. */
  readonly diagnoseDeps: DiagnoseDeps;
  /** Entra group whose members may approve (the seeded approvers group in sandbox mode unless configured). */
  readonly approversGroupId: string | null;
  readonly store: RequestStore;
  /** Every request change and step progress (surfaces subscribe to update cards). */
  readonly events: RequestEvents;
  /** Publishes on `events` what other processes on the store send (a server does); resolves with the function that stops. */
  followRemoteEvents(): Promise<() => Promise<void>>;
  /** The application services every surface calls. */
  readonly services: Services;
  /** Proactive alerts (the event hook and the poller feed it; its store opens on first use). */
  readonly alerts: AlertService;
  /** Where alert cards go: each chat surface adds its outlet. */
  readonly alertOutlets: AlertOutlets;
  /** Batches for the chat surfaces: the service (opened on first use) and every batch change, for their cards. */
  readonly batches: BatchHub;
  /** What the chat surfaces are given (server/surface.ts): the services, events, conversation references, their config. */
  readonly surfaceServices: SurfaceServices;
  /** The fleet's adapters (scan, event hooks, System Log), built on first use. */
  readonly fleet: FleetFactories;
  /** Forgets what the adapters cache about the tenant (Okta apps and schemas): after the sandbox tenant is reset. */
  clearCaches(): void;
  close(): Promise<void>;
}

export interface RuntimeOptions {
  readonly logger: Logger;
  /** Keep the sandbox tenant in memory instead of the state file (tests). */
  readonly sandboxInMemory?: boolean;
  /** Sees every vendor request (benchmarks count them). */
  readonly onVendorRequest?: (info: { vendor: 'graph' | 'okta'; method: string; url: string }) => void;
  /** Overrides the store URL (tests). */
  readonly databaseUrl?: string;
  /** PostgreSQL only: the schema that holds the store's tables (default `public`; tests isolate themselves with it). */
  readonly databaseSchema?: string;
  /** Overrides execution timing (tests). */
  readonly execution?: Partial<ExecutionSettings>;
  /** Open the store on its first use rather than at start (CLI commands: a diagnosis never opens it). */
  readonly storeOnDemand?: boolean;
  /** Extra identity recorded with every audit entry (the CLI records the operating-system user). */
  readonly auditContext?: Readonly<Record<string, string | null>>;
}

/** Builders for the fleet's adapters; each loads its modules on first use. */
export interface FleetFactories {
  createScanRuntime(options?: ScanRuntimeOptions): Promise<ScanRuntime>;
  /** Okta's event hook API. */
  eventHooks(): Promise<OktaEventHooks>;
  openOktaEvents(): Promise<OktaEvents>;
  /** Batch remediation over the same store, on a connection of its own (the CLI); changes go to `batches` too. */
  openBatches(): Promise<BatchRuntime>;
}

/** Batches: the use cases, and closing their store connection. */
export interface BatchRuntime {
  readonly service: BatchService;
  close(): Promise<void>;
}
