import { OKTA_APP, OKTA_GROUP, seededOktaUserId } from '../../../src/sandbox/seed.ts';
import { nextLink, startOktaHarness, type OktaHarness } from './okta-harness.ts';

type Json = Record<string, unknown>;
let h: OktaHarness;
beforeAll(async () => {
  h = await startOktaHarness();
});
afterAll(() => h.close());

describe('GET /api/v1/users/{id|login|shortname}', () => {
  it.each([
    ['id', seededOktaUserId(1)],
    ['login', 'adele.vance@contoso.com'],
    ['login in other case', 'Adele.Vance@CONTOSO.com'],
    ['short name', 'adele.vance'],
  ])('finds a user by %s', async (_what, key) => {
    const res = await h.json<Json>(`/api/v1/users/${encodeURIComponent(key)}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: seededOktaUserId(1), status: 'ACTIVE', profile: { login: 'adele.vance@contoso.com', firstName: 'Adele' } });
    expect((res.body._links as Json).self).toEqual({ href: `${h.okta.url}/api/v1/users/${seededOktaUserId(1)}` });
  });

  it('answers 404 E0000007 naming the user it could not find', async () => {
    const res = await h.json<Json>('/api/v1/users/nobody%40contoso.com');
    expect(res).toMatchObject({ status: 404, body: { errorCode: 'E0000007', errorSummary: 'Not found: Resource not found: nobody@contoso.com (User)' } });
  });

  it("lists a user's Okta groups", async () => {
    const res = await h.json<Json[]>(`/api/v1/users/${seededOktaUserId(13)}/groups`);
    expect(res.body.map((g) => g.id).sort()).toEqual([OKTA_GROUP.O365_STANDARD, OKTA_GROUP.EVERYONE].sort());
    expect(res.body.find((g) => g.id === OKTA_GROUP.O365_STANDARD)).toMatchObject({ type: 'OKTA_GROUP', profile: { name: 'O365 Standard' } });
  });
});

describe('GET /api/v1/apps', () => {
  it('filters on name, status and id, joined with and', async () => {
    const q = (filter: string) => h.json<Json[]>(`/api/v1/apps?filter=${encodeURIComponent(filter)}`);
    expect((await q('name eq "office365"')).body.map((a) => a.id)).toEqual([OKTA_APP.MAIN, OKTA_APP.CONTRACTORS, OKTA_APP.RETIRED]);
    expect((await q('name eq "office365" and status eq "ACTIVE"')).body.map((a) => a.id)).toEqual([OKTA_APP.MAIN, OKTA_APP.CONTRACTORS]);
    expect((await q(`id eq "${OKTA_APP.RETIRED}"`)).body.map((a) => a.status)).toEqual(['INACTIVE']);
    expect((await q('name eq "salesforce"')).body).toEqual([]);
  });

  it('answers the Office365Application shape', async () => {
    const res = await h.json<Json>(`/api/v1/apps/${OKTA_APP.MAIN}`);
    expect(res.body).toMatchObject({
      id: OKTA_APP.MAIN, name: 'office365', label: 'Microsoft Office 365', status: 'ACTIVE', signOnMode: 'SAML_1_1',
      features: expect.arrayContaining(['PUSH_PROFILE_UPDATES']), settings: { app: { domain: 'contoso.com', msftTenant: 'contoso' } },
    });
    expect((await h.json<Json>('/api/v1/apps/0oanothere')).body).toMatchObject({ errorCode: 'E0000007' });
  });

  it('refuses unsupported filters as Okta does', async () => {
    const bad = await h.json<Json>(`/api/v1/apps?filter=${encodeURIComponent('name eq "office365" and (')}`);
    expect(bad).toMatchObject({ status: 400, body: { errorCode: 'E0000053' } });
    const unsupported = await h.json<Json>(`/api/v1/apps?filter=${encodeURIComponent('label eq "x"')}`);
    expect(unsupported).toMatchObject({ status: 400, body: { errorCode: 'E0000031' } });
  });

  it('searches name or label prefixes with q', async () => {
    expect((await h.json<Json[]>('/api/v1/apps?q=microsoft%20office%20365%20-')).body.map((a) => a.id)).toEqual([OKTA_APP.CONTRACTORS]);
  });

  it('pages with an absolute next link until the last page', async () => {
    const ids: unknown[] = [];
    let url: string | null = `${h.okta.url}/api/v1/apps?limit=2&filter=${encodeURIComponent('name eq "office365"')}`;
    let pages = 0;
    while (url) {
      const res = await h.json<Json[]>(url);
      ids.push(...res.body.map((a) => a.id));
      expect(res.headers.get('link')).toContain('rel="self"');
      url = nextLink(res.headers.get('link'));
      if (url) expect(url.startsWith(`${h.okta.url}/api/v1/apps?`)).toBe(true);
      pages += 1;
    }
    expect(pages).toBe(2);
    expect(ids).toEqual([OKTA_APP.MAIN, OKTA_APP.CONTRACTORS, OKTA_APP.RETIRED]);
  });
});
