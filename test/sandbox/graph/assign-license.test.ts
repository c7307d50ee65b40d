import { GROUP, SKU, seededEntraId } from '../../../src/sandbox/seed.ts';
import { graphErrorOf, startTestGraph, type TestGraph } from './graph-test-server.ts';

const clock = { t: Date.parse('2026-03-02T09:00:00Z') };
let graph: TestGraph;

beforeAll(async () => {
  graph = await startTestGraph({ now: () => new Date(clock.t), behaviour: { groupLicensingDelayMs: 0 } });
});
afterAll(() => graph.close());
beforeEach(() => {
  graph.tenant.reset();
  graph.tenant.behaviour.acceptsDirectAssignmentOfInheritedSku = true;
});

type State = { skuId: string; assignedByGroup: string | null; state: string };
const assign = (n: number, body: unknown) => graph.call('POST', `/users/${seededEntraId(n)}/assignLicense`, { body });
const states = async (n: number): Promise<State[]> =>
  ((await graph.call('GET', `/users/${seededEntraId(n)}?$select=licenseAssignmentStates`)).body as { licenseAssignmentStates: State[] }).licenseAssignmentStates;
const lic = (skuId: string) => ({ skuId, disabledPlans: [] });
const UNKNOWN_SKU = '00000000-1111-4222-8333-444444444444';

describe('POST /users/{id}/assignLicense refusals (400, texts as Graph)', () => {
  it.each([
    ['removing a license the user only inherits', 1, { addLicenses: [], removeLicenses: [SKU.SPE_E3] }, 'Request_BadRequest',
      'User license is inherited from a group membership and it cannot be removed directly from the user.'],
    ['removing a license the user lacks', 1, { addLicenses: [], removeLicenses: [SKU.VISIOCLIENT] }, 'Request_BadRequest',
      'User does not have a corresponding license.'],
    ['a SKU the tenant does not subscribe to', 1, { addLicenses: [lic(UNKNOWN_SKU)], removeLicenses: [] }, 'Request_BadRequest',
      `License ${UNKNOWN_SKU} does not correspond to a valid company License.`],
    ['adding without a usage location', 14, { addLicenses: [lic(SKU.SPE_E3)], removeLicenses: [] }, 'Request_BadRequest',
      'License assignment cannot be done for user with invalid usage location.'],
    ['adding beyond the free seats', 1, { addLicenses: [lic(SKU.POWER_BI_PRO)], removeLicenses: [] }, 'Request_BadRequest',
      expect.stringContaining('does not have any available licenses')],
    ['a malformed GUID', 1, { addLicenses: [lic('not-a-guid')], removeLicenses: [] }, 'BadRequest',
      expect.stringMatching(/^Cannot convert a primitive value to the expected type 'Edm.Guid'/)],
    ['removeLicenses missing', 1, { addLicenses: [lic(SKU.SPE_E3)] }, 'Request_BadRequest',
      "One or more parameters of the operation 'assignLicense' are missing from the request payload. The missing parameters are: removeLicenses."],
    ['addLicenses null', 1, { addLicenses: null, removeLicenses: [] }, 'Request_BadRequest',
      "One or more parameters of the operation 'assignLicense' are missing from the request payload. The missing parameters are: addLicenses."],
  ])('%s', async (_label, n, body, code, message) => {
    const before = await states(n);
    const reply = await assign(n, body);
    expect(reply.status).toBe(400);
    expect(graphErrorOf(reply)).toMatchObject({ code, message });
    expect(await states(n)).toEqual(before);
  });

  it('changes nothing when one item of the request is refused', async () => {
    const reply = await assign(9, { addLicenses: [lic(SKU.EMS)], removeLicenses: [SKU.VISIOCLIENT, SKU.POWER_BI_PRO] });
    expect(reply.status).toBe(400);
    expect((await states(9)).map((s) => s.skuId)).toEqual([SKU.SPE_E3, SKU.VISIOCLIENT]);
  });
});

describe('POST /users/{id}/assignLicense changes', () => {
  it('answers 200 with the user and adds a direct path', async () => {
    const reply = await assign(1, { addLicenses: [{ skuId: SKU.EMS.toUpperCase(), disabledPlans: [] }], removeLicenses: [] });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ '@odata.context': `${graph.server.baseUrl}/$metadata#users/$entity`, id: seededEntraId(1) });
    expect(await states(1)).toContainEqual(expect.objectContaining({ skuId: SKU.EMS, assignedByGroup: null, state: 'Active' }));
  });

  it('removing a license that is both direct and inherited removes only the direct path', async () => {
    expect((await assign(7, { addLicenses: [], removeLicenses: [SKU.SPE_E3] })).status).toBe(200);
    expect(await states(7)).toEqual([expect.objectContaining({ skuId: SKU.SPE_E3, assignedByGroup: GROUP.E3 })]);
  });

  it('accepts a direct assignment of an inherited SKU when the sandbox is set to (the default)', async () => {
    expect((await assign(1, { addLicenses: [lic(SKU.SPE_E3)], removeLicenses: [] })).status).toBe(200);
    expect((await states(1)).map((s) => s.assignedByGroup)).toEqual([null, GROUP.E3]);
  });

  it('refuses a direct assignment of an inherited SKU when the sandbox is set to, with a message that says so', async () => {
    graph.tenant.behaviour.acceptsDirectAssignmentOfInheritedSku = false;
    const reply = await assign(1, { addLicenses: [lic(SKU.SPE_E3)], removeLicenses: [] });
    expect(reply.status).toBe(400);
    expect(graphErrorOf(reply).message).toMatch(/^\[sandbox\].*inherited/);
  });

  it('replaces the disabled plans of an existing direct license', async () => {
    const plan = '57ff2da0-773e-42df-b2af-ffb7a2317929';
    expect((await assign(9, { addLicenses: [{ skuId: SKU.SPE_E3, disabledPlans: [plan] }], removeLicenses: [] })).status).toBe(200);
    const body = (await graph.call('GET', `/users/${seededEntraId(9)}?$select=assignedLicenses`)).body as { assignedLicenses: unknown[] };
    expect(body.assignedLicenses).toContainEqual({ skuId: SKU.SPE_E3, disabledPlans: [plan] });
  });

  it('frees a seat that a later assignment can take (consumedUnits follow the assignments)', async () => {
    const consumed = async () =>
      ((await graph.call('GET', '/subscribedSkus')).body as { value: Array<{ skuId: string; consumedUnits: number }> }).value.find((s) => s.skuId === SKU.POWER_BI_PRO)?.consumedUnits;
    expect(await consumed()).toBe(2);
    expect((await assign(32, { addLicenses: [], removeLicenses: [SKU.POWER_BI_PRO] })).status).toBe(200);
    expect(await consumed()).toBe(1);
    expect((await assign(1, { addLicenses: [lic(SKU.POWER_BI_PRO)], removeLicenses: [] })).status).toBe(200);
    expect(await consumed()).toBe(2);
  });
});

describe('POST /groups/{id}/assignLicense', () => {
  it('answers 202 with the group and changes every member inherited path', async () => {
    const reply = await graph.call('POST', `/groups/${GROUP.E3}/assignLicense`, { body: { addLicenses: [lic(SKU.EMS)], removeLicenses: [SKU.SPE_E3] } });
    expect(reply.status).toBe(202);
    expect(reply.body).toMatchObject({ id: GROUP.E3, '@odata.context': `${graph.server.baseUrl}/$metadata#groups/$entity` });
    for (const n of [1, 2, 30]) {
      expect((await states(n)).filter((s) => s.assignedByGroup === GROUP.E3).map((s) => s.skuId)).toEqual([SKU.EMS]);
    }
  });

  it('refuses a SKU the tenant does not subscribe to', async () => {
    const reply = await graph.call('POST', `/groups/${GROUP.E3}/assignLicense`, { body: { addLicenses: [lic(UNKNOWN_SKU)], removeLicenses: [] } });
    expect(graphErrorOf(reply).message).toBe(`License ${UNKNOWN_SKU} does not correspond to a valid company License.`);
  });
});
