// Every seeded scenario diagnosed through the real stack: the adapters on the official SDKs talking HTTP to the
// sandbox Graph and Okta servers, the parser and the core — and each report checked against the contract.
import { isLicenseDoctorError } from '../../src/core/errors.ts';
import { SCENARIOS } from '../../src/sandbox/seed.ts';
import { diagnosisReportSchema } from '../support/contract-schemas.ts';
import { startSandboxRuntime, type SandboxRuntime } from '../support/test-runtime.ts';

// The runtime alone (no HTTP server): the sandbox tenant, the adapters and the services.
let rt: SandboxRuntime;
beforeAll(async () => {
  rt = await startSandboxRuntime();
});
afterAll(async () => {
  await rt.close();
});

// The error as Okta's KB article prints it (../shared/seed), with its <username> placeholder.
const kb = 'Could not push profile for Office 365 user <username>, received error: Received response with HTTP status code 400. httpStatusCode=400 errorCode=Request_BadRequest errorMessage="User license is inherited from a group membership and it cannot be removed directly from the user." client-request-id= request-id= timestamp=\'Fri, 06 Jan 2023 04:18:19 GMT\' method=POST';

async function diagnose(query: string) {
  const outcome = await rt.services.diagnose(query);
  if (outcome.kind !== 'diagnosis') throw new Error(`expected a diagnosis, got: ${outcome.message}`);
  return diagnosisReportSchema.parse(outcome.diagnosis.report);
}

describe.each(SCENARIOS.filter((s) => s.verdict !== null).map((s) => [s.userPrincipalName, s] as const))('%s', (_upn, scenario) => {
  test(`gives ${scenario.verdict} (${scenario.title})`, async () => {
    const report = await diagnose(scenario.userPrincipalName);
    expect(report.verdict).toBe(scenario.verdict);
    expect(report.user?.userPrincipalName).toBe(scenario.userPrincipalName);
    expect(report.sandbox).toBe(true);
  });
});

test('the KB error text with a seeded user pasted in resolves to that user, parsedError filled', async () => {
  const report = await diagnose(kb.replace('<username>', 'adele.vance@contoso.com'));
  expect(report.user?.userPrincipalName).toBe('adele.vance@contoso.com');
  expect(report.verdict).toBe('group-inherited-license-conflict');
  expect(report.parsedError).toMatchObject({
    source: 'okta-push', classification: 'group-inherited-license', httpStatus: 400, errorCode: 'Request_BadRequest',
    userPrincipalName: 'adele.vance@contoso.com', timestamp: '2023-01-06T04:18:19.000Z', method: 'POST',
  });
});

test('the KB text as published (no user) is user-not-identified, with parsedError', async () => {
  const report = await diagnose(kb);
  expect(report.verdict).toBe('user-not-identified');
  expect(report.parsedError?.classification).toBe('group-inherited-license');
  expect(report.user).toBeNull();
});

test.each([
  ['an unknown UPN', 'nobody.here@contoso.com'],
  ['an OData injection attempt', "jane@contoso.com' or 1 eq 1"],
  ['a path injection attempt', 'adele.vance@contoso.com/../../groups'],
  ['a UPN with quote, hash and dollar', "o'brien#$x@contoso.com"],
])('%s is user-not-found or unusable, never a crash', async (_what, query) => {
  const outcome = await rt.services.diagnose(query);
  if (outcome.kind === 'diagnosis') expect(['user-not-found', 'user-not-identified']).toContain(outcome.diagnosis.report.verdict);
  else expect(outcome.message).toMatch(/user principal name|error/);
});

test('an unknown object id is user-not-found', async () => {
  expect((await diagnose('00000000-0000-4000-8000-000000000000')).verdict).toBe('user-not-found');
});

test('by Entra object id and by Okta login it is the same person', async () => {
  const byUpn = await diagnose('adele.vance@contoso.com');
  const byId = await diagnose(byUpn.user?.entraObjectId ?? '');
  expect(byId.user).toEqual(byUpn.user);
  expect(byId.verdict).toBe(byUpn.verdict);
});

test('a user assigned to two active Office 365 instances gets a configuration error naming both', async () => {
  const ben = SCENARIOS.find((s) => s.verdict === null)?.userPrincipalName ?? '';
  const err = await rt.services.diagnose(ben).catch((e: unknown) => e);
  expect(isLicenseDoctorError(err, 'configuration')).toBe(true);
  expect(String((err as Error).message)).toMatch(/2 active Office 365 app instances.*OKTA_O365_APP_ID/);
});
