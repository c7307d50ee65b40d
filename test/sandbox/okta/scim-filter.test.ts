import { filterAttributes, matchesFilter, parseScimFilter } from '../../../src/sandbox/okta/scim-filter.ts';

const event = {
  eventType: 'app.office365.api.error.push.profile',
  outcome: { result: 'FAILURE', reason: 'Could not push' },
  severity: 'ERROR',
  version: 0,
  target: [{ id: '00u1', type: 'User', alternateId: 'adele@contoso.com' }, { id: '0oa1', type: 'AppInstance' }],
};

describe('parseScimFilter / matchesFilter', () => {
  it.each([
    ['eventType eq "app.office365.api.error.push.profile"', true],
    ['eventType eq "APP.OFFICE365.API.ERROR.PUSH.PROFILE"', true],
    ['eventType eq "application.provision.user.push_profile"', false],
    ['target.id eq "0oa1"', true],
    ['target.id eq "00u1" and target.type eq "AppInstance"', true],
    ['outcome.result eq "SUCCESS" or severity eq "ERROR"', true],
    ['outcome.result eq "SUCCESS" or severity eq "ERROR" and version eq 1', false],
    ['(outcome.result eq "SUCCESS" or severity eq "ERROR") and version eq 0', true],
    ['outcome.reason co "push"', true],
    ['eventType sw "app.office365"', true],
    ['eventType ew ".profile"', true],
    ['outcome.result ne "FAILURE"', false],
    ['version ge 0 and version lt 1', true],
    ['debugContext pr', false],
    ['outcome.reason pr', true],
    ['target.alternateId eq "adele@contoso.com"', true],
    ['eventType eq "a \\"quoted\\" type"', false],
  ])('%s → %s', (text, expected) => {
    const parsed = parseScimFilter(text);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(matchesFilter(parsed.filter, event)).toBe(expected);
  });

  it.each([
    ['eventType eq'],
    ['eventType "x"'],
    ['eventType xx "x"'],
    ['(eventType eq "x"'],
    ['eventType eq "x" and'],
    ['eventType eq "unterminated'],
    ['eventType eq "x" "y"'],
    [''],
  ])('refuses %j', (text) => {
    const parsed = parseScimFilter(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(/^Invalid filter: /);
  });

  it('lists the attributes a filter names', () => {
    const parsed = parseScimFilter('(a.b eq "1" or c pr) and d gt 2');
    expect(parsed.ok && filterAttributes(parsed.filter)).toEqual(['a.b', 'c', 'd']);
  });
});
