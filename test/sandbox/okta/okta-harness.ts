// Starts the sandbox Okta server (and a Graph stand-in for its pushes) on a fresh seeded tenant for a test.
import type { OAuthClientRegistration } from '../../../src/sandbox/okta/oauth-token-route.ts';
import { startOktaSandbox, type RunningOktaSandbox } from '../../../src/sandbox/okta/start-okta-sandbox.ts';
import type { SandboxState } from '../../../src/sandbox/state.ts';
import { SandboxTenant, type SandboxBehaviour } from '../../../src/sandbox/tenant.ts';
import { startGraphStandIn, type GraphStandIn } from './graph-stand-in.ts';

export const OKTA_TOKEN = 'okta-test-token';
const GRAPH_TOKEN = 'graph-test-token';

export interface OktaHarness {
  readonly tenant: SandboxTenant;
  readonly okta: RunningOktaSandbox;
  readonly graph: GraphStandIn;
  /** fetch against the Okta server with the SSWS token (unless `headers` replace it). */
  call(path: string, init?: RequestInit): Promise<Response>;
  /** The JSON body of a call. */
  json<T = unknown>(path: string, init?: RequestInit): Promise<{ status: number; headers: Headers; body: T }>;
  close(): Promise<void>;
}

export async function startOktaHarness(options: {
  behaviour?: Partial<SandboxBehaviour>;
  prepare?: (state: SandboxState) => void;
  oauthClients?: OAuthClientRegistration[];
  now?: () => Date;
} = {}): Promise<OktaHarness> {
  const tenant = new SandboxTenant({ behaviour: { pushDelayMs: 5, ...options.behaviour }, ...(options.now ? { now: options.now } : {}) });
  options.prepare?.(tenant.state);
  const graph = await startGraphStandIn(tenant, GRAPH_TOKEN);
  const okta = await startOktaSandbox({
    tenant,
    token: OKTA_TOKEN,
    graph: { baseUrl: graph.baseUrl, token: GRAPH_TOKEN },
    ...(options.oauthClients ? { oauthClients: options.oauthClients } : {}),
  });
  const call = (path: string, init: RequestInit = {}) =>
    fetch(path.startsWith('http') ? path : `${okta.url}${path}`, {
      ...init,
      headers: { Authorization: `SSWS ${OKTA_TOKEN}`, Accept: 'application/json', 'Content-Type': 'application/json', ...(init.headers as Record<string, string> | undefined) },
    });
  return {
    tenant,
    okta,
    graph,
    call,
    json: async <T>(path: string, init?: RequestInit) => {
      const res = await call(path, init);
      const text = await res.text();
      return { status: res.status, headers: res.headers, body: (text === '' ? null : JSON.parse(text)) as T };
    },
    close: async () => {
      await okta.close();
      await graph.close();
    },
  };
}

/** The URL of the rel="next" link of a Link header, or null. */
export function nextLink(link: string | null): string | null {
  return /<([^>]+)>;\s*rel="next"/.exec(link ?? '')?.[1] ?? null;
}
