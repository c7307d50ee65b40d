// Card action data as Teams delivers it (Action.Execute data merged with the card's inputs), table-driven.
import { parseTeamsAction } from '../../../src/surfaces/teams/teams-action.ts';

test.each([
  ['path', { path: 'okta-owns-licenses', query: 'adele.vance@contoso.com' }, { verb: 'path', path: 'okta-owns-licenses', query: 'adele.vance@contoso.com' }],
  ['request', { path: 'entra-owns-licenses', query: 'a@contoso.com', justification: '  INC1  ', acknowledgeRemoval: 'true' },
    { verb: 'request', path: 'entra-owns-licenses', query: 'a@contoso.com', justification: 'INC1', acknowledgeRemoval: true }],
  ['request', { path: 'entra-owns-licenses', query: 'a@contoso.com', acknowledgeRemoval: 'false' },
    { verb: 'request', path: 'entra-owns-licenses', query: 'a@contoso.com', justification: '', acknowledgeRemoval: false }],
  ['request', { path: 'entra-owns-licenses', query: 'a@contoso.com', acknowledgeRemoval: true },
    { verb: 'request', path: 'entra-owns-licenses', query: 'a@contoso.com', justification: '', acknowledgeRemoval: true }],
  ['recheck', { query: 'a@contoso.com' }, { verb: 'recheck', target: { kind: 'query', query: 'a@contoso.com' } }],
  ['recheck', { requestId: 'LD-AAAA-BBBB' }, { verb: 'recheck', target: { kind: 'request', requestId: 'LD-AAAA-BBBB' } }],
  ['approve', { requestId: 'LD-AAAA-BBBB', card: 'approval' }, { verb: 'approve', requestId: 'LD-AAAA-BBBB', reason: '', card: 'approval' }],
  ['reject', { requestId: 'LD-AAAA-BBBB', card: 'approval', reason: ' no ' }, { verb: 'reject', requestId: 'LD-AAAA-BBBB', reason: 'no', card: 'approval' }],
  ['cancel', { requestId: 'LD-AAAA-BBBB' }, { verb: 'cancel', requestId: 'LD-AAAA-BBBB', reason: '', card: 'status' }],
  ['refresh', { requestId: 'LD-AAAA-BBBB' }, { verb: 'refresh', requestId: 'LD-AAAA-BBBB' }],
])('%s %j', (verb, data, expected) => {
  expect(parseTeamsAction(verb, data)).toEqual(expected);
});

test.each([
  ['an unknown verb', 'delete', { requestId: 'x' }],
  ['no verb', undefined, { requestId: 'x' }],
  ['an unknown path', 'path', { path: 'make-it-so', query: 'a@contoso.com' }],
  ['a path without a user', 'path', { path: 'okta-owns-licenses' }],
  ['a decision without a request', 'approve', {}],
  ['a blank request id', 'approve', { requestId: '   ' }],
  ['a card kind that does not exist', 'approve', { requestId: 'LD-1', card: 'modal' }],
  ['string data', 'refresh', 'LD-AAAA-BBBB'],
  ['null data', 'recheck', null],
])('%s is not an action', (_what, verb, data) => {
  expect(parseTeamsAction(verb, data)).toBeNull();
});
