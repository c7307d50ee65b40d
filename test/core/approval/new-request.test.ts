import { newRequest } from '../../../src/core/approval/new-request.ts';
import { isLicenseDoctorError } from '../../../src/core/errors.ts';
import type { LicenseLine } from '../../../src/core/model/plan.ts';
import { IDA, NOW, plan, planFor, requestInput } from './request-factory.ts';

const line = (skuPartNumber: string, productName: string): LicenseLine => ({ skuId: `id-${skuPartNumber}`, skuPartNumber, productName, sources: [], heldByOkta: false });

describe('newRequest', () => {
  test('a pending request, version 1, every step pending, expiring after the TTL', () => {
    const input = requestInput({ reason: '  Okta push keeps failing.  ' });
    const result = newRequest(input);
    expect(result).toMatchObject({
      kind: 'created',
      request: {
        id: 'req-1', status: 'pending', version: 1, path: 'okta-owns-licenses', scope: 'user', approvalsRequired: 1,
        requestedBy: IDA, reason: 'Okta push keeps failing.', removalAcknowledged: false, target: input.target, plan: input.plan,
        decisions: [], createdAt: NOW, updatedAt: NOW, expiresAt: '2026-05-08T10:00:00.000Z', outcome: null,
      },
    });
    if (result.kind !== 'created') return;
    // The manual step s3 starts pending too: the executor marks it manual when it gets there.
    expect(result.request.steps).toEqual(['s1', 's2', 's3', 's4', 's5'].map((stepId) => ({ stepId, status: 'pending', detail: null, at: null })));
    expect(result.audit).toEqual([expect.objectContaining({
      action: 'request.created', actor: IDA.userPrincipalName, requestId: 'req-1', at: NOW,
      data: expect.objectContaining({ path: 'okta-owns-licenses', scope: 'user', approvalsRequired: 1, reason: 'Okta push keeps failing.', expiresAt: '2026-05-08T10:00:00.000Z' }),
    })]);
  });

  test.each([[1, '2026-05-07T11:00:00.000Z'], [72, '2026-05-10T10:00:00.000Z'], [0.5, '2026-05-07T10:30:00.000Z']])('ttl %p hours expires at %s', (ttlHours, expiresAt) => {
    expect(newRequest(requestInput({ ttlHours }))).toMatchObject({ request: { expiresAt } });
  });

  test.each([['user', 1], ['group', 2], ['app', 2]] as const)('a %s-scoped plan needs %i approvals', (scope, n) => {
    expect(newRequest(requestInput({ plan: planFor(scope) }))).toMatchObject({ request: { scope, approvalsRequired: n } });
  });

  test('a plan cannot ask for fewer approvals than its scope needs, but may ask for more', () => {
    expect(newRequest(requestInput({ plan: plan({ scope: 'app', approvalsRequired: 1 }) }))).toMatchObject({ request: { approvalsRequired: 2 } });
    expect(newRequest(requestInput({ plan: plan({ scope: 'user', approvalsRequired: 3 }) }))).toMatchObject({ request: { approvalsRequired: 3 } });
  });

  test.each(['', '   ', '\n'])('refuses a blank justification (%j), audited', (reason) => {
    expect(newRequest(requestInput({ reason }))).toEqual({
      kind: 'refused', reason: 'justification-required', message: 'A justification is required: say why this change is needed.',
      audit: [expect.objectContaining({ action: 'request.refused', actor: IDA.userPrincipalName, requestId: null, data: expect.objectContaining({ reason: 'justification-required', id: 'req-1' }) })],
    });
  });

  test('refuses a plan that removes licenses unless the requester acknowledged it, naming them', () => {
    const removing = plan({ removedLicenses: [line('SPE_E3', 'Microsoft 365 E3'), line('POWER_BI_PRO', 'Power BI Pro')] });
    expect(newRequest(requestInput({ plan: removing }))).toMatchObject({
      kind: 'refused', reason: 'removal-not-acknowledged',
      message: 'This plan removes Microsoft 365 E3 and Power BI Pro from Adele Vance: confirm that these licenses are lost (acknowledge the removal) to ask for it.',
      audit: [{ action: 'request.refused', data: { reason: 'removal-not-acknowledged' } }],
    });
    expect(newRequest(requestInput({ plan: removing, removalAcknowledged: true }))).toMatchObject({ kind: 'created', request: { removalAcknowledged: true } });
  });

  test('the service-gap variant needs the acknowledgement too (the license lapses for a while)', () => {
    const gap = plan({ options: { completeOktaLicenses: true, allowServiceGap: true, removeLicenseFromGroup: false } });
    expect(newRequest(requestInput({ plan: gap }))).toMatchObject({ kind: 'refused', reason: 'removal-not-acknowledged', message: expect.stringContaining('gap in service') });
    expect(newRequest(requestInput({ plan: gap, removalAcknowledged: true }))).toMatchObject({ kind: 'created' });
  });

  test('the justification is checked first', () => {
    expect(newRequest(requestInput({ reason: ' ', plan: plan({ removedLicenses: [line('SPE_E3', 'Microsoft 365 E3')] }) }))).toMatchObject({ reason: 'justification-required' });
  });

  test.each([
    ['a zero TTL', { ttlHours: 0 }, 'configuration'],
    ['a negative TTL', { ttlHours: -1 }, 'configuration'],
    ['a TTL that is not a number', { ttlHours: Number.NaN }, 'configuration'],
    ['an unreadable time', { now: 'yesterday' }, 'usage'],
  ] as const)('%s is a programming error and throws', (_case, overrides, code) => {
    let thrown: unknown;
    try {
      newRequest(requestInput(overrides));
    } catch (err) {
      thrown = err;
    }
    expect(isLicenseDoctorError(thrown, code)).toBe(true);
  });
});
