// `status LD-…` and `my requests`: recognised in every surface's markup; anything else stays a diagnosis query.
import { parseRequestCommand } from '../../../src/core/approval/request-command.ts';

test.each([
  ['status LD-7K3F-9QX2', { kind: 'status', requestId: 'LD-7K3F-9QX2' }],
  ['  Status   ld-7k3f-9qx2 ', { kind: 'status', requestId: 'LD-7K3F-9QX2' }],
  ['<@U0LDBOT> status LD-7K3F-9QX2', { kind: 'status', requestId: 'LD-7K3F-9QX2' }],
  ['<at>License Doctor</at> status LD-7K3F-9QX2', { kind: 'status', requestId: 'LD-7K3F-9QX2' }],
  ['/status LD-7K3F-9QX2', { kind: 'status', requestId: 'LD-7K3F-9QX2' }],
  ['my requests', { kind: 'my-requests' }],
  ['My Request', { kind: 'my-requests' }],
  ['<at>License Doctor</at>  my   requests', { kind: 'my-requests' }],
])('%j → %j', (text, command) => {
  expect(parseRequestCommand(text)).toEqual(command);
});

test.each([
  'adele.vance@contoso.com',
  'status',
  'status LD-7K3F',
  'status of adele.vance@contoso.com',
  'status LD-7K3F-9QX2 please',
  'my requests for adele',
  'Could not push profile for Office 365 user my requests',
])('%j is not a request command', (text) => {
  expect(parseRequestCommand(text)).toBeNull();
});
