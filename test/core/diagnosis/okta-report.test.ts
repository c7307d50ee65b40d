import { oktaReport } from '../../../src/core/diagnosis/okta-report.ts';
import { appUser, hoursAgo, oktaApp, oktaSnapshot, pushFailure } from '../../factories/diagnosis-input.ts';

describe('oktaReport', () => {
  test('the app user, its licenses as Okta spells them, and the newest push failure', () => {
    const snapshot = oktaSnapshot({
      appUser: appUser(['spe_e3', 'FOO'], { scope: 'GROUP', syncState: 'ERROR' }),
      pushFailures: [pushFailure(2), pushFailure(9)],
    });
    expect(oktaReport(snapshot)).toEqual({
      appId: oktaApp().id, appUserStatus: 'PROVISIONED', syncState: 'ERROR', scope: 'GROUP', provisioning: 'enabled',
      managedLicenses: ['spe_e3', 'FOO'],
      lastPushFailure: { at: hoursAgo(2), message: pushFailure(2).message, eventType: 'app.office365.api.error.push.profile' },
    });
  });

  test('only the app: app-user fields are null', () => {
    expect(oktaReport(oktaSnapshot({ appUser: null, pushFailures: [] }))).toEqual({
      appId: oktaApp().id, appUserStatus: null, syncState: null, scope: null, provisioning: 'enabled', managedLicenses: [], lastPushFailure: null,
    });
  });

  test.each([
    ['Okta not consulted', null],
    ['no Office 365 app', oktaSnapshot({ app: null })],
  ])('%s: null', (_case, snapshot) => {
    expect(oktaReport(snapshot)).toBeNull();
  });

  test('provisioning status of an inactive app', () => {
    expect(oktaReport(oktaSnapshot({ app: oktaApp({ status: 'INACTIVE' }) }))?.provisioning).toBe('disabled');
  });
});
