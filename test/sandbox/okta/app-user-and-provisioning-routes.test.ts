import { OKTA_APP, OKTA_GROUP, seededOktaUserId } from '../../../src/sandbox/seed.ts';
import { nextLink, startOktaHarness, type OktaHarness } from './okta-harness.ts';

type Json = Record<string, unknown>;
let h: OktaHarness;
beforeEach(async () => {
  h = await startOktaHarness({
    behaviour: { pushesUnchangedProfile: false },
    prepare: (state) => {
      const contractors = state.okta.apps.find((a) => a.id === OKTA_APP.CONTRACTORS);
      if (contractors) contractors.schema = { licensesAttribute: 'o365Licenses', rolesAttribute: 'adminRoles' };
    },
  });
});
afterEach(() => h.close());

describe('app users', () => {
  it('answers the AppUser shape, and 404 E0000007 for a user not assigned to the app', async () => {
    const res = await h.json<Json>(`/api/v1/apps/${OKTA_APP.MAIN}/users/${seededOktaUserId(1)}`);
    expect(res.body).toMatchObject({
      id: seededOktaUserId(1), scope: 'USER', status: 'PROVISIONED', syncState: 'ERROR',
      credentials: { userName: 'adele.vance@contoso.com' }, profile: { licenses: [], roles: [] },
      _links: { app: { href: `${h.okta.url}/api/v1/apps/${OKTA_APP.MAIN}` }, user: { href: `${h.okta.url}/api/v1/users/${seededOktaUserId(1)}` } },
    });
    expect(typeof res.body.externalId).toBe('string');
    const missing = await h.json<Json>(`/api/v1/apps/${OKTA_APP.MAIN}/users/${seededOktaUserId(11)}`);
    expect(missing).toMatchObject({ status: 404, body: { errorCode: 'E0000007' } });
    const notAssigned = await h.json<Json>(`/api/v1/apps/${OKTA_APP.CONTRACTORS}/users/${seededOktaUserId(1)}`);
    expect(notAssigned.status).toBe(404);
  });

  it('embeds the Okta user with expand=user and links the group of a GROUP-scoped user', async () => {
    const res = await h.json<Json>(`/api/v1/apps/${OKTA_APP.MAIN}/users/${seededOktaUserId(13)}?expand=user`);
    expect(res.body).toMatchObject({ scope: 'GROUP', _embedded: { user: { id: seededOktaUserId(13) } }, _links: { group: { name: 'O365 Standard' } } });
  });

  it('pages app users up to the limit asked for (at most 500)', async () => {
    const total = h.tenant.state.okta.apps.find((a) => a.id === OKTA_APP.MAIN)?.appUsers.length ?? 0;
    let url: string | null = `/api/v1/apps/${OKTA_APP.MAIN}/users?limit=5`;
    let seen = 0;
    let pages = 0;
    while (url) {
      const res = await h.json<Json[]>(url);
      expect(res.body.length).toBeLessThanOrEqual(5);
      seen += res.body.length;
      pages += 1;
      url = nextLink(res.headers.get('link'));
    }
    expect(seen).toBe(total);
    expect(pages).toBe(Math.ceil(total / 5));
    const all = await h.json<Json[]>(`/api/v1/apps/${OKTA_APP.MAIN}/users?limit=1000`);
    expect(all.body).toHaveLength(total);
    expect(nextLink(all.headers.get('link'))).toBeNull();
  });

  it('replaces the profile on POST and answers the app user', async () => {
    const profile = { licenses: ['SPE_E3', 'VISIOCLIENT'], roles: [], email: 'lee.gu@contoso.com' };
    const res = await h.json<Json>(`/api/v1/apps/${OKTA_APP.MAIN}/users/${seededOktaUserId(9)}`, { method: 'POST', body: JSON.stringify({ profile }) });
    expect(res.status).toBe(200);
    expect(res.body.profile).toEqual(profile);
    const bad = await h.json<Json>(`/api/v1/apps/${OKTA_APP.MAIN}/users/${seededOktaUserId(9)}`, { method: 'POST', body: JSON.stringify({ profile: ['x'] }) });
    expect(bad).toMatchObject({ status: 400, body: { errorCode: 'E0000001' } });
    await h.okta.idle();
  });
});

describe('group assignments', () => {
  it('lists them by priority, with the group embedded on expand=group', async () => {
    const res = await h.json<Json[]>(`/api/v1/apps/${OKTA_APP.MAIN}/groups?expand=group`);
    expect(res.body).toEqual([expect.objectContaining({
      id: OKTA_GROUP.O365_STANDARD, priority: 0, profile: { licenses: ['ENTERPRISEPACK'], roles: [] },
      _embedded: { group: expect.objectContaining({ profile: expect.objectContaining({ name: 'O365 Standard' }) }) },
    })]);
  });

  it('updates a profile on PUT and gives its GROUP-scoped members the new values', async () => {
    const profile = { licenses: ['ENTERPRISEPACK', 'SPE_E3'], roles: [] };
    const res = await h.json<Json>(`/api/v1/apps/${OKTA_APP.MAIN}/groups/${OKTA_GROUP.O365_STANDARD}`, { method: 'PUT', body: JSON.stringify({ profile }) });
    expect(res).toMatchObject({ status: 200, body: { id: OKTA_GROUP.O365_STANDARD, priority: 0, profile } });
    const member = await h.json<Json>(`/api/v1/apps/${OKTA_APP.MAIN}/users/${seededOktaUserId(13)}`);
    expect(member.body).toMatchObject({ scope: 'GROUP', profile: { licenses: ['ENTERPRISEPACK', 'SPE_E3'] } });
    await h.okta.idle();
    const unknown = await h.json<Json>(`/api/v1/apps/${OKTA_APP.MAIN}/groups/00gnothere`, { method: 'PUT', body: JSON.stringify({ profile }) });
    expect(unknown.status).toBe(404);
  });
});

describe('app user schema', () => {
  it.each([
    [OKTA_APP.MAIN, 'licenses', 'roles'],
    [OKTA_APP.CONTRACTORS, 'o365Licenses', 'adminRoles'],
  ])('names the Licenses and Roles arrays of %s as the app says', async (appId, licenses, roles) => {
    const res = await h.json<{ definitions: { base: { properties: Record<string, Json> } } }>(`/api/v1/meta/schemas/apps/${appId}/default`);
    const props = res.body.definitions.base.properties;
    expect(props[licenses]).toMatchObject({ title: 'Licenses', type: 'array', items: { type: 'string' } });
    expect(props[roles]).toMatchObject({ title: 'Roles', type: 'array' });
  });
});

describe('provisioning connection and features', () => {
  const conn = (appId: string) => `/api/v1/apps/${appId}/connections/default`;

  it('reports the connection and, while it is off, answers the features routes with E0000001', async () => {
    expect((await h.json<Json>(conn(OKTA_APP.MAIN))).body).toMatchObject({ status: 'ENABLED', profile: { authScheme: 'OAUTH2' }, _links: { deactivate: {} } });
    expect((await h.json<Json>(conn(OKTA_APP.CONTRACTORS))).body).toMatchObject({ status: 'DISABLED', _links: { activate: {} } });
    const off = await h.json<Json>(`/api/v1/apps/${OKTA_APP.CONTRACTORS}/features/USER_PROVISIONING`);
    expect(off).toMatchObject({ status: 400, body: { errorCode: 'E0000001', errorSummary: 'Api validation failed: feature', errorCauses: [{ errorSummary: 'Provisioning is not enabled for the app instance.' }] } });
    expect((await h.json<Json>(`/api/v1/apps/${OKTA_APP.CONTRACTORS}/features`)).status).toBe(400);
  });

  it('deactivates (204) removing the push features, and activates restoring them', async () => {
    const deactivated = await h.call(`${conn(OKTA_APP.MAIN)}/lifecycle/deactivate`, { method: 'POST' });
    expect(deactivated.status).toBe(204);
    expect(deactivated.headers.get('x-okta-request-id')).toBeTruthy();
    expect((await h.json<Json>(conn(OKTA_APP.MAIN))).body.status).toBe('DISABLED');
    expect((await h.json<Json>(`/api/v1/apps/${OKTA_APP.MAIN}`)).body.features).toEqual([]);
    expect((await h.call(`${conn(OKTA_APP.MAIN)}/lifecycle/activate`, { method: 'POST' })).status).toBe(204);
    const app = await h.json<Json>(`/api/v1/apps/${OKTA_APP.MAIN}`);
    expect(app.body.features).toEqual(expect.arrayContaining(['PUSH_NEW_USERS', 'PUSH_PROFILE_UPDATES']));
    const features = await h.json<Json[]>(`/api/v1/apps/${OKTA_APP.MAIN}/features`);
    expect(features.body.map((f) => [f.name, f.status])).toEqual([['USER_PROVISIONING', 'ENABLED'], ['INBOUND_PROVISIONING', 'ENABLED']]);
    const feature = await h.json<Json>(`/api/v1/apps/${OKTA_APP.MAIN}/features/USER_PROVISIONING`);
    expect(feature.body).toMatchObject({ capabilities: { update: { profile: { status: 'ENABLED' } } } });
  });
});
