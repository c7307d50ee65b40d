import { samePerson } from '../../../src/core/approval/same-person.ts';
import { actor } from './request-factory.ts';

const ID = 'a0000000-0000-4000-8000-00000000000a';

test.each([
  ['same UPN', actor('a@contoso.com', 'A'), actor('a@contoso.com', null), true],
  ['UPN differing in case and spaces', actor('A@Contoso.COM ', 'A'), actor('a@contoso.com', 'A'), true],
  ['same object id, renamed UPN', actor('a@contoso.com', 'A', { entraObjectId: ID }), actor('a.b@contoso.com', 'A', { entraObjectId: ID.toUpperCase() }), true],
  ['different people', actor('a@contoso.com', 'A', { entraObjectId: ID }), actor('b@contoso.com', 'B', { entraObjectId: 'other' }), false],
  ['different UPNs, one object id unknown', actor('a@contoso.com', 'A', { entraObjectId: ID }), actor('b@contoso.com', 'B'), false],
  ['different UPNs, both object ids unknown', actor('a@contoso.com', 'A'), actor('b@contoso.com', 'B'), false],
])('%s → %p', (_case, a, b, same) => {
  expect(samePerson(a, b)).toBe(same);
  expect(samePerson(b, a)).toBe(same);
});
