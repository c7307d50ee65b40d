// The Graph adapter against the sandbox Graph server over HTTP: every EntraDirectory method.
import type { TokenCredential } from '@azure/identity';
import { createGraphDirectory, type GraphDirectoryOptions } from '../../../src/adapters/graph/create-graph-directory.ts';
import { LicenseDoctorError } from '../../../src/core/errors.ts';
import { startGraphSandbox, type RunningGraphSandbox } from '../../../src/sandbox/graph/start-graph-sandbox.ts';
import { GROUP, SKU, seededEntraId } from '../../../src/sandbox/seed.ts';
import type { SandboxEntraUser } from '../../../src/sandbox/state.ts';
import { SandboxTenant } from '../../../src/sandbox/tenant.ts';

const TOKEN = 'adapter-test-token';
const USER_SELECT = '?$select=id,userPrincipalName,displayName,mail,accountEnabled,usageLocation,onPremisesSyncEnabled,assignedLicenses,licenseAssignmentStates';
const clock = { t: Date.parse('2026-03-02T09:00:00Z') };
let tenant: SandboxTenant;
let sandbox: RunningGraphSandbox;

beforeAll(async () => {
  tenant = new SandboxTenant({ now: () => new Date(clock.t), behaviour: { groupLicensingDelayMs: 0 } });
  sandbox = await startGraphSandbox({ tenant, token: TOKEN });
});
afterAll(() => sandbox.close());
beforeEach(() => {
  tenant.reset();
  sandbox.calls.length = 0;
  sandbox.batchCalls.length = 0;
});

const directory = (extra: Partial<GraphDirectoryOptions> = {}) =>
  createGraphDirectory({ baseUrl: sandbox.baseUrl, credential: { kind: 'static', token: TOKEN }, ...extra });

function addUser(upn: string, id: string, mail: string | null = upn): SandboxEntraUser {
  const user: SandboxEntraUser = {
    id, userPrincipalName: upn, displayName: upn, mail, givenName: null, surname: null, jobTitle: null,
    department: null, usageLocation: 'US', accountEnabled: true, onPremisesSyncEnabled: null, directLicenses: [],
  };
  tenant.state.graph.users.push(user);
  return user;
}

async function rejection(promise: Promise<unknown>): Promise<LicenseDoctorError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof LicenseDoctorError) return err;
    throw err;
  }
  throw new Error('expected a LicenseDoctorError');
}

describe('getUser', () => {
  it('reads the user with the license $select and normalises it', async () => {
    const user = await directory().getUser('Megan.Bowen@contoso.com');
    expect(user).toEqual({
      id: seededEntraId(2), userPrincipalName: 'megan.bowen@contoso.com', displayName: 'Megan Bowen', mail: 'megan.bowen@contoso.com',
      accountEnabled: true, usageLocation: 'US', onPremisesSyncEnabled: null,
      assignedLicenses: [{ skuId: SKU.ENTERPRISEPACK, disabledPlans: [] }, { skuId: SKU.SPE_E3, disabledPlans: [] }],
      licenseAssignmentStates: [
        { skuId: SKU.ENTERPRISEPACK, disabledPlans: [], assignedByGroup: null, state: 'Active', error: null, lastUpdatedDateTime: expect.any(String) },
        { skuId: SKU.SPE_E3, disabledPlans: [], assignedByGroup: GROUP.E3, state: 'Active', error: null, lastUpdatedDateTime: expect.any(String) },
      ],
    });
    expect(sandbox.calls).toEqual([expect.objectContaining({ method: 'GET', path: '/v1.0/users/Megan.Bowen%40contoso.com', query: USER_SELECT, status: 200 })]);
  });

  it('keeps a license error (CountViolation) and returns null for a user that does not exist', async () => {
    const johanna = await directory().getUser(seededEntraId(8));
    expect(johanna?.licenseAssignmentStates.find((s) => s.assignedByGroup === GROUP.POWER_BI)).toMatchObject({ state: 'Error', error: 'CountViolation' });
    expect(await directory().getUser('nobody@contoso.com')).toBeNull();
    expect(await directory().getUser('')).toBeNull();
    expect(sandbox.calls).toHaveLength(2);
  });

  const awkward = [
    "o'brien@contoso.com", 'a/b@contoso.com', 'guest_fabrikam.com#EXT#@contoso.com', 'what?x=1&y=2@contoso.com', '$dollar@contoso.com',
    "$o'quote@contoso.com", '100%25@contoso.com', 'jürgen.müller@contoso.com', 'sp ace+plus@contoso.com', '(paren)*!@contoso.com', '..',
  ];

  /** The key the sandbox saw: the path's last segment decoded once (the `('...')` form unquoted). */
  function keySeen(path: string): string {
    const segment = decodeURIComponent(path.slice('/v1.0/'.length));
    const parens = /^users\('(.*)'\)$/.exec(segment);
    return parens?.[1] !== undefined ? parens[1].replace(/''/g, "'") : segment.replace(/^users\//, '');
  }

  it.each(awkward)('sends %s unchanged as one key, with no extra query', async (upn) => {
    const id = '11111111-2222-4333-8444-555555555555';
    expect(await directory().getUser(upn)).toBeNull();
    addUser(upn, id);
    expect((await directory().getUser(upn))?.id).toBe(id);
    expect(sandbox.calls).toHaveLength(2);
    for (const call of sandbox.calls) {
      expect(keySeen(call.path)).toBe(upn);
      expect(call.query).toBe(USER_SELECT);
    }
  });

  it('gets its token from a TokenCredential, and reports each request without it', async () => {
    const scopes: unknown[] = [];
    const credential: TokenCredential = {
      getToken: async (scope) => {
        scopes.push(scope);
        return { token: TOKEN, expiresOnTimestamp: clock.t + 3_600_000 };
      },
    };
    const seen: string[] = [];
    const user = await directory({ credential: { kind: 'token-credential', credential }, onRequest: (i) => seen.push(`${i.method} ${i.url}`) }).getUser(seededEntraId(1));
    expect(user?.userPrincipalName).toBe('adele.vance@contoso.com');
    expect(scopes).toEqual(['https://graph.microsoft.com/.default']);
    expect(seen).toEqual([`GET ${sandbox.baseUrl}/users/${seededEntraId(1)}${USER_SELECT}`]);
  });
});

describe('findUserByMail', () => {
  it('finds the one user with this mail, with the quote doubled in the OData literal', async () => {
    addUser("o'brien@contoso.com", '11111111-2222-4333-8444-555555555555', "Sean.O'Brien@contoso.com");
    expect((await directory().findUserByMail("sean.o'brien@contoso.com"))?.id).toBe('11111111-2222-4333-8444-555555555555');
    expect(new URLSearchParams(sandbox.calls[0]?.query).get('$filter')).toBe("mail eq 'sean.o''brien@contoso.com'");
  });

  it('returns null for an ambiguous address, found by following the absolute @odata.nextLink', async () => {
    addUser('second.megan@contoso.com', '11111111-2222-4333-8444-555555555555', 'megan.bowen@contoso.com');
    expect(await directory().findUserByMail('megan.bowen@contoso.com')).toBeNull();
    expect(sandbox.calls.map((c) => new URLSearchParams(c.query).has('$skiptoken'))).toEqual([false, true]);
  });

  it('tries the proxy addresses when no mail matches, and returns null when nothing does', async () => {
    expect(await directory().findUserByMail('nobody@contoso.com')).toBeNull();
    expect(sandbox.calls.map((c) => new URLSearchParams(c.query).get('$filter'))).toEqual([
      "mail eq 'nobody@contoso.com'", "proxyAddresses/any(p:p eq 'smtp:nobody@contoso.com')",
    ]);
  });
});

describe('getGroups and getLicensingContext', () => {
  it('reads groups in one $batch, in the order asked, leaving out missing and non-GUID ids', async () => {
    const groups = await directory().getGroups([GROUP.LEGAL_MAIL, '00000000-0000-4000-8000-000000000000', 'not-a-guid', GROUP.E3.toUpperCase(), GROUP.E3]);
    expect(groups.map((g) => g.id)).toEqual([GROUP.LEGAL_MAIL, GROUP.E3]);
    expect(groups[0]).toEqual({
      id: GROUP.LEGAL_MAIL, displayName: 'Legal Team', groupTypes: [], membershipRule: null, onPremisesSyncEnabled: null,
      mailEnabled: true, securityEnabled: true, isAssignableToRole: false, assignedLicenses: [{ skuId: SKU.SPE_E3, disabledPlans: [] }],
    });
    expect(sandbox.calls.map((c) => `${c.method} ${c.path}`)).toEqual(['POST /v1.0/$batch']);
    expect(sandbox.batchCalls).toHaveLength(3);
    expect(await directory().getGroups([])).toEqual([]);
  });

  it('sends more than 20 groups in chunks of 20', async () => {
    const ids = Array.from({ length: 23 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
    expect(await directory().getGroups([...ids, GROUP.E3])).toHaveLength(1);
    expect(sandbox.calls.filter((c) => c.path === '/v1.0/$batch')).toHaveLength(2);
    expect(sandbox.batchCalls).toHaveLength(24);
  });

  it('fetches the SKUs inside the same batch once, then serves them from the cache', async () => {
    const graph = directory();
    const first = await graph.getLicensingContext([GROUP.E3]);
    expect(first.groups.map((g) => g.id)).toEqual([GROUP.E3]);
    expect(first.subscribedSkus.find((s) => s.skuId === SKU.POWER_BI_PRO)).toMatchObject({ skuPartNumber: 'POWER_BI_PRO', enabledUnits: 2, consumedUnits: 2, appliesTo: 'User' });
    expect(sandbox.calls).toHaveLength(1);
    expect(sandbox.batchCalls.map((c) => c.path)).toEqual([`/v1.0/groups/${GROUP.E3}`, '/v1.0/subscribedSkus']);
    await graph.getLicensingContext([GROUP.VISIO]);
    expect(await graph.listSubscribedSkus()).toEqual(first.subscribedSkus);
    expect(sandbox.calls).toHaveLength(2);
    expect(sandbox.batchCalls.map((c) => c.path)).toEqual([`/v1.0/groups/${GROUP.E3}`, '/v1.0/subscribedSkus', `/v1.0/groups/${GROUP.VISIO}`]);
  });
});

describe('listSubscribedSkus', () => {
  it('shares one request between concurrent callers and reads again after the TTL', async () => {
    const now = { t: 0 };
    const graph = directory({ skuCacheTtlMs: 1_000, now: () => now.t });
    const [a, b] = await Promise.all([graph.listSubscribedSkus(), graph.listSubscribedSkus()]);
    expect(a).toHaveLength(6);
    expect(b).toBe(a);
    now.t = 999;
    await graph.listSubscribedSkus();
    expect(sandbox.calls).toHaveLength(1);
    now.t = 1_000;
    await graph.listSubscribedSkus();
    expect(sandbox.calls.map((c) => `${c.method} ${c.path}`)).toEqual(['GET /v1.0/subscribedSkus', 'GET /v1.0/subscribedSkus']);
  });
});

describe('checkMemberGroups and countGroupMembers', () => {
  it('finds transitive memberships', async () => {
    expect(await directory().checkMemberGroups(seededEntraId(22), [GROUP.APPROVERS.toUpperCase(), GROUP.E3])).toEqual([GROUP.APPROVERS]);
    expect(await directory().checkMemberGroups('nobody@contoso.com', [GROUP.APPROVERS])).toEqual([]);
  });

  it('counts members with ConsistencyLevel: eventual', async () => {
    expect(await directory().countGroupMembers(GROUP.E3)).toBe(10);
    const missing = await rejection(directory().countGroupMembers('00000000-0000-4000-8000-000000000000'));
    expect(missing.code).toBe('not-found');
  });
});

describe('writes', () => {
  it('assignUserLicenses sends both lists and returns the request id', async () => {
    const result = await directory().assignUserLicenses(seededEntraId(1), [{ skuId: SKU.SPE_E3, disabledPlans: [] }], []);
    expect(result.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect((await directory().getUser(seededEntraId(1)))?.licenseAssignmentStates.map((s) => s.assignedByGroup)).toEqual([null, GROUP.E3]);
  });

  it("assignUserLicenses reports Graph's refusal with its code, message and request id", async () => {
    const err = await rejection(directory().assignUserLicenses(seededEntraId(2), [], [SKU.SPE_E3]));
    expect(err.code).toBe('graph-request-failed');
    expect(err.message).toContain('User license is inherited from a group membership and it cannot be removed directly from the user.');
    expect(err.details).toMatchObject({ vendor: 'graph', operation: 'assignUserLicenses', status: 400, vendorCode: 'Request_BadRequest', requestId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
  });

  it('removeGroupMember uses /$ref, and succeeds again when the member is already gone', async () => {
    const graph = directory();
    expect((await graph.removeGroupMember(GROUP.E3, seededEntraId(1))).requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect((await graph.removeGroupMember(GROUP.E3, seededEntraId(1))).requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(sandbox.calls.map((c) => `${c.method} ${c.path} ${c.status}`)).toEqual([
      `DELETE /v1.0/groups/${GROUP.E3}/members/${seededEntraId(1)}/$ref 204`,
      `DELETE /v1.0/groups/${GROUP.E3}/members/${seededEntraId(1)}/$ref 404`,
    ]);
    expect(tenant.state.graph.users.some((u) => u.id === seededEntraId(1))).toBe(true);
    expect(tenant.state.graph.deletedObjects).toBeUndefined();
  });

  it.each([
    ['a dynamic group', GROUP.SALES_DYNAMIC, 3, 403],
    ['a missing group', '00000000-0000-4000-8000-000000000000', 1, 404],
  ])('removeGroupMember reports a refusal for %s', async (_label, groupId, n, status) => {
    const err = await rejection(directory().removeGroupMember(groupId, seededEntraId(n)));
    expect(err.code).toBe('graph-request-failed');
    expect(err.details.status).toBe(status);
  });

  it.each([['..'], ['$ref'], [''], [`${seededEntraId(1)}/..`], ['x?y']])('removeGroupMember refuses member id %j before any request', async (memberId) => {
    const err = await rejection(directory().removeGroupMember(GROUP.E3, memberId));
    expect(err.code).toBe('usage');
    expect(sandbox.calls).toEqual([]);
  });

  it('assignGroupLicenses answers with the request id of the 202', async () => {
    expect((await directory().assignGroupLicenses(GROUP.VISIO, [{ skuId: SKU.EMS, disabledPlans: [] }], [SKU.VISIOCLIENT])).requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect((await directory().getGroups([GROUP.VISIO]))[0]?.assignedLicenses).toEqual([{ skuId: SKU.EMS, disabledPlans: [] }]);
  });
});
