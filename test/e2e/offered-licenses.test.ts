// The app's Licenses list, through the real stack against the sandbox serving it in each shape: a list that lacks
// the license path 1 needs takes path 1 off the table (diagnosis and plan) with the fix; Okta refuses an unoffered
// value written anyway; with every license offered, path 1 runs as before.
import { DEFAULT_PLAN_OPTIONS } from '../factories/plan-options.ts';
import { OKTA_APP } from '../../src/sandbox/seed.ts';
import { approve, ask } from '../support/request-flow.ts';
import { startSandboxRuntime, type SandboxRuntime } from '../support/test-runtime.ts';
import { clearCalls, sandboxWrites } from '../support/vendor-writes.ts';

jest.setTimeout(60_000);
const ADELE = 'adele.vance@contoso.com';

describe.each(['oneOf', 'enum'] as const)('the sandbox lists license values as %s', (shape) => {
  let rt: SandboxRuntime;
  beforeEach(async () => {
    rt = await startSandboxRuntime({ behaviour: { licenseValueList: shape } });
  });
  afterEach(() => rt.close());

  test('every license offered: path 1 is available and writes the offered value', async () => {
    const { plan } = await rt.services.previewPlan(ADELE, 'okta-owns-licenses', DEFAULT_PLAN_OPTIONS);
    expect(plan.steps[0]?.action).toMatchObject({ kind: 'okta-set-user-licenses', values: ['SPE_E3'] });
  });

  test('the list lacks Microsoft 365 E3: path 1 is not offered nor planned, naming the license and the fix', async () => {
    rt.sandbox.tenant.behaviour.licensesNotOffered = ['SPE_E3'];
    const outcome = await rt.services.diagnose(ADELE);
    if (outcome.kind !== 'diagnosis') throw new Error('expected a diagnosis');
    const remedy = outcome.diagnosis.report.remedies.find((r) => r.id === 'okta-owns-licenses');
    expect(remedy).toMatchObject({ available: false, reason: expect.stringMatching(/does not offer Microsoft 365 E3 \(SPE_E3\).*Refresh application data/) });
    await expect(rt.services.previewPlan(ADELE, 'okta-owns-licenses', DEFAULT_PLAN_OPTIONS)).rejects.toMatchObject({ code: 'usage', message: expect.stringMatching(/Refresh application data/) });
  });
});

test('the sandbox Okta refuses an added value its list does not offer (400 E0000001)', async () => {
  const rt = await startSandboxRuntime({ behaviour: { licensesNotOffered: ['SPE_E3'], enforcesLicenseList: true } });
  try {
    const okta = rt.sandbox.tenant.state.okta;
    const user = okta.users.find((u) => u.login === ADELE);
    if (!user) throw new Error('no seeded Adele');
    await expect(rt.okta.updateAppUserProfile(OKTA_APP.MAIN, user.id, { licenses: ['SPE_E3'] })).rejects.toMatchObject({
      code: 'okta-request-failed', details: { status: 400, vendorCode: 'E0000001' },
    });
  } finally {
    await rt.close();
  }
});

test('the list changed after approval: the execution is refused before its first write, naming the value', async () => {
  const rt = await startSandboxRuntime();
  try {
    const request = await ask(rt.services, { query: ADELE, path: 'okta-owns-licenses' });
    await approve(rt.services, request);
    rt.sandbox.tenant.behaviour.licensesNotOffered = ['SPE_E3'];
    rt.clearCaches();
    clearCalls(rt.sandbox);
    const done = await rt.services.execute(request.id);
    expect(done).toMatchObject({ status: 'failed', outcome: { message: expect.stringMatching(/^Nothing was changed: .* no longer offers SPE_E3 .*Refresh application data/) } });
    expect(sandboxWrites(rt.sandbox)).toEqual([]);
  } finally {
    await rt.close();
  }
});
