import { pushEvent } from '../../../src/sandbox/log-events.ts';
import { OKTA_APP, seededOktaUserId } from '../../../src/sandbox/seed.ts';
import type { SandboxLogEvent } from '../../../src/sandbox/state.ts';
import { nextLink, startOktaHarness, type OktaHarness } from './okta-harness.ts';

type Json = Record<string, unknown>;
const NOW = new Date('2026-05-20T12:00:00.000Z');
const HOUR = 3_600_000;

/** Ten successful pushes for Lee Gu, one per hour before NOW, and the seeded failures. */
function addPushes(logs: SandboxLogEvent[]): void {
  for (let i = 1; i <= 10; i += 1) {
    logs.push(pushEvent({
      now: new Date(NOW.getTime() - i * HOUR), app: { id: OKTA_APP.MAIN, label: 'Microsoft Office 365' },
      user: { id: seededOktaUserId(9), login: 'lee.gu@contoso.com', displayName: 'Lee Gu' }, userName: 'lee.gu@contoso.com',
    }));
  }
}

let h: OktaHarness;
beforeAll(async () => {
  h = await startOktaHarness({ now: () => new Date(NOW) });
  h.tenant.state.okta.logs = [];
  addPushes(h.tenant.state.okta.logs);
  h.tenant.state.okta.logs.push(pushEvent({
    now: new Date(NOW.getTime() - 2 * HOUR - 1000), app: { id: OKTA_APP.MAIN, label: 'Microsoft Office 365' },
    user: { id: seededOktaUserId(1), login: 'adele.vance@contoso.com', displayName: 'Adele Vance' }, userName: 'adele.vance@contoso.com',
    failure: { httpStatus: 400, errorCode: 'Request_BadRequest', errorMessage: 'User license is inherited from a group membership and it cannot be removed directly from the user.', requestId: 'r1', clientRequestId: 'c1' },
  }));
});
afterAll(() => h.close());

const logs = (query: Record<string, string>) => h.json<Json[]>(`/api/v1/logs?${new URLSearchParams(query).toString()}`);
const iso = (ms: number) => new Date(ms).toISOString();

describe('GET /api/v1/logs', () => {
  it('returns the events between since (inclusive) and until (exclusive), oldest first by default', async () => {
    const res = await logs({ since: iso(NOW.getTime() - 3 * HOUR), until: iso(NOW.getTime() - HOUR) });
    expect(res.body.map((e) => e.published)).toEqual([iso(NOW.getTime() - 3 * HOUR), iso(NOW.getTime() - 2 * HOUR - 1000), iso(NOW.getTime() - 2 * HOUR)]);
    expect(nextLink(res.headers.get('link'))).toBeNull();
  });

  it('filters with eq, and, or and parentheses, on nested and array attributes', async () => {
    const failure = `(eventType eq "app.office365.api.error.push.profile" or eventType eq "application.provision.user.push_profile") and outcome.result eq "FAILURE" and target.id eq "${seededOktaUserId(1)}"`;
    const res = await logs({ since: iso(NOW.getTime() - 24 * HOUR), until: iso(NOW.getTime()), filter: failure, sortOrder: 'DESCENDING' });
    expect(res.body.map((e) => (e.outcome as Json).result)).toEqual(['FAILURE']);
    const lee = await logs({ since: iso(NOW.getTime() - 24 * HOUR), filter: `target.alternateId eq "lee.gu@contoso.com" and outcome.result eq "SUCCESS"`, sortOrder: 'DESCENDING' });
    expect(lee.body).toHaveLength(10);
  });

  it('searches keywords with q', async () => {
    const res = await logs({ since: iso(NOW.getTime() - 24 * HOUR), q: 'inherited Adele' });
    expect(res.body).toHaveLength(1);
  });

  it('pages a bounded DESCENDING query until the events run out', async () => {
    const published: unknown[] = [];
    let url: string | null = `/api/v1/logs?${new URLSearchParams({ since: iso(NOW.getTime() - 24 * HOUR), until: iso(NOW.getTime()), sortOrder: 'DESCENDING', limit: '4' }).toString()}`;
    let pages = 0;
    while (url) {
      const res = await h.json<Json[]>(url);
      published.push(...res.body.map((e) => e.published));
      url = nextLink(res.headers.get('link'));
      if (url) expect(new URL(url).searchParams.has('since')).toBe(false);
      pages += 1;
    }
    expect(pages).toBe(3);
    expect(published).toHaveLength(11);
    expect([...published].sort().reverse()).toEqual(published);
  });

  it('always gives a polling query (ASCENDING, no until) a next link, even on an empty page', async () => {
    const res = await logs({ since: iso(NOW.getTime() - 30 * 60_000) });
    expect(res.body).toEqual([]);
    const next = nextLink(res.headers.get('link'));
    expect(next).not.toBeNull();
    expect((await h.json<Json[]>(next ?? '')).body).toEqual([]);
  });

  it.each([
    ['a malformed filter', 'E0000053', { filter: 'eventType eq' }],
    ['an unknown operator', 'E0000053', { filter: 'eventType xx "a"' }],
    ['published in the filter', 'E0000031', { filter: 'published gt "2026-01-01T00:00:00Z"' }],
    ['a since over 180 days ago', 'E0000053', { since: iso(NOW.getTime() - 181 * 24 * HOUR) }],
    ['a date that is not ISO 8601', 'E0000001', { since: 'yesterday' }],
    ['since after until', 'E0000001', { since: iso(NOW.getTime()), until: iso(NOW.getTime() - HOUR) }],
    ['since together with after', 'E0000001', { since: iso(NOW.getTime() - HOUR), after: 'abc' }],
    ['a limit over 1000', 'E0000001', { limit: '1001' }],
    ['an unknown sortOrder', 'E0000001', { sortOrder: 'NEWEST' }],
  ])('refuses %s with 400 %s', async (_what, code, query) => {
    const res = await h.json<Json>(`/api/v1/logs?${new URLSearchParams(query).toString()}`);
    expect(res.status).toBe(400);
    expect(res.body.errorCode).toBe(code);
  });
});
