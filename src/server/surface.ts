// What a chat surface (Slack, Teams, the sandbox demo page) gives the server: its routes, and a lifecycle; and what the
// server gives it (SurfaceServices, built by main.ts): the services it calls and the little it needs beside them —
// never the Runtime, the store or the adapters.
import type { AlertOutlets } from '../app/alerts/alert-outlets.ts';
import type { BatchHub } from '../app/batch/batch-hub.ts';
import type { RequestEvents } from '../app/request-events.ts';
import type { ScanOnDemandInput, ScanOnDemandOutcome } from '../app/scan/scan-on-demand.ts';
import type { ChatServices } from '../app/services.ts';
import type { Config } from '../config/config.ts';
import type { Clock } from '../core/ports/clock.ts';
import type { ConversationRefs } from '../core/ports/conversation-refs.ts';
import type { RequestStore } from '../core/ports/request-store.ts';
import type { Logger } from '../logging/create-logger.ts';
import type { MountedRoute } from './http-server.ts';

export interface MountedSurface {
  readonly name: 'slack' | 'teams' | 'demo' | 'okta-events';
  /** Routes on the shared server (e.g. POST /slack/events, POST /api/messages, GET /). */
  readonly routes: readonly MountedRoute[];
  /** Called once the server listens (e.g. Socket Mode connects, start-up checks run); throws on a configuration error. */
  start(context: { readonly url: string }): Promise<void>;
  stop(): Promise<void>;
  /** What /readyz shows about this surface. */
  readiness(): Promise<Record<string, unknown>>;
}

/** The configuration a chat surface reads: the mode (its footer), READ_ONLY, its own platform's settings, alert channels. */
export type SurfaceConfig = Pick<Config, 'mode' | 'readOnly' | 'slack' | 'teams' | 'alerts'>;

/** Runs a fleet scan for a person in chat: app/scan/scan-on-demand.ts over the fleet's adapters (main.ts opens them). */
export interface ChatScans {
  run(input: Omit<ScanOnDemandInput, 'open'>): Promise<ScanOnDemandOutcome>;
}

/** What a chat surface is given. */
export interface SurfaceServices {
  /** The use cases (diagnose, preview, request, decide, re-check, retry, who may do what, notices). */
  readonly services: ChatServices;
  /** Every request change and step progress (cards follow them). */
  readonly events: Pick<RequestEvents, 'subscribe'>;
  /** Where posted cards and known conversations are (any instance can update a card). */
  readonly conversationRefs: ConversationRefs;
  /** Claims every instance shares (Slack's replay guard runs a delivery once; a batch card is posted once). */
  readonly claims: Pick<RequestStore, 'claimOnce' | 'claimNotice'>;
  /** Where alert cards go: a surface adds its outlet. */
  readonly alertOutlets: Pick<AlertOutlets, 'add'>;
  /** Fleet scans asked for in chat (the CLI's scan, one at a time across instances). */
  readonly scans: ChatScans;
  /** Batches: the service (opened on first use) and every batch change, for their cards. */
  readonly batches: BatchHub;
  readonly config: SurfaceConfig;
  readonly logger: Logger;
  readonly clock: Clock;
}
