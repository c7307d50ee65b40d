import { GROUP, SKU, seededEntraId } from '../../../src/sandbox/seed.ts';
import { graphErrorOf, startTestGraph, type TestGraph } from './graph-test-server.ts';

const clock = { t: Date.parse('2026-03-02T09:00:00Z') };
let graph: TestGraph;

beforeAll(async () => {
  graph = await startTestGraph({ now: () => new Date(clock.t), behaviour: { groupLicensingDelayMs: 30_000 } });
});
afterAll(() => graph.close());
beforeEach(() => graph.tenant.reset());

const inheritedFrom = async (n: number): Promise<string[]> => {
  const body = (await graph.call('GET', `/users/${seededEntraId(n)}?$select=licenseAssignmentStates`)).body as { licenseAssignmentStates: Array<{ assignedByGroup: string | null }> };
  return body.licenseAssignmentStates.flatMap((s) => (s.assignedByGroup ? [s.assignedByGroup] : []));
};

describe('GET /groups/{id}', () => {
  it('returns the selected properties, licenseProcessingState included', async () => {
    const select = 'id,displayName,groupTypes,membershipRule,membershipRuleProcessingState,onPremisesSyncEnabled,mailEnabled,securityEnabled,isAssignableToRole,assignedLicenses,licenseProcessingState';
    const reply = await graph.call('GET', `/groups/${GROUP.SALES_DYNAMIC}?$select=${select}`);
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({
      '@odata.context': `${graph.server.baseUrl}/$metadata#groups(${select})/$entity`,
      id: GROUP.SALES_DYNAMIC, displayName: 'Sales (dynamic) - Microsoft 365 E3', groupTypes: ['DynamicMembership'],
      membershipRule: 'user.department -eq "Sales"', membershipRuleProcessingState: 'On', onPremisesSyncEnabled: null,
      mailEnabled: false, securityEnabled: true, isAssignableToRole: false,
      assignedLicenses: [{ disabledPlans: [], skuId: SKU.SPE_E3 }], licenseProcessingState: { state: 'ProcessingComplete' },
    });
  });

  it('leaves the license properties out of the default set', async () => {
    const body = (await graph.call('GET', `/groups/${GROUP.E3}`)).body as Record<string, unknown>;
    expect(body).toMatchObject({ id: GROUP.E3, mailEnabled: false });
    expect(body).not.toHaveProperty('assignedLicenses');
    expect(body).not.toHaveProperty('licenseProcessingState');
  });

  it.each([
    ['00000000-0000-4000-8000-000000000000', 404, 'Request_ResourceNotFound'],
    ['not-a-guid', 400, 'Request_BadRequest'],
  ])('answers %s with %i %s', async (id, status, code) => {
    const reply = await graph.call('GET', `/groups/${id}`);
    expect(reply.status).toBe(status);
    expect(graphErrorOf(reply).code).toBe(code);
  });
});

describe('group members', () => {
  it('lists members in pages with @odata.type', async () => {
    type Page = { value: Array<{ '@odata.type': string; id: string; userPrincipalName?: string }>; '@odata.nextLink'?: string };
    const first = (await graph.call('GET', `/groups/${GROUP.E3}/members?$top=4`)).body as Page;
    expect(first.value).toHaveLength(4);
    expect(first.value[0]).toMatchObject({ '@odata.type': '#microsoft.graph.user', id: seededEntraId(1), userPrincipalName: 'adele.vance@contoso.com' });
    const next = first['@odata.nextLink'];
    expect(next).toMatch(new RegExp(`^${graph.server.baseUrl}/groups/${GROUP.E3}/members\\?\\$top=4&\\$skiptoken=`));
    const second = (await (await fetch(next ?? '', { headers: { Authorization: 'Bearer test-graph-token' } })).json()) as Page;
    expect(second.value[0]?.id).toBe(seededEntraId(11));
    const nested = (await graph.call('GET', `/groups/${GROUP.APPROVERS}/members`)).body as Page;
    expect(nested.value.map((m) => m['@odata.type'])).toEqual(['#microsoft.graph.group', '#microsoft.graph.user']);
  });

  it('counts members only with ConsistencyLevel: eventual, as text', async () => {
    const without = await graph.call('GET', `/groups/${GROUP.E3}/members/$count`);
    expect(without.status).toBe(400);
    expect(graphErrorOf(without)).toMatchObject({ code: 'Request_BadRequest', message: '$count is not currently supported.' });
    const withHeader = await graph.call('GET', `/groups/${GROUP.SALES_DYNAMIC}/members/$count`, { headers: { ConsistencyLevel: 'eventual' } });
    expect(withHeader.status).toBe(200);
    expect(withHeader.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(withHeader.text).toBe('1');
  });
});

describe('DELETE /groups/{id}/members/{id}/$ref', () => {
  it.each([
    ['a dynamic group', GROUP.SALES_DYNAMIC, 3, 403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.'],
    ['a group synced from on-premises', GROUP.FINANCE_ONPREM, 4, 400, 'Request_BadRequest',
      'Unable to update the specified properties for on-premises mastered Directory Sync objects or objects currently undergoing migration.'],
    ['a mail-enabled security group', GROUP.LEGAL_MAIL, 5, 400, 'Request_BadRequest', 'Cannot Update a mail-enabled security groups and or distribution list.'],
    ['a role-assignable group', GROUP.ADMINS_ROLE, 6, 403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.'],
    ['a user who is not a member', GROUP.E3, 9, 404, 'Request_ResourceNotFound',
      `Resource '${seededEntraId(9)}' does not exist or one of its queried reference-property objects are not present.`],
  ])('refuses %s', async (_label, groupId, n, status, code, message) => {
    const reply = await graph.call('DELETE', `/groups/${groupId}/members/${seededEntraId(n)}/$ref`);
    expect(reply.status).toBe(status);
    expect(graphErrorOf(reply)).toMatchObject({ code, message });
  });

  it('removes the membership (204); the inherited license goes only after the licensing delay', async () => {
    const reply = await graph.call('DELETE', `/groups/${GROUP.E3}/members/${seededEntraId(1)}/$ref`);
    expect(reply.status).toBe(204);
    expect(reply.text).toBe('');
    expect(await inheritedFrom(1)).toEqual([GROUP.E3]);
    clock.t += 29_999;
    expect(await inheritedFrom(1)).toEqual([GROUP.E3]);
    clock.t += 1;
    expect(await inheritedFrom(1)).toEqual([]);
    expect(graph.tenant.state.graph.users.some((u) => u.id === seededEntraId(1))).toBe(true);
  });

  it('POST members/$ref adds a member back; a second add is refused', async () => {
    const body = { '@odata.id': `https://graph.microsoft.com/v1.0/directoryObjects/${seededEntraId(9)}` };
    expect((await graph.call('POST', `/groups/${GROUP.VISIO}/members/$ref`, { body })).status).toBe(204);
    const again = await graph.call('POST', `/groups/${GROUP.VISIO}/members/$ref`, { body });
    expect(graphErrorOf(again).message).toBe("One or more added object references already exist for the following modified properties: 'members'.");
    expect((await graph.call('POST', `/groups/${GROUP.SALES_DYNAMIC}/members/$ref`, { body })).status).toBe(403);
  });
});

describe('DELETE /groups/{id}/members/{id} without /$ref', () => {
  it('deletes the member object itself, as Graph does, and records it', async () => {
    const reply = await graph.call('DELETE', `/groups/${GROUP.E3}/members/${seededEntraId(1)}`);
    expect(reply.status).toBe(204);
    expect((await graph.call('GET', `/users/${seededEntraId(1)}`)).status).toBe(404);
    expect(graph.tenant.state.graph.deletedObjects).toEqual([
      { id: seededEntraId(1), kind: 'user', deletedAt: new Date(clock.t).toISOString(), via: `DELETE /v1.0/groups/${GROUP.E3}/members/${seededEntraId(1)}` },
    ]);
  });
});

describe('group licensing is asynchronous', () => {
  it('shows ProcessingInProgress until every member has the new license', async () => {
    const processing = async () =>
      ((await graph.call('GET', `/groups/${GROUP.VISIO}?$select=licenseProcessingState`)).body as { licenseProcessingState: { state: string } }).licenseProcessingState.state;
    await graph.call('POST', `/groups/${GROUP.VISIO}/members/$ref`, { body: { '@odata.id': `https://graph.microsoft.com/v1.0/directoryObjects/${seededEntraId(1)}` } });
    clock.t += 30_000;
    expect(await inheritedFrom(1)).toEqual([GROUP.E3, GROUP.VISIO]);
    await graph.call('POST', `/groups/${GROUP.VISIO}/assignLicense`, { body: { addLicenses: [], removeLicenses: [SKU.VISIOCLIENT] } });
    expect(await processing()).toBe('ProcessingInProgress');
    expect(await inheritedFrom(1)).toEqual([GROUP.E3, GROUP.VISIO]);
    clock.t += 30_000;
    expect(await processing()).toBe('ProcessingComplete');
    expect(await inheritedFrom(1)).toEqual([GROUP.E3]);
  });
});
