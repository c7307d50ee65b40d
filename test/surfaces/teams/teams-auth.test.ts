// How the Teams surface authenticates activities, for every configuration, table-driven.
import type { Config, TeamsConfig } from '../../../src/config/config.ts';
import { isLicenseDoctorError } from '../../../src/core/errors.ts';
import { teamsAuth } from '../../../src/surfaces/teams/teams-auth.ts';

const teams = (overrides: Partial<TeamsConfig>): TeamsConfig => ({
  clientId: null, clientSecret: null, tenantId: null, approvalsConversation: null, allowUnauthenticated: false, ...overrides,
});
const creds = { clientId: 'app-id', clientSecret: 'secret' };

test.each<[string, Pick<Config, 'mode' | 'teams' | 'readOnly'>, ReturnType<typeof teamsAuth>]>([
  ['credentials: JWT', { mode: 'live', readOnly: false, teams: teams(creds) }, { kind: 'jwt', clientId: 'app-id', clientSecret: 'secret', tenantId: null }],
  ['credentials + tenant', { mode: 'live', readOnly: false, teams: teams({ ...creds, tenantId: 't' }) }, { kind: 'jwt', clientId: 'app-id', clientSecret: 'secret', tenantId: 't' }],
  ['credentials in sandbox mode still: JWT', { mode: 'sandbox', readOnly: false, teams: teams(creds) }, { kind: 'jwt', clientId: 'app-id', clientSecret: 'secret', tenantId: null }],
  ['sandbox without credentials', { mode: 'sandbox', readOnly: false, teams: null }, { kind: 'none', reason: 'sandbox' }],
  ['sandbox with only the approvals conversation', { mode: 'sandbox', readOnly: false, teams: teams({ approvalsConversation: '19:x' }) }, { kind: 'none', reason: 'sandbox' }],
  ['TEAMS_ALLOW_UNAUTHENTICATED in live mode with READ_ONLY', { mode: 'live', readOnly: true, teams: teams({ allowUnauthenticated: true }) }, { kind: 'none', reason: 'TEAMS_ALLOW_UNAUTHENTICATED' }],
  ['TEAMS_ALLOW_UNAUTHENTICATED in sandbox mode', { mode: 'sandbox', readOnly: false, teams: teams({ allowUnauthenticated: true }) }, { kind: 'none', reason: 'TEAMS_ALLOW_UNAUTHENTICATED' }],
])('%s', (_what, config, expected) => {
  expect(teamsAuth(config)).toEqual(expected);
});

test.each<[string, Pick<Config, 'mode' | 'teams' | 'readOnly'>, RegExp]>([
  ['credentials with TEAMS_ALLOW_UNAUTHENTICATED', { mode: 'live', readOnly: false, teams: teams({ ...creds, allowUnauthenticated: true }) }, /TEAMS_ALLOW_UNAUTHENTICATED=true is refused/],
  ['TEAMS_ALLOW_UNAUTHENTICATED in live mode (writes could run)', { mode: 'live', readOnly: false, teams: teams({ allowUnauthenticated: true }) }, /refused in live mode.*READ_ONLY=true/],
  ['a client id without a secret', { mode: 'live', readOnly: false, teams: teams({ clientId: 'app-id' }) }, /TEAMS_CLIENT_ID and TEAMS_CLIENT_SECRET together/],
  ['live mode, no credentials, not allowed', { mode: 'live', readOnly: false, teams: teams({ approvalsConversation: '19:x' }) }, /needs TEAMS_CLIENT_ID and TEAMS_CLIENT_SECRET/],
])('refuses to start: %s', (_what, config, message) => {
  let thrown: unknown;
  try {
    teamsAuth(config);
  } catch (err) {
    thrown = err;
  }
  expect(isLicenseDoctorError(thrown, 'configuration')).toBe(true);
  expect((thrown as Error).message).toMatch(message);
});
