// Which mode runs: the sandbox only on purpose (SANDBOX=true) or when nothing at all is configured. Anything that
// says "this is a real deployment" (a chat credential, a DATABASE_URL of its own, NODE_ENV=production) without Graph
// and Okta settings is a configuration error: a secret store that failed to mount must not turn a production bot into
// a demo with fake data.
import type { Env } from './env-schema.ts';

export const DEFAULT_DATABASE_URL = 'sqlite:./data/license-doctor.sqlite';

const CHAT_CREDENTIALS = ['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'SLACK_APP_TOKEN', 'TEAMS_CLIENT_ID', 'TEAMS_CLIENT_SECRET', 'TEAMS_TENANT_ID'] as const;

export type ModeDecision =
  | { readonly mode: 'sandbox'; readonly why: 'SANDBOX=true' | 'nothing configured' }
  | { readonly mode: 'live' }
  /** Deployment signs without a tenant: `problem` names what is missing and what was seen. */
  | { readonly mode: 'refused'; readonly problem: string };

/** Decides the mode from the parsed variables; `tenantSet` is whether any Graph or Okta setting is present. */
export function deploymentMode(e: Env, tenantSet: boolean, truthy: (v: string | undefined) => boolean): ModeDecision {
  if (truthy(e.SANDBOX)) return { mode: 'sandbox', why: 'SANDBOX=true' };
  if (tenantSet || e.SANDBOX !== undefined) return { mode: 'live' };
  const signs = [
    ...CHAT_CREDENTIALS.filter((name) => e[name] !== undefined).map((name) => `${name} is set`),
    ...(e.DATABASE_URL !== undefined && e.DATABASE_URL !== DEFAULT_DATABASE_URL ? ['DATABASE_URL is set'] : []),
    ...(e.NODE_ENV === 'production' ? ['NODE_ENV=production'] : []),
  ];
  if (signs.length === 0) return { mode: 'sandbox', why: 'nothing configured' };
  return {
    mode: 'refused',
    problem: `Graph and Okta settings are missing (GRAPH_ACCESS_TOKEN or AZURE_TENANT_ID + AZURE_CLIENT_ID + AZURE_CLIENT_SECRET, OKTA_ORG_URL, OKTA_API_TOKEN or OKTA_CLIENT_ID + OKTA_PRIVATE_KEY), but ${signs.join(', ')}: this looks like a real deployment, so License Doctor will not fall back to the sandbox tenant. Set the Graph and Okta settings (is the secret store mounted?), or SANDBOX=true to run the sandbox on purpose.`,
  };
}
