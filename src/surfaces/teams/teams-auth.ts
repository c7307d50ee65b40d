// How incoming Teams activities are authenticated: the Bot Framework JWT whenever Teams credentials are configured;
// without a token only in sandbox mode or with TEAMS_ALLOW_UNAUTHENTICATED=true (local tools such as Microsoft 365
// Agents Playground, and in live mode only with READ_ONLY=true). Credentials together with TEAMS_ALLOW_UNAUTHENTICATED
// refuse to start.
import type { Config } from '../../config/config.ts';
import { LicenseDoctorError } from '../../core/errors.ts';

export type TeamsAuth =
  | { readonly kind: 'jwt'; readonly clientId: string; readonly clientSecret: string; readonly tenantId: string | null }
  | { readonly kind: 'none'; readonly reason: 'sandbox' | 'TEAMS_ALLOW_UNAUTHENTICATED' };

/** The authentication `config` asks for; throws a configuration error for an unsafe or incomplete one. */
export function teamsAuth(config: Pick<Config, 'mode' | 'teams' | 'readOnly'>): TeamsAuth {
  const teams = config.teams;
  const { clientId, clientSecret, tenantId } = teams ?? { clientId: null, clientSecret: null, tenantId: null };
  if (clientId || clientSecret) {
    if (teams?.allowUnauthenticated) {
      throw new LicenseDoctorError('configuration', 'TEAMS_ALLOW_UNAUTHENTICATED=true is refused while Teams credentials are set: unset it (it is only for local tools such as Microsoft 365 Agents Playground).');
    }
    if (!clientId || !clientSecret) {
      throw new LicenseDoctorError('configuration', 'Teams needs TEAMS_CLIENT_ID and TEAMS_CLIENT_SECRET together (the bot\'s Entra app registration).');
    }
    return { kind: 'jwt', clientId, clientSecret, tenantId };
  }
  if (teams?.allowUnauthenticated) {
    // Without a token anyone who reaches the route can claim an approver's aadObjectId: never where writes can run.
    if (config.mode === 'live' && !config.readOnly) {
      throw new LicenseDoctorError('configuration', 'TEAMS_ALLOW_UNAUTHENTICATED=true is refused in live mode: anyone who reaches /api/messages could act as any approver. Configure TEAMS_CLIENT_ID and TEAMS_CLIENT_SECRET, or set READ_ONLY=true.');
    }
    return { kind: 'none', reason: 'TEAMS_ALLOW_UNAUTHENTICATED' };
  }
  if (config.mode === 'sandbox') return { kind: 'none', reason: 'sandbox' };
  throw new LicenseDoctorError(
    'configuration',
    'Teams needs TEAMS_CLIENT_ID and TEAMS_CLIENT_SECRET (the bot\'s Entra app registration) to check that activities come from Teams; for a local tool such as Microsoft 365 Agents Playground set TEAMS_ALLOW_UNAUTHENTICATED=true instead.',
  );
}
