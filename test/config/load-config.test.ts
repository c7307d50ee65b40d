import { loadConfig } from '../../src/config/load-config.ts';
import { describeVariables } from '../../src/config/env-schema.ts';
import { isLicenseDoctorError } from '../../src/core/errors.ts';

const live = {
  GRAPH_ACCESS_TOKEN: 'graph-token-value',
  OKTA_ORG_URL: 'https://acme.okta.com/',
  OKTA_API_TOKEN: 'okta-token-value',
  APPROVERS_GROUP_ID: '0a1b2c3d-1111-2222-3333-444455556666',
};

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (err) {
    if (isLicenseDoctorError(err, 'configuration')) return err.details.problems as string[];
    throw err;
  }
  return [];
}

describe('loadConfig', () => {
  test('no credentials: the sandbox tenant, with every default', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      mode: 'sandbox', tenant: null, port: 3978, readOnly: false, databaseUrl: 'sqlite:./data/license-doctor.sqlite',
      approvals: { groupId: null, approvers: [], requestTtlHours: 24, approvalTtlHours: 4, cliDecisions: true }, slack: null, teams: null, workflows: null,
    });
  });

  test('blank variables count as unset', () => {
    expect(loadConfig({ GRAPH_ACCESS_TOKEN: '  ', OKTA_ORG_URL: '' }).mode).toBe('sandbox');
  });

  test('live credentials: trailing slashes stripped, default Graph URL', () => {
    const c = loadConfig(live);
    expect(c.mode).toBe('live');
    expect(c.tenant).toEqual({
      graph: { baseUrl: 'https://graph.microsoft.com/v1.0', credential: { kind: 'static', token: 'graph-token-value' } },
      okta: { orgUrl: 'https://acme.okta.com', auth: { kind: 'ssws', token: 'okta-token-value' } },
    });
  });

  test('first contact: Graph and Okta credentials alone are a valid live configuration (approvers are checked on request)', () => {
    const c = loadConfig({ ...live, APPROVERS_GROUP_ID: '' });
    expect(c).toMatchObject({ mode: 'live', approvals: { groupId: null, approvers: [] } });
  });

  test('SANDBOX=true forces the sandbox even with credentials', () => {
    expect(loadConfig({ ...live, SANDBOX: 'true' }).mode).toBe('sandbox');
  });

  test.each([
    [{ GRAPH_ACCESS_TOKEN: 't' }, /OKTA_ORG_URL is missing/],
    [{ GRAPH_ACCESS_TOKEN: 't' }, /Okta credentials are missing/],
    [{ OKTA_ORG_URL: 'https://a.okta.com', OKTA_API_TOKEN: 't' }, /Graph credentials are missing/],
    [{ ...live, GRAPH_BASE_URL: 'http://graph.example.com/v1.0' }, /only for loopback hosts/],
    [{ ...live, OKTA_ORG_URL: 'acme.okta.com' }, /must be a full http\(s\) URL/],
    [{ ...live, APPROVERS_GROUP_ID: 'approvers' }, /APPROVERS_GROUP_ID=approvers: must be an Entra object id/],
    [{ ...live, PORT: 'eighty' }, /PORT=eighty: must be a whole number/],
    [{ ...live, READ_ONLY: 'maybe' }, /READ_ONLY=maybe: use true or false/],
    [{ ...live, OKTA_CLIENT_ID: '0oa1' }, /either OKTA_API_TOKEN or OKTA_CLIENT_ID/],
    [{ ...live, OKTA_WORKFLOWS_INVOKE_URL: 'https://acme.workflows.okta.com/api/flo/x/invoke' }, /needs both OKTA_WORKFLOWS_INVOKE_URL and OKTA_WORKFLOWS_CLIENT_TOKEN/],
    [{ ...live, DATABASE_URL: 'sqlite-x' }, /DATABASE_URL \(hidden\): must start with sqlite: or postgres:\/\//],
    [{ ...live, SLACK_BOT_TOKEN: 'xoxb-1' }, /SLACK_SIGNING_SECRET \(HTTP mode/],
    [{ ...live, SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' }, /SLACK_APPROVALS_CHANNEL is missing/],
    [{ ...live, SLACK_SIGNING_SECRET: 's' }, /SLACK_BOT_TOKEN is missing/],
    [{ ...live, TEAMS_CLIENT_ID: 'id', TEAMS_CLIENT_SECRET: 's', TEAMS_ALLOW_UNAUTHENTICATED: 'true' }, /TEAMS_ALLOW_UNAUTHENTICATED=true is refused/],
    [{ ...live, TEAMS_CLIENT_ID: 'id' }, /TEAMS_CLIENT_ID and TEAMS_CLIENT_SECRET together/],
  ])('%j is refused with a fix', (env, message) => {
    expect(problems(env as Record<string, string>).join('\n')).toMatch(message);
  });

  test.each([
    [{ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', SLACK_APPROVALS_CHANNEL: 'C1' }, /SLACK_BOT_TOKEN is set, SLACK_SIGNING_SECRET is set/],
    [{ TEAMS_CLIENT_ID: 'id', TEAMS_CLIENT_SECRET: 's' }, /TEAMS_CLIENT_ID is set, TEAMS_CLIENT_SECRET is set/],
    [{ DATABASE_URL: 'postgres://ld@db:5432/ld' }, /DATABASE_URL is set/],
    [{ NODE_ENV: 'production' }, /NODE_ENV=production/],
  ])('explicit mode: %j without Graph/Okta settings is refused, naming what is missing', (env, seen) => {
    const found = problems(env).join('\n');
    expect(found).toMatch(/Graph and Okta settings are missing \(GRAPH_ACCESS_TOKEN.*OKTA_ORG_URL.*\)/);
    expect(found).toMatch(seen);
    expect(found).toMatch(/SANDBOX=true to run the sandbox on purpose/);
  });

  test('explicit mode: SANDBOX=true runs the sandbox with chat credentials and a database; the default database URL is no sign', () => {
    expect(loadConfig({ SANDBOX: 'true', SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', SLACK_APPROVALS_CHANNEL: 'C1', DATABASE_URL: 'sqlite::memory:', NODE_ENV: 'production' }).mode).toBe('sandbox');
    expect(loadConfig({ DATABASE_URL: 'sqlite:./data/license-doctor.sqlite', NODE_ENV: 'development' }).mode).toBe('sandbox');
    expect(problems({ SANDBOX: 'false' }).join('\n')).toMatch(/Graph credentials are missing/);
  });

  test('the sandbox listens on 127.0.0.1 unless HOST says otherwise; live mode on every interface', () => {
    expect(loadConfig({}).host).toBe('127.0.0.1');
    expect(loadConfig({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
    expect(loadConfig(live).host).toBeNull();
  });

  test('live mode refuses TEAMS_ALLOW_UNAUTHENTICATED unless READ_ONLY=true', () => {
    expect(problems({ ...live, TEAMS_ALLOW_UNAUTHENTICATED: 'true' }).join('\n')).toMatch(/refused in live mode.*READ_ONLY=true/);
    expect(loadConfig({ ...live, TEAMS_ALLOW_UNAUTHENTICATED: 'true', READ_ONLY: 'true' }).teams?.allowUnauthenticated).toBe(true);
    expect(loadConfig({ TEAMS_ALLOW_UNAUTHENTICATED: 'true' }).teams?.allowUnauthenticated).toBe(true);
  });

  test.each([
    ['mysql://u:pw-9f2e@h/db', 'DATABASE_URL=mysql://h/db'],
    ['mysql://u:pw-9f2e@h/db?password=pw-9f2e', 'DATABASE_URL=mysql://h/db'],
    ['oracle://:pw-9f2e@h', 'DATABASE_URL=oracle://h'],
  ])('a malformed DATABASE_URL %s is shown without its user and password', (url, shown) => {
    const found = problems({ ...live, DATABASE_URL: url }).join('\n');
    expect(found).toContain(shown);
    expect(found).not.toContain('pw-9f2e');
  });

  test('URL schemes are case-insensitive: Postgres:// is PostgreSQL, never echoed with its password', () => {
    expect(loadConfig({ ...live, DATABASE_URL: 'Postgres://u:pw-9f2e@h/db' }).databaseUrl).toBe('postgres://u:pw-9f2e@h/db');
    expect(problems({ ...live, DATABASE_URL: 'Postgres://u:pw-9f2e@h/db' })).toEqual([]);
  });

  test('secret variables flagged in the schema are hidden whatever their name', () => {
    const found = problems({ ...live, OKTA_PRIVATE_KEY: 'pem-9f2e' , OKTA_API_TOKEN: 'tok-9f2e', TEAMS_CLIENT_SECRET: 'sec-9f2e' }).join('\n');
    expect(found).not.toMatch(/9f2e/);
  });

  test('SCAN_SCHEDULE: off by default, a five-field cron expression, a bad one refused saying what is wrong', () => {
    expect(loadConfig(live).scan.schedule).toBeNull();
    expect(loadConfig({ ...live, SCAN_SCHEDULE: ' 0 6 * * 1-5 ' }).scan.schedule).toBe('0 6 * * 1-5');
    expect(problems({ ...live, SCAN_SCHEDULE: '0 25 * * *' })).toEqual(['SCAN_SCHEDULE=0 25 * * *: is not a cron expression: hour 25 is outside 0-23.']);
    expect(problems({ ...live, SCAN_SCHEDULE: '@daily' }).join('\n')).toMatch(/SCAN_SCHEDULE=@daily: is not a cron expression: a cron expression has 5 fields/);
  });

  test('ALERT_RETENTION_DAYS: 90 days by default, a whole number of days from 1 to 3650', () => {
    expect(loadConfig(live).alerts.retentionDays).toBe(90);
    expect(loadConfig({ ...live, ALERT_RETENTION_DAYS: '30' }).alerts.retentionDays).toBe(30);
    expect(problems({ ...live, ALERT_RETENTION_DAYS: '0' })).toEqual(['ALERT_RETENTION_DAYS=0: must be between 1 and 3650.']);
    expect(problems({ ...live, ALERT_RETENTION_DAYS: '90d' })[0]).toBe('ALERT_RETENTION_DAYS=90d: must be a whole number.');
  });

  test('every problem is reported at once', () => {
    const found = problems({ GRAPH_ACCESS_TOKEN: 't', PORT: 'x', READ_ONLY: 'maybe', APPROVERS_GROUP_ID: 'nope' });
    expect(found.length).toBeGreaterThanOrEqual(5);
  });

  test('secret values never appear in the messages', () => {
    const found = problems({ ...live, OKTA_API_TOKEN: 'super-secret-okta', OKTA_CLIENT_ID: 'x', SLACK_SIGNING_SECRET: 'slack-secret-value' }).join('\n');
    expect(found).not.toContain('super-secret-okta');
    expect(found).not.toContain('slack-secret-value');
  });

  test('Azure credentials: secret, certificate, managed identity', () => {
    const base = { OKTA_ORG_URL: 'https://a.okta.com', OKTA_API_TOKEN: 't', APPROVERS: 'a@b.com' };
    const t = '6f1c3c1e-2b4d-4c8e-9a51-5d0c0ffee001';
    const c = '11111111-2222-3333-4444-555555555555';
    expect(loadConfig({ ...base, AZURE_TENANT_ID: t, AZURE_CLIENT_ID: c, AZURE_CLIENT_SECRET: 's' }).tenant?.graph.credential.kind).toBe('client-secret');
    expect(loadConfig({ ...base, AZURE_TENANT_ID: t, AZURE_CLIENT_ID: c, AZURE_CLIENT_CERTIFICATE_PATH: '/x.pem' }).tenant?.graph.credential.kind).toBe('client-certificate');
    expect(loadConfig({ ...base, AZURE_CLIENT_ID: c }).tenant?.graph.credential.kind).toBe('managed-identity');
    expect(loadConfig({ ...base, AZURE_CLIENT_ID: c }).approvals.approvers).toEqual(['a@b.com']);
  });

  test('Okta OAuth private key with escaped newlines', () => {
    const c = loadConfig({ GRAPH_ACCESS_TOKEN: 't', OKTA_ORG_URL: 'https://a.okta.com', OKTA_CLIENT_ID: '0oa1', OKTA_PRIVATE_KEY: '-----BEGIN-----\\nabc\\n-----END-----', APPROVERS: 'a@b.com' });
    expect(c.tenant?.okta.auth).toEqual({ kind: 'private-key', clientId: '0oa1', privateKey: '-----BEGIN-----\nabc\n-----END-----', keyId: null });
  });
});

test('every variable is documented with a description and an example', () => {
  const vars = describeVariables();
  expect(vars.length).toBeGreaterThanOrEqual(30);
  for (const v of vars) {
    expect(v.description.length).toBeGreaterThan(10);
    expect(v.example.length).toBeGreaterThan(0);
  }
  expect(vars.filter((v) => v.secret).map((v) => v.name)).toEqual(expect.arrayContaining(['GRAPH_ACCESS_TOKEN', 'OKTA_API_TOKEN', 'SLACK_SIGNING_SECRET', 'TEAMS_CLIENT_SECRET']));
});
