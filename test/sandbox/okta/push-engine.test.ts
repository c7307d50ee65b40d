import { OKTA_APP, SKU, seededEntraId, seededOktaUserId } from '../../../src/sandbox/seed.ts';
import type { SandboxLogEvent } from '../../../src/sandbox/state.ts';
import { startOktaHarness, type OktaHarness } from './okta-harness.ts';

type Json = Record<string, unknown>;
const INHERITED = 'User license is inherited from a group membership and it cannot be removed directly from the user.';

let h: OktaHarness;
afterEach(() => h.close());

const appUser = (n: number, appId: string = OKTA_APP.MAIN) => h.tenant.state.okta.apps.find((a) => a.id === appId)?.appUsers.find((u) => u.userId === seededOktaUserId(n));
const entraUser = (n: number) => h.tenant.state.graph.users.find((u) => u.id === seededEntraId(n));
const post = (n: number, profile: Json, appId: string = OKTA_APP.MAIN) =>
  h.json<Json>(`/api/v1/apps/${appId}/users/${seededOktaUserId(n)}`, { method: 'POST', body: JSON.stringify({ profile }) });
const eventsFor = (n: number): SandboxLogEvent[] =>
  h.tenant.state.okta.logs.filter((e) => (e.target as Json[] | undefined)?.some((t) => t.id === seededOktaUserId(n)));
const assignCalls = () => h.graph.calls.filter((c) => c.path.endsWith('/assignLicense'));

describe('push engine', () => {
  it('pushes a changed profile: SYNCING, then assignLicense with the difference, SYNCHRONIZED and a SUCCESS event', async () => {
    h = await startOktaHarness();
    const before = eventsFor(9).length;
    const res = await post(9, { ...appUser(9)?.profile, licenses: ['SPE_E3'] });
    expect(res.body.syncState).toBe('SYNCING');
    await h.okta.idle();
    expect(assignCalls().map((c) => c.body)).toEqual([{ addLicenses: [], removeLicenses: [SKU.VISIOCLIENT] }]);
    expect(h.graph.calls[0]?.path).toBe(`/v1.0/users/${seededEntraId(9)}`);
    expect(entraUser(9)?.directLicenses.map((l) => l.skuId)).toEqual([SKU.SPE_E3]);
    expect(appUser(9)).toMatchObject({ syncState: 'SYNCHRONIZED', lastSync: expect.any(String) });
    const events = eventsFor(9);
    expect(events).toHaveLength(before + 1);
    expect(events[0]).toMatchObject({ eventType: 'application.provision.user.push_profile', outcome: { result: 'SUCCESS' } });
  });

  it('records the inherited-license failure in syncState and the System Log, with Graph\'s text and request ids', async () => {
    h = await startOktaHarness();
    await post(1, { ...appUser(1)?.profile });
    await h.okta.idle();
    expect(assignCalls().map((c) => c.body)).toEqual([{ addLicenses: [], removeLicenses: [SKU.SPE_E3] }]);
    expect(appUser(1)?.syncState).toBe('ERROR');
    const [latest] = eventsFor(1);
    expect(latest).toMatchObject({ eventType: 'app.office365.api.error.push.profile', outcome: { result: 'FAILURE' } });
    expect(String((latest?.outcome as Json).reason)).toBe(`Request_BadRequest: ${INHERITED}`);
    // The whole dashboard text (longer than outcome.reason's 255 characters) is in the debug data.
    const text = String(((latest?.debugContext as Json).debugData as Json).details);
    expect(text).toContain(`errorMessage="${INHERITED}"`);
    expect(text).toContain('httpStatusCode=400 errorCode=Request_BadRequest');
    expect(text).toMatch(/client-request-id=[0-9a-f-]{36} request-id=req-\w+/);
  });

  it.each([
    [true, 1],
    [false, 0],
  ])('with pushesUnchangedProfile %s, an unchanged profile makes %i push(es)', async (pushes, calls) => {
    h = await startOktaHarness({ behaviour: { pushesUnchangedProfile: pushes } });
    const events = eventsFor(1).length;
    const res = await post(1, { ...appUser(1)?.profile });
    expect(res.body.syncState).toBe(pushes ? 'SYNCING' : 'ERROR');
    await h.okta.idle();
    expect(assignCalls()).toHaveLength(calls);
    expect(eventsFor(1)).toHaveLength(events + calls);
  });

  it('keeps a GROUP-scoped app user GROUP-scoped on an unchanged POST and makes it USER-scoped on a changed one', async () => {
    h = await startOktaHarness();
    const profile = { ...appUser(13)?.profile };
    await post(13, profile);
    await h.okta.idle();
    expect(appUser(13)).toMatchObject({ scope: 'GROUP', syncState: 'ERROR' });
    // Okta now also holds the E3 the Entra group gives: nothing to change, so no assignLicense call.
    const calls = assignCalls().length;
    await post(13, { ...profile, licenses: ['ENTERPRISEPACK', 'SPE_E3'] });
    await h.okta.idle();
    expect(appUser(13)).toMatchObject({ scope: 'USER', syncState: 'SYNCHRONIZED' });
    expect(assignCalls()).toHaveLength(calls);
  });

  it('enables only the named plans for PART:PLAN values', async () => {
    h = await startOktaHarness();
    await post(9, { ...appUser(9)?.profile, licenses: ['SPE_E3:EXCHANGE_S_ENTERPRISE', 'SPE_E3:TEAMS1', 'VISIOCLIENT'] });
    await h.okta.idle();
    const sku = h.tenant.state.graph.skus.find((s) => s.skuId === SKU.SPE_E3);
    const disabled = sku?.servicePlans.filter((p) => !['EXCHANGE_S_ENTERPRISE', 'TEAMS1'].includes(p.servicePlanName)).map((p) => p.servicePlanId);
    expect(assignCalls().map((c) => c.body)).toEqual([{ addLicenses: [{ skuId: SKU.SPE_E3, disabledPlans: disabled }], removeLicenses: [] }]);
    expect(appUser(9)?.syncState).toBe('SYNCHRONIZED');
  });

  it('fails without calling assignLicense when a license value matches no subscribed SKU', async () => {
    h = await startOktaHarness();
    await post(9, { ...appUser(9)?.profile, licenses: ['SPE_E3', 'SPE_E9'] });
    await h.okta.idle();
    expect(h.graph.calls).toEqual([]);
    expect(appUser(9)?.syncState).toBe('ERROR');
    expect(String((eventsFor(9)[0]?.outcome as Json).reason)).toContain("No license found for value 'SPE_E9'");
  });

  it('pushes nothing while provisioning is off', async () => {
    h = await startOktaHarness();
    const res = await post(12, { ...appUser(12, OKTA_APP.CONTRACTORS)?.profile, licenses: ['SPE_E3'] }, OKTA_APP.CONTRACTORS);
    expect(res.body.syncState).toBe('SYNCHRONIZED');
    expect((await h.call(`/api/v1/apps/${OKTA_APP.MAIN}/connections/default/lifecycle/deactivate`, { method: 'POST' })).status).toBe(204);
    await post(9, { ...appUser(9)?.profile, licenses: [] });
    await h.okta.idle();
    expect(h.graph.calls).toEqual([]);
    expect(appUser(9)?.syncState).toBe('SYNCHRONIZED');
    expect(appUser(9)?.profile.licenses).toEqual([]);
  });

  it('cancels a waiting push when the server closes, leaving the app user OUT_OF_SYNC', async () => {
    h = await startOktaHarness({ behaviour: { pushDelayMs: 60_000 } });
    await post(9, { ...appUser(9)?.profile, licenses: ['SPE_E3'] });
    expect(appUser(9)?.syncState).toBe('SYNCING');
    await h.okta.close();
    await h.okta.idle();
    expect(appUser(9)?.syncState).toBe('OUT_OF_SYNC');
    expect(h.graph.calls).toEqual([]);
  });
});
