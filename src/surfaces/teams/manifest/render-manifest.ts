// The Teams app manifest template (manifest/teams/manifest.json) has {{NAME}} placeholders; the package script fills
// them from the environment. Pure: values in, manifest out.
import { LicenseDoctorError } from '../../../core/errors.ts';

/** The placeholders the template may use, each filled from the environment variable of the same name. */
export const MANIFEST_VARIABLES = [
  'TEAMS_CLIENT_ID', 'TEAMS_BOT_DOMAIN', 'TEAMS_APP_VERSION', 'TEAMS_DEVELOPER_NAME', 'TEAMS_DEVELOPER_URL', 'TEAMS_PRIVACY_URL', 'TEAMS_TERMS_URL',
] as const;

export type ManifestVariable = (typeof MANIFEST_VARIABLES)[number];

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PLACEHOLDER = /\{\{([A-Z0-9_]+)\}\}/g;

/**
 * The placeholder values from `env`: the bot's client id and public host name are required; the version defaults to
 * `packageVersion`, the developer links to the bot's host. Throws one configuration error naming every problem.
 */
export function manifestValues(env: Readonly<Record<string, string | undefined>>, packageVersion: string): Record<ManifestVariable, string> {
  const problems: string[] = [];
  const clientId = env.TEAMS_CLIENT_ID?.trim() ?? '';
  if (!GUID.test(clientId)) problems.push('TEAMS_CLIENT_ID must be the bot\'s Entra application (client) id, a GUID.');
  const domain = (env.TEAMS_BOT_DOMAIN ?? '').trim().replace(/^https?:\/\//i, '').replace(/[/?#].*$/, '');
  if (!/^[a-z0-9.-]+(:\d+)?$/i.test(domain)) problems.push('TEAMS_BOT_DOMAIN must be the public host name the bot is served on, e.g. license-doctor.contoso.com.');
  const version = env.TEAMS_APP_VERSION?.trim() || packageVersion;
  if (!/^\d+\.\d+\.\d+$/.test(version)) problems.push('TEAMS_APP_VERSION must look like 1.2.3.');
  if (problems.length > 0) {
    throw new LicenseDoctorError('configuration', `Cannot build the Teams app package:\n  - ${problems.join('\n  - ')}`);
  }
  const site = `https://${domain}/`;
  return {
    TEAMS_CLIENT_ID: clientId.toLowerCase(),
    TEAMS_BOT_DOMAIN: domain,
    TEAMS_APP_VERSION: version,
    TEAMS_DEVELOPER_NAME: env.TEAMS_DEVELOPER_NAME?.trim() || 'IT Helpdesk',
    TEAMS_DEVELOPER_URL: env.TEAMS_DEVELOPER_URL?.trim() || site,
    TEAMS_PRIVACY_URL: env.TEAMS_PRIVACY_URL?.trim() || site,
    TEAMS_TERMS_URL: env.TEAMS_TERMS_URL?.trim() || site,
  };
}

/** The manifest with every placeholder of `template` filled (JSON-escaped); throws on an unknown placeholder. */
export function renderManifest(template: string, values: Readonly<Record<ManifestVariable, string>>): Record<string, unknown> {
  const unknown = new Set<string>();
  const filled = template.replace(PLACEHOLDER, (whole, name: string) => {
    if (!(MANIFEST_VARIABLES as readonly string[]).includes(name)) {
      unknown.add(name);
      return whole;
    }
    return JSON.stringify(values[name as ManifestVariable]).slice(1, -1);
  });
  if (unknown.size > 0) throw new LicenseDoctorError('configuration', `The Teams manifest template uses unknown placeholders: ${[...unknown].join(', ')}.`);
  return JSON.parse(filled) as Record<string, unknown>;
}
