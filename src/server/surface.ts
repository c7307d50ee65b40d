// What a chat surface (Slack, Teams, the sandbox demo page) gives the server: its routes, and a lifecycle.
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
