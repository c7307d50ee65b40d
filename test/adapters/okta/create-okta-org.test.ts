import { createOktaOrg, type OktaOrgAdapter } from '../../../src/adapters/okta/create-okta-org.ts';
import type { OktaRequestInfo } from '../../../src/adapters/okta/budget-request-executor.ts';
import { OKTA_APP, OKTA_GROUP, seededOktaUserId } from '../../../src/sandbox/seed.ts';
import { OKTA_TOKEN, startOktaHarness, type OktaHarness } from '../../sandbox/okta/okta-harness.ts';

const INHERITED = 'User license is inherited from a group membership and it cannot be removed directly from the user.';
const DAY = 86_400_000;
const EXTRA_APP_USERS = 1201;

let h: OktaHarness;
let org: OktaOrgAdapter;
let requests: OktaRequestInfo[];

beforeEach(async () => {
  h = await startOktaHarness({
    prepare: (state) => {
      const retired = state.okta.apps.find((a) => a.id === OKTA_APP.RETIRED);
      const template = state.okta.apps[0]?.appUsers[0];
      if (!retired || !template) throw new Error('seed changed');
      // Enough app users for three pages of 500.
      for (let i = 0; i < EXTRA_APP_USERS; i += 1) retired.appUsers.push({ ...template, userId: `00uextra${String(i).padStart(12, '0')}` });
      retired.schema = { licensesAttribute: 'o365Licenses', rolesAttribute: 'o365Roles' };
    },
  });
  requests = [];
  // A trailing slash, as people paste org URLs: the adapter must not call //api/v1.
  org = createOktaOrg({ orgUrl: `${h.okta.url}/`, auth: { kind: 'ssws', token: OKTA_TOKEN }, onRequest: (i) => requests.push(i) });
});
afterEach(() => h.close());

const sent = (path: string) => h.okta.calls.filter((c) => c.path === path).length;

describe('createOktaOrg on the Okta SDK, against the sandbox Okta server', () => {
  it('finds a user by login (null when there is none), through a URL without a double slash', async () => {
    expect(await org.findUser('Adele.Vance@contoso.com')).toEqual({
      id: seededOktaUserId(1), login: 'adele.vance@contoso.com', email: 'adele.vance@contoso.com', status: 'ACTIVE', displayName: 'Adele Vance',
    });
    expect(await org.findUser('nobody@contoso.com')).toBeNull();
    expect(h.okta.calls.every((c) => !c.path.startsWith('//'))).toBe(true);
    expect(requests.map((r) => [r.method, r.status])).toEqual([['GET', 200], ['GET', 404]]);
    expect(requests[0]?.requestId).toBeTruthy();
  });

  it('lists every Office 365 app once, then answers from its cache', async () => {
    const apps = await org.listOffice365Apps();
    expect(apps.map((a) => [a.id, a.status])).toEqual([[OKTA_APP.MAIN, 'ACTIVE'], [OKTA_APP.CONTRACTORS, 'ACTIVE'], [OKTA_APP.RETIRED, 'INACTIVE']]);
    expect(apps[0]?.features).toContain('PUSH_PROFILE_UPDATES');
    await org.listOffice365Apps();
    expect(sent('/api/v1/apps')).toBe(1);
    expect(h.okta.calls[0]?.query).toContain('filter=name%20eq%20%22office365%22');
  });

  it('reads an app user (null when not assigned)', async () => {
    expect(await org.getAppUser(OKTA_APP.MAIN, seededOktaUserId(13))).toMatchObject({
      id: seededOktaUserId(13), scope: 'GROUP', syncState: 'ERROR', status: 'PROVISIONED', userName: 'miriam.graham@contoso.com',
      externalId: expect.any(String), lastSync: expect.stringMatching(/Z$/), profile: { licenses: ['ENTERPRISEPACK'] },
    });
    expect(await org.getAppUser(OKTA_APP.MAIN, seededOktaUserId(11))).toBeNull();
  });

  it('discovers the licenses and roles attributes from the app user schema, once per app', async () => {
    expect(await org.getLicenseSchema(OKTA_APP.MAIN)).toMatchObject({ licensesAttribute: 'licenses', rolesAttribute: 'roles' });
    expect(await org.getLicenseSchema(OKTA_APP.RETIRED)).toMatchObject({ licensesAttribute: 'o365Licenses', rolesAttribute: 'o365Roles' });
    // The sandbox lists the values as `oneOf` entries: one per subscribed SKU, titled with its product name.
    expect((await org.getLicenseSchema(OKTA_APP.MAIN)).licenseValues).toEqual(expect.arrayContaining([{ value: 'SPE_E3', title: 'Microsoft 365 E3' }]));
    await org.getLicenseSchema(OKTA_APP.MAIN);
    expect(sent(`/api/v1/meta/schemas/apps/${OKTA_APP.MAIN}/default`)).toBe(1);
  });

  it('reports provisioning from the live connection and the cached apps list, one call per diagnosis', async () => {
    await org.listOffice365Apps();
    const before = h.okta.calls.length;
    expect(await org.getProvisioning(OKTA_APP.MAIN)).toEqual({ connection: 'ENABLED', userProvisioning: 'ENABLED' });
    expect(h.okta.calls.length - before).toBe(1);
    expect(await org.getProvisioning(OKTA_APP.CONTRACTORS)).toEqual({ connection: 'DISABLED', userProvisioning: 'DISABLED' });
    expect(await org.getUserProvisioningFeature(OKTA_APP.MAIN)).toBe('ENABLED');
    expect(await org.getUserProvisioningFeature(OKTA_APP.CONTRACTORS)).toBe('NOT_ENABLED');
  });

  it("lists the user's push failures, newest first, with the most specific message", async () => {
    const now = Date.now();
    const failures = await org.listPushFailures(seededOktaUserId(1), new Date(now - 7 * DAY).toISOString(), new Date(now).toISOString());
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({ eventType: 'app.office365.api.error.push.profile', published: expect.stringMatching(/Z$/) });
    expect(failures[0]?.message).toContain(INHERITED);
    const query = decodeURIComponent(h.okta.calls.find((c) => c.path === '/api/v1/logs')?.query ?? '');
    expect(query).toContain('sortOrder=DESCENDING');
    expect(query).toContain('limit=20');
    expect(query).toContain(`target.id eq "${seededOktaUserId(1)}"`);
    expect(await org.listPushFailures(seededOktaUserId(9), new Date(now - 7 * DAY).toISOString(), new Date(now).toISOString())).toEqual([]);
  });

  it('lists group assignments with group names, and the Okta groups of a user', async () => {
    expect(await org.listGroupAssignments(OKTA_APP.MAIN)).toEqual([
      { groupId: OKTA_GROUP.O365_STANDARD, groupName: 'O365 Standard', priority: 0, profile: { licenses: ['ENTERPRISEPACK'], roles: [] } },
    ]);
    expect((await org.listUserGroupIds(seededOktaUserId(13))).sort()).toEqual([OKTA_GROUP.O365_STANDARD, OKTA_GROUP.EVERYONE].sort());
  });

  it('counts app users from one page of 500: "more than 500" beyond it, never a full scan', async () => {
    expect(EXTRA_APP_USERS).toBeGreaterThan(500);
    expect(await org.countAppUsers(OKTA_APP.RETIRED)).toEqual({ count: 500, more: true });
    expect(sent(`/api/v1/apps/${OKTA_APP.RETIRED}/users`)).toBe(1);
    expect(await org.countAppUsers(OKTA_APP.MAIN)).toMatchObject({ more: false });
  });

  it("posts an app user profile as given and returns Okta's request id", async () => {
    const profile = { licenses: ['SPE_E3'], roles: [], email: 'lee.gu@contoso.com' };
    const result = await org.updateAppUserProfile(OKTA_APP.MAIN, seededOktaUserId(9), profile);
    const post = requests.find((r) => r.method === 'POST');
    expect(result.requestId).toBe(post?.requestId);
    expect(result.requestId).toMatch(/^[\w-]{10,}$/);
    expect(h.okta.calls.map((c) => c.method)).toEqual(['POST']);
    const appUser = h.tenant.state.okta.apps[0]?.appUsers.find((u) => u.userId === seededOktaUserId(9));
    expect(appUser?.profile).toEqual(profile);
    await h.okta.idle();
  });

  it('updates a group assignment profile', async () => {
    const result = await org.updateGroupAssignmentProfile(OKTA_APP.MAIN, OKTA_GROUP.O365_STANDARD, { licenses: ['ENTERPRISEPACK', 'SPE_E3'], roles: [] });
    expect(result.requestId).toBeTruthy();
    expect(h.tenant.state.okta.apps[0]?.groupAssignments[0]?.profile).toEqual({ licenses: ['ENTERPRISEPACK', 'SPE_E3'], roles: [] });
    await h.okta.idle();
  });

  it('deactivates and activates provisioning, and forgets the cached apps list each time', async () => {
    expect(await org.getProvisioning(OKTA_APP.MAIN)).toEqual({ connection: 'ENABLED', userProvisioning: 'ENABLED' });
    expect((await org.deactivateProvisioning(OKTA_APP.MAIN)).requestId).toBeTruthy();
    expect(await org.getProvisioning(OKTA_APP.MAIN)).toEqual({ connection: 'DISABLED', userProvisioning: 'DISABLED' });
    await org.activateProvisioning(OKTA_APP.MAIN);
    expect(await org.getProvisioning(OKTA_APP.MAIN)).toEqual({ connection: 'ENABLED', userProvisioning: 'ENABLED' });
    expect(sent('/api/v1/apps')).toBe(3);
  });
});
