import { GROUP, SCENARIOS, SKU, seededEntraId } from '../../../src/sandbox/seed.ts';
import type { SandboxEntraUser } from '../../../src/sandbox/state.ts';
import { graphErrorOf, startTestGraph, type TestGraph } from './graph-test-server.ts';

const clock = { t: Date.parse('2026-03-02T09:00:00Z') };
let graph: TestGraph;

beforeAll(async () => {
  graph = await startTestGraph({ now: () => new Date(clock.t), behaviour: { groupLicensingDelayMs: 60_000 } });
});
afterAll(() => graph.close());
beforeEach(() => graph.tenant.reset());

const upnOf = (n: number) => SCENARIOS[n - 1]?.userPrincipalName ?? '';
const FULL_SELECT = 'id,userPrincipalName,displayName,mail,accountEnabled,usageLocation,onPremisesSyncEnabled,assignedLicenses,licenseAssignmentStates';
type UserBody = Record<string, unknown> & { licenseAssignmentStates?: Array<Record<string, unknown>>; assignedLicenses?: Array<{ skuId: string }> };

function addUser(upn: string, id: string): SandboxEntraUser {
  const user: SandboxEntraUser = {
    id, userPrincipalName: upn, displayName: upn, mail: upn, givenName: null, surname: null, jobTitle: null,
    department: null, usageLocation: 'US', accountEnabled: true, onPremisesSyncEnabled: null, directLicenses: [],
  };
  graph.tenant.state.graph.users.push(user);
  return user;
}

describe('GET /users/{id | userPrincipalName}', () => {
  it('returns exactly the selected properties plus id, with license states as Graph serialises them', async () => {
    const reply = await graph.call('GET', `/users/${upnOf(2)}?$select=userPrincipalName,usageLocation,assignedLicenses,licenseAssignmentStates`);
    expect(reply.status).toBe(200);
    const body = reply.body as UserBody;
    expect(Object.keys(body).sort()).toEqual(['@odata.context', 'assignedLicenses', 'id', 'licenseAssignmentStates', 'usageLocation', 'userPrincipalName']);
    expect(body['@odata.context']).toBe(`${graph.server.baseUrl}/$metadata#users(userPrincipalName,usageLocation,assignedLicenses,licenseAssignmentStates)/$entity`);
    expect(body.licenseAssignmentStates).toEqual([
      { assignedByGroup: null, disabledPlans: [], error: 'None', lastUpdatedDateTime: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/), skuId: SKU.ENTERPRISEPACK, state: 'Active' },
      { assignedByGroup: GROUP.E3, disabledPlans: [], error: 'None', lastUpdatedDateTime: expect.any(String), skuId: SKU.SPE_E3, state: 'Active' },
    ]);
    expect(body.assignedLicenses?.map((l) => l.skuId)).toEqual([SKU.ENTERPRISEPACK, SKU.SPE_E3]);
    expect(reply.headers.get('request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('returns the default property set without $select (no license properties, no usageLocation)', async () => {
    const body = (await graph.call('GET', `/users/${upnOf(1)}`)).body as UserBody;
    expect(Object.keys(body).sort()).toEqual(['@odata.context', 'businessPhones', 'displayName', 'givenName', 'id', 'jobTitle', 'mail', 'mobilePhone', 'officeLocation', 'preferredLanguage', 'surname', 'userPrincipalName']);
  });

  it('shows a group path error from licensePathErrors and counts one assignedLicense per SKU', async () => {
    const body = (await graph.call('GET', `/users/${seededEntraId(8)}?$select=${FULL_SELECT}`)).body as UserBody;
    expect(body.licenseAssignmentStates?.find((s) => s['assignedByGroup'] === GROUP.POWER_BI)).toMatchObject({ state: 'Error', error: 'CountViolation', skuId: SKU.POWER_BI_PRO });
    expect(body.assignedLicenses?.map((l) => l.skuId)).toEqual([SKU.SPE_E3]);
  });

  it.each([
    ['the id in upper case', () => seededEntraId(3).toUpperCase()],
    ['the UPN in upper case', () => upnOf(3).toUpperCase()],
  ])('finds the user by %s', async (_label, key) => {
    const reply = await graph.call('GET', `/users/${encodeURIComponent(key())}?$select=id`);
    expect((reply.body as UserBody)['id']).toBe(seededEntraId(3));
  });

  it('answers 404 Request_ResourceNotFound for an unknown user', async () => {
    const reply = await graph.call('GET', '/users/nobody%40contoso.com');
    expect(reply.status).toBe(404);
    expect(graphErrorOf(reply)).toMatchObject({ code: 'Request_ResourceNotFound', message: "Resource 'nobody@contoso.com' does not exist or one of its queried reference-property objects are not present." });
  });

  it('refuses an unknown $select property', async () => {
    const reply = await graph.call('GET', `/users/${upnOf(1)}?$select=id,favouriteColour`);
    expect(reply.status).toBe(400);
    expect(graphErrorOf(reply).message).toBe("Could not find a property named 'favouriteColour' on type 'microsoft.graph.user'.");
  });

  it.each([
    ["o'brien@contoso.com"],
    ['a/b@contoso.com'],
    ['guest_fabrikam.com#EXT#@contoso.com'],
    ['what?@contoso.com'],
    ['100%@contoso.com'],
    ['jürgen.müller@contoso.com'],
  ])('finds %s when it is sent as one percent-encoded segment', async (upn) => {
    addUser(upn, '11111111-2222-4333-8444-555555555555');
    const reply = await graph.call('GET', `/users/${encodeURIComponent(upn)}?$select=userPrincipalName`);
    expect(reply.status).toBe(200);
    expect((reply.body as UserBody)['userPrincipalName']).toBe(upn);
  });

  it('does not let an unencoded slash reach another route', async () => {
    addUser('a/b@contoso.com', '11111111-2222-4333-8444-555555555555');
    const reply = await graph.call('GET', '/users/a/b@contoso.com');
    expect(reply.status).toBe(400);
    expect(graphErrorOf(reply).message).toBe("Resource not found for the segment 'b@contoso.com'.");
  });

  it("refuses a UPN starting with $ as a segment, and finds it with the ('...') key syntax", async () => {
    addUser("$o'dollar@contoso.com", '11111111-2222-4333-8444-555555555555');
    const asSegment = await graph.call('GET', `/users/${encodeURIComponent("$o'dollar@contoso.com")}`);
    expect(asSegment.status).toBe(400);
    expect(graphErrorOf(asSegment).message).toMatch(/^The request URI is not valid\. Since the segment 'users' refers to a collection/);
    const inParens = await graph.call('GET', "/users('%24o''dollar%40contoso.com')?$select=userPrincipalName");
    expect(inParens.status).toBe(200);
    expect((inParens.body as UserBody)['userPrincipalName']).toBe("$o'dollar@contoso.com");
  });
});

describe('GET /users', () => {
  type Page = { value: Array<{ id: string; mail?: string }>; '@odata.nextLink'?: string };

  it.each([
    ["mail eq 'megan.bowen@contoso.com'", [seededEntraId(2)]],
    ["mail eq 'MEGAN.BOWEN@CONTOSO.COM'", [seededEntraId(2)]],
    ["proxyAddresses/any(p:p eq 'smtp:alex.wilber@contoso.com')", [seededEntraId(3)]],
    ["mail eq 'nobody@contoso.com' or userPrincipalName eq 'lee.gu@contoso.com'", [seededEntraId(9)]],
    ["department eq 'Finance' and usageLocation eq 'US'", [seededEntraId(4), seededEntraId(8), seededEntraId(10)]],
  ])('filters with %s', async (filter, ids) => {
    const reply = await graph.call('GET', `/users?$filter=${encodeURIComponent(filter)}&$select=id,mail`);
    expect(reply.status).toBe(200);
    expect((reply.body as Page).value.map((u) => u.id)).toEqual(ids);
  });

  it("reads doubled single quotes in a literal (O''Brien)", async () => {
    addUser("o'brien@contoso.com", '11111111-2222-4333-8444-555555555555');
    const reply = await graph.call('GET', `/users?$filter=${encodeURIComponent("mail eq 'o''brien@contoso.com'")}`);
    expect((reply.body as Page).value.map((u) => u.id)).toEqual(['11111111-2222-4333-8444-555555555555']);
  });

  it.each([
    ["mail eq 'o'brien@contoso.com'"],
    ['mail eq'],
    ["mail eq 'unterminated"],
    ["mail gt 'a'"],
  ])('answers 400 Invalid filter clause for %s', async (filter) => {
    const reply = await graph.call('GET', `/users?$filter=${encodeURIComponent(filter)}`);
    expect(reply.status).toBe(400);
    expect(graphErrorOf(reply)).toMatchObject({ code: 'BadRequest', message: expect.stringMatching(/^Invalid filter clause/) });
  });

  it('answers 400 Request_UnsupportedQuery for a property it cannot filter on', async () => {
    const reply = await graph.call('GET', `/users?$filter=${encodeURIComponent("favouriteColour eq 'red'")}`);
    expect(graphErrorOf(reply).code).toBe('Request_UnsupportedQuery');
  });

  it('pages with an absolute @odata.nextLink that keeps the other query options', async () => {
    const seen: string[] = [];
    let url: string | undefined = `${graph.server.baseUrl}/users?$top=7&$select=id`;
    let pages = 0;
    while (url) {
      expect(url.startsWith(`${graph.server.url}/v1.0/users?$top=7&$select=id`)).toBe(true);
      const res = await fetch(url, { headers: { Authorization: 'Bearer test-graph-token' } });
      const page = (await res.json()) as Page;
      expect(page.value.length).toBeLessThanOrEqual(7);
      seen.push(...page.value.map((u) => u.id));
      url = page['@odata.nextLink'];
      pages++;
    }
    expect(pages).toBe(Math.ceil(graph.tenant.state.graph.users.length / 7));
    expect(seen).toEqual(graph.tenant.state.graph.users.map((u) => u.id));
  });
});

describe('PATCH /users/{id}', () => {
  const e3Paths = async (n: number) => {
    const body = (await graph.call('GET', `/users/${seededEntraId(n)}?$select=licenseAssignmentStates`)).body as UserBody;
    return (body.licenseAssignmentStates ?? []).filter((s) => s['assignedByGroup'] !== null).map((s) => s['assignedByGroup']);
  };

  it('moves a user out of a dynamic group; group-based licensing follows after the configured delay', async () => {
    expect(await e3Paths(3)).toEqual([GROUP.SALES_DYNAMIC]);
    const reply = await graph.call('PATCH', `/users/${seededEntraId(3)}`, { body: { department: 'Marketing' } });
    expect(reply.status).toBe(204);
    expect(await e3Paths(3)).toEqual([GROUP.SALES_DYNAMIC]);
    clock.t += 60_000;
    expect(await e3Paths(3)).toEqual([]);
  });

  it('sets a usage location', async () => {
    await graph.call('PATCH', `/users/${seededEntraId(14)}`, { body: { usageLocation: 'de' } });
    expect(((await graph.call('GET', `/users/${seededEntraId(14)}?$select=usageLocation`)).body as UserBody)['usageLocation']).toBe('DE');
  });

  it.each([
    [{ usageLocation: 'Germany' }, "Invalid value specified for property 'usageLocation' of resource 'User'."],
    [{ department: 42 }, "Invalid value specified for property 'department' of resource 'User'."],
    [{ shoeSize: 42 }, expect.stringMatching(/^Property 'shoeSize' does not exist on type 'microsoft.graph.user'/)],
  ])('refuses %j', async (body, message) => {
    const reply = await graph.call('PATCH', `/users/${seededEntraId(14)}`, { body });
    expect(reply.status).toBe(400);
    expect(graphErrorOf(reply).message).toEqual(message);
  });
});

describe('POST /users/{id}/checkMemberGroups', () => {
  it('returns the groups the user is a member of, transitively', async () => {
    const reply = await graph.call('POST', `/users/${seededEntraId(22)}/checkMemberGroups`, { body: { groupIds: [GROUP.APPROVERS, GROUP.E3, GROUP.IAM_TEAM] } });
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ '@odata.context': `${graph.server.baseUrl}/$metadata#Collection(Edm.String)`, value: [GROUP.APPROVERS, GROUP.IAM_TEAM] });
  });

  it('answers 400 without groupIds', async () => {
    const reply = await graph.call('POST', `/users/${seededEntraId(22)}/microsoft.graph.checkMemberGroups`, { body: {} });
    expect(graphErrorOf(reply).message).toBe("One or more parameters of the operation 'checkMemberGroups' are missing from the request payload. The missing parameters are: groupIds.");
  });
});
