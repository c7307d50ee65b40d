// The rules of alerts that do not spam: failures group by cause (verdict, licensing group, SKU); a healthy diagnosis
// resolves; the card lists the first users and counts the rest; its paths act on the first user still failing.
import { alertCause, showsResolved, windowEnd } from '../../../src/core/alerts/alert-rules.ts';
import { alertView, MAX_LISTED_USERS } from '../../../src/core/views/alert-view.ts';
import { alertOf, HEALTHY, member, OTHER_GROUP, reportFor, SAME_CAUSE } from './seeded-reports.ts';

describe('alertCause', () => {
  it('gives users of one licensing group and SKU the same cause, and another group another', () => {
    const keys = SAME_CAUSE.map((u) => alertCause(reportFor(u))?.key);
    expect(new Set(keys).size).toBe(1);
    const cause = alertCause(reportFor(SAME_CAUSE[0]));
    expect(cause).toMatchObject({ verdict: 'group-inherited-license-conflict', group: { displayName: 'Licensing - Microsoft 365 E3' }, sku: { partNumber: 'SPE_E3' } });
    expect(alertCause(reportFor(OTHER_GROUP))?.key).not.toBe(cause?.key);
  });

  it('keeps a different verdict on the same group and SKU apart (dual-managed is not the KB conflict)', () => {
    const dual = alertCause(reportFor('grady.archie@contoso.com'));
    expect(dual?.group?.id).toBe(alertCause(reportFor(SAME_CAUSE[0]))?.group?.id);
    expect(dual?.key).not.toBe(alertCause(reportFor(SAME_CAUSE[0]))?.key);
  });

  it('alerts nothing for a healthy user, and their diagnosis shows them resolved', () => {
    expect(alertCause(reportFor(HEALTHY))).toBeNull();
    expect(showsResolved(reportFor(HEALTHY))).toBe(true);
    expect(showsResolved(reportFor(SAME_CAUSE[0]))).toBe(false);
  });

  it('gathers failures for the window from the first one', () => {
    expect(windowEnd(1_000, 60)).toBe(1_000 + 3_600_000);
  });
});

describe('alertView', () => {
  it('counts the users failing, names the cause and shows the first failing user\'s diagnosis with its paths', () => {
    const view = alertView(alertOf([member(SAME_CAUSE[0]), member(SAME_CAUSE[1], 2), member(SAME_CAUSE[2], 3)]));
    expect(view.headline).toBe('Okta pushes fail: Microsoft 365 E3 comes from group Licensing - Microsoft 365 E3');
    expect(view.summary).toBe('3 users failing since 12:00 UTC');
    expect(view.users.map((u) => u.userPrincipalName)).toEqual(SAME_CAUSE.slice(0, 3));
    expect(view.more).toBe(0);
    expect(view.diagnosis?.recheckQuery).toBe(SAME_CAUSE[0]);
    expect(view.diagnosis?.paths.map((p) => p.path)).toContain('okta-owns-licenses');
  });

  it('lists resolved users after those still failing, and acts on the first still failing', () => {
    const view = alertView(alertOf([member(SAME_CAUSE[0], 0, true), member(SAME_CAUSE[1], 1)]));
    expect(view.users).toEqual([
      expect.objectContaining({ userPrincipalName: SAME_CAUSE[1], resolved: false }),
      expect.objectContaining({ userPrincipalName: SAME_CAUSE[0], resolved: true }),
    ]);
    expect(view.summary).toBe('1 user failing since 12:00 UTC · 1 resolved');
    expect(view.diagnosis?.recheckQuery).toBe(SAME_CAUSE[1]);
    expect(view.tone).toBe('attention');
  });

  it('says everyone is resolved, with no paths left', () => {
    const view = alertView(alertOf(SAME_CAUSE.map((u, i) => member(u, i, true))));
    expect(view).toMatchObject({ failing: 0, resolved: 4, tone: 'good', diagnosis: null, summary: 'All 4 users resolved · first failure 12:00 UTC' });
  });

  it('names the first users and counts the rest', () => {
    const many = Array.from({ length: MAX_LISTED_USERS + 7 }, (_, i) => ({ ...member(SAME_CAUSE[i % 4] ?? SAME_CAUSE[0], i), userPrincipalName: `user${i}@contoso.com` }));
    const view = alertView(alertOf(many));
    expect(view.users).toHaveLength(MAX_LISTED_USERS);
    expect(view.more).toBe(7);
    expect(view.failing).toBe(MAX_LISTED_USERS + 7);
  });
});
